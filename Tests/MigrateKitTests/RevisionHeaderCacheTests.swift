import Foundation
import Testing

@testable import MigrateKit

/// The header cache behind `heads`: used while a file is unchanged, never
/// trusted once it changed, however the change was made.
@Suite("Revision header cache")
final class RevisionHeaderCacheTests {
    let root: String
    var versions: String { root + "/migrations/versions" }
    var environment: [String: String] { ["XDG_CACHE_HOME": root + "/cache"] }

    init() throws {
        root = NSTemporaryDirectory() + "header-cache-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/migrations/versions", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes a revision file whose times lie `age` seconds back (old enough to be cached).
    func write(_ revision: String, revises parent: String, message: String, age: Int = 60) throws {
        let path = versions + "/\(revision).sql"
        let text = "-- \(message)\n--\n-- Revision ID: \(revision)\n-- Revises: \(parent)\n\n-- migrate:upgrade\nSELECT 1;\n"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try setTimes(path, age: age)
    }

    func setTimes(_ path: String, age: Int) throws {
        let then = Date().addingTimeInterval(-Double(age))
        try FileManager.default.setAttributes([.modificationDate: then], ofItemAtPath: path)
    }

    /// Waits until files written so far are old enough to be cached: their
    /// status-change time (which cannot be set back) is two seconds old.
    func settle() {
        Thread.sleep(forTimeInterval: 2.2)
    }

    func graph() throws -> RevisionGraph {
        try ScriptDirectory.loadGraph(root + "/migrations", environment: environment)
    }

    func cache() -> RevisionHeaderCache {
        RevisionHeaderCache(folder: versions, environment: environment)
    }

    /// Sets the file times back, as `touch -d` or a restore could; only the
    /// status-change time still shows the edit.
    func pretendUnmodified(_ path: String, like stamp: RevisionHeaderCache.Stamp) {
        var times = [
            timespec(tv_sec: Int(stamp.modifiedSeconds), tv_nsec: Int(stamp.modifiedNanoseconds)),
            timespec(tv_sec: Int(stamp.modifiedSeconds), tv_nsec: Int(stamp.modifiedNanoseconds)),
        ]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    @Test func unchangedFilesAreReadFromTheCache() throws {
        try write("aaaa", revises: "", message: "first")
        try write("bbbb", revises: "aaaa", message: "second")
        settle()
        #expect(try graph().heads == ["bbbb"])
        var stored = cache()
        #expect(stored.entries.count == 2)
        // A cache entry that disagrees with the file but matches its stamp
        // wins: proof that the file was not read again.
        let entry = try #require(stored.entries["bbbb.sql"])
        stored.record(
            RevisionScript(path: "", message: "from the cache", revision: "bbbb", downRevisions: ["aaaa"], sections: []),
            name: "bbbb.sql", stamp: entry.stamp, now: Int64(time(nil)))
        stored.saveIfChanged()
        #expect(try graph().nodes["bbbb"]?.message == "from the cache")
    }

    @Test func anEditIsSeenEvenWithTheSameSizeAndModificationTime() throws {
        try write("aaaa", revises: "", message: "first")
        try write("bbbb", revises: "aaaa", message: "second")
        try write("cccc", revises: "aaaa", message: "third")
        settle()
        #expect(Set(try graph().heads) == ["bbbb", "cccc"])
        let stamp = try #require(cache().entries["cccc.sql"]).stamp
        // Same length, same modification time: cccc now follows bbbb.
        let path = versions + "/cccc.sql"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "Revises: aaaa", with: "Revises: bbbb")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        pretendUnmodified(path, like: stamp)
        #expect(try graph().heads == ["cccc"])
        #expect(try graph().nodes["cccc"]?.parents == ["bbbb"])
    }

    @Test func aFileReplacedByRenameIsReadAgain() throws {
        try write("aaaa", revises: "", message: "first")
        try write("bbbb", revises: "aaaa", message: "second")
        _ = try graph()
        let replacement = root + "/replacement.sql"
        try "-- other\n--\n-- Revision ID: bbbb\n-- Revises: aaaa\n\n-- migrate:upgrade\nSELECT 2;\n"
            .write(toFile: replacement, atomically: false, encoding: .utf8)
        try setTimes(replacement, age: 60)
        #expect(rename(replacement, versions + "/bbbb.sql") == 0)
        #expect(try graph().nodes["bbbb"]?.message == "other")
    }

    @Test func aFreshlyWrittenFileIsNotCached() throws {
        try write("aaaa", revises: "", message: "first")
        settle()
        try write("bbbb", revises: "aaaa", message: "second", age: 0)
        _ = try graph()
        #expect(Set(cache().entries.keys) == ["aaaa.sql"])
    }

    @Test func removedFilesAndBrokenCachesAreHarmless() throws {
        try write("aaaa", revises: "", message: "first")
        try write("bbbb", revises: "aaaa", message: "second")
        settle()
        _ = try graph()
        try FileManager.default.removeItem(atPath: versions + "/bbbb.sql")
        #expect(try graph().heads == ["aaaa"])
        #expect(Set(cache().entries.keys) == ["aaaa.sql"])
        let file = try #require(cache().file)
        try "migrate revision header cache 1\n\(versions)\nbroken\tline\n".write(toFile: file, atomically: false, encoding: .utf8)
        #expect(try graph().heads == ["aaaa"])
    }

    /// Every header field survives the cache: lists of several ids, labels,
    /// and a message with the characters the cache file escapes.
    @Test func cachedHeadersEqualParsedOnes() throws {
        try write("aaaa", revises: "", message: "first")
        try write("bbbb", revises: "aaaa", message: "second")
        let path = versions + "/cccc.sql"
        try """
        -- merge\twith a tab, a \\ backslash, ünïcödé
        -- and a second line
        --
        -- Revision ID: cccc
        -- Revises: aaaa, bbbb
        -- Branch Labels: one, two
        -- Depends On: aaaa

        -- migrate:upgrade
        SELECT 1;

        """.write(toFile: path, atomically: false, encoding: .utf8)
        try setTimes(path, age: 60)
        settle()
        let parsed = try ScriptDirectory.load(root + "/migrations").graph.nodes
        _ = try graph()
        #expect(cache().entries.count == 3)
        let cached = try graph().nodes
        #expect(cached == parsed)
        #expect(cached["cccc"]?.message == "merge\twith a tab, a \\ backslash, ünïcödé\nand a second line")
        #expect(cached["cccc"]?.parents == ["aaaa", "bbbb"])
        #expect(cached["cccc"]?.branchLabels == ["one", "two"])
    }

    /// A cache file cut off or garbled part way keeps the entries before the
    /// damage and reads the other files again.
    @Test func aDamagedEntryIsReadFromTheFileAgain() throws {
        try write("aaaa", revises: "", message: "first")
        try write("bbbb", revises: "aaaa", message: "second")
        settle()
        _ = try graph()
        let file = try #require(cache().file)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        // The stamp's size field of the second entry is no number any more.
        var fields = lines[3].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        fields[1] = "12x"
        try (lines[0...2] + [fields.joined(separator: "\t")]).joined(separator: "\n")
            .write(toFile: file, atomically: false, encoding: .utf8)
        #expect(cache().entries.count == 1)
        #expect(try graph().nodes["bbbb"]?.message == "second")
        #expect(cache().entries.count == 2)
    }

    @Test func aBadFileIsStillAnErrorNamingIt() throws {
        try write("aaaa", revises: "", message: "first")
        _ = try graph()
        try "-- no header\nSELECT 1;\n".write(toFile: versions + "/aaaa.sql", atomically: false, encoding: .utf8)
        #expect(throws: RevisionScriptError.self) { try self.graph() }
    }
}
