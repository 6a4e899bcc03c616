import Foundation
import Testing

@testable import MigrateKit

/// The heads cache behind `heads`: the same answer as building the graph,
/// used only while every revision file is exactly as it was, and never
/// holding a graph that failed its checks.
///
/// Most tests plant a marker: they record, for the folder as it is, heads
/// that differ from the real ones. Answering with the marker proves the
/// cache was used; after a change the answer must be the real one again.
@Suite("Revision heads cache")
final class RevisionHeadsCacheTests {
    let root: String
    var location: String { root + "/migrations" }
    var versions: String { location + "/versions" }
    var environment: [String: String] { ["XDG_CACHE_HOME": root + "/cache"] }
    static let marker = "from the heads cache"

    init() throws {
        root = NSTemporaryDirectory() + "heads-cache-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: versions, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes a revision file whose modification time lies a minute back.
    func write(
        _ revision: String, revises parents: String, message: String, more header: String = "", name: String? = nil
    ) throws {
        let path = versions + "/\(name ?? revision).sql"
        try "-- \(message)\n--\n-- Revision ID: \(revision)\n-- Revises: \(parents)\n\(header)\n-- migrate:upgrade\nSELECT 1;\n"
            .write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: path)
    }

    /// Three revisions in a line: aaaa, bbbb, cccc (the head).
    func writeLine() throws {
        try write("aaaa", revises: "", message: "first")
        try write("bbbb", revises: "aaaa", message: "second")
        try write("cccc", revises: "bbbb", message: "third")
    }

    /// Waits until the files' status-change times (which cannot be set
    /// back) lie two seconds back: only then are heads recorded.
    func settle() {
        Thread.sleep(forTimeInterval: 2.2)
    }

    func heads() throws -> RevisionHeads {
        try ScriptDirectory.loadHeads(location, environment: environment)
    }

    /// The heads of the graph built from every file, without any cache.
    func uncachedHeads() throws -> RevisionHeads {
        RevisionHeads(try ScriptDirectory.load(location).graph)
    }

    var cache: RevisionHeadsCache {
        RevisionHeadsCache(folder: ScriptDirectory.absolutePath(versions), environment: environment)
    }

    var prefix: String { versions + "/" }

    func currentStamp() throws -> RevisionFolderStamp {
        try #require(RevisionFolderStamp(folder: versions, now: Int64(time(nil))))
    }

    func cacheBytes() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: try #require(cache.file)))
    }

    /// Records, for the folder as it is now, the real heads with the first
    /// one's message replaced by ``marker``.
    func plantMarker() throws {
        let stamp = try currentStamp()
        var planted = try #require(cache.heads(for: stamp, prefix: prefix), "no heads were recorded")
        planted.nodes[0].message = Self.marker
        cache.save(planted, for: stamp, prefix: prefix)
        #expect(try heads().nodes[0].message == Self.marker)
    }

    /// Three settled revisions in a line whose heads are recorded with the marker.
    func recordLineWithMarker() throws {
        try writeLine()
        settle()
        _ = try heads()
        try plantMarker()
    }

    @Test func cachedHeadsEqualTheGraphsHeads() throws {
        // Two heads, one of which another revision depends on (through its
        // branch label), a merge, and a message with escaped characters.
        try write("aaaa", revises: "", message: "first")
        try write("bbbb", revises: "aaaa", message: "left", more: "-- Branch Labels: left, other\n")
        try write("cccc", revises: "aaaa", message: "right")
        try write("dddd", revises: "aaaa, cccc", message: "merge\twith a tab, a \\ backslash, ünïcödé", more: "-- Depends On: left\n")
        settle()
        let uncached = try uncachedHeads()
        #expect(uncached.list(resolvingDependencies: false).map(\.id) == ["bbbb", "dddd"])
        #expect(uncached.list(resolvingDependencies: true).map(\.id) == ["dddd"])
        #expect(try heads() == uncached)  // builds the graph and records its heads
        #expect(cache.heads(for: try currentStamp(), prefix: prefix) == uncached)
        #expect(try heads() == uncached)  // from the cache
        #expect(try heads().nodes.last?.dependsOn == ["bbbb"])
    }

    @Test func anUnchangedFolderIsAnsweredFromTheCache() throws {
        try recordLineWithMarker()
        #expect(try heads().nodes[0].message == Self.marker)
    }

    /// Every way of changing the folder; each must make `heads` build the graph again.
    enum Change: String, CaseIterable, CustomStringConvertible {
        case fileAdded, fileWithNonASCIINameAdded, fileRemoved, editedInPlaceWithSameSize, editedWithTimesSetBack, touched, renamed
        var description: String { rawValue }
    }

    @Test(arguments: Change.allCases)
    func aChangedFolderIsReadAgain(_ change: Change) throws {
        try recordLineWithMarker()
        let path = versions + "/cccc.sql"
        switch change {
        case .fileAdded:
            try write("dddd", revises: "cccc", message: "fourth")
        case .fileWithNonASCIINameAdded:
            try write("dddd", revises: "cccc", message: "fourth", name: "dddd_café")
        case .fileRemoved:
            try FileManager.default.removeItem(atPath: path)
        case .editedInPlaceWithSameSize, .editedWithTimesSetBack:
            let before = try FileManager.default.attributesOfItem(atPath: path)
            try overwrite(path) { $0.replacingOccurrences(of: "-- third", with: "-- THIRD") }
            let modified = try #require(before[.modificationDate] as? Date)
            let then = change == .editedWithTimesSetBack ? modified : modified.addingTimeInterval(1)
            try FileManager.default.setAttributes([.modificationDate: then], ofItemAtPath: path)
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == before[.size] as? Int)
        case .touched:
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
        case .renamed:
            #expect(rename(path, versions + "/cccc_renamed.sql") == 0)
        }
        let heads = try heads()
        #expect(heads == (try uncachedHeads()))
        #expect(!heads.nodes.map(\.message).contains(Self.marker))
    }

    /// Rewrites a file in place (same inode), as an editor that does not rename may.
    func overwrite(_ path: String, _ edit: (String) -> String) throws {
        let text = edit(try String(contentsOfFile: path, encoding: .utf8))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// Every check the graph makes, broken by one more file.
    enum Breakage: String, CaseIterable, CustomStringConvertible {
        case missingParent, cycle, duplicateID, malformedFile
        var description: String { rawValue }
    }

    @Test(arguments: Breakage.allCases)
    func aBrokenGraphIsReportedOnEveryRun(_ breakage: Breakage) throws {
        try recordLineWithMarker()
        let recorded = try cacheBytes()
        switch breakage {
        case .missingParent: try write("dddd", revises: "ffff", message: "orphan")
        case .cycle: try write("aaaa", revises: "cccc", message: "first", name: "aaaa")
        case .duplicateID: try write("bbbb", revises: "aaaa", message: "again", name: "bbbb_again")
        case .malformedFile:
            try "-- no header\nSELECT 1;\n".write(toFile: versions + "/dddd.sql", atomically: false, encoding: .utf8)
        }
        settle()  // settled files: a graph that passed would be recorded now
        let first = try errorText { try self.heads() }
        #expect(first == (try errorText { try self.uncachedHeads() }))
        #expect(try errorText { try self.heads() } == first)
        #expect(try cacheBytes() == recorded)
    }

    @Test func aBrokenGraphIsNeverRecorded() throws {
        try writeLine()
        try write("dddd", revises: "ffff", message: "orphan")
        settle()
        for _ in 1...2 {
            #expect(throws: GraphError.self) { try self.heads() }
        }
        #expect(!FileManager.default.fileExists(atPath: try #require(cache.file)))
    }

    /// A file changed within the last two seconds could change again within
    /// the file system's timestamp granularity: such a folder is not recorded.
    @Test func aFolderWithAFreshFileIsNotRecorded() throws {
        try writeLine()
        #expect(try heads() == (try uncachedHeads()))
        #expect(!FileManager.default.fileExists(atPath: try #require(cache.file)))
        settle()
        _ = try heads()
        #expect(FileManager.default.fileExists(atPath: try #require(cache.file)))
    }

    /// The error `body` throws, as it would be printed.
    func errorText(_ body: () throws -> Any) throws -> String {
        do {
            _ = try body()
        } catch {
            return String(describing: error)
        }
        Issue.record("no error was thrown")
        return ""
    }

    /// Ways a cache file can be damaged; none may be trusted.
    enum Damage: String, CaseIterable, CustomStringConvertible {
        case truncated, headChanged, stampChanged, garbage, empty
        var description: String { rawValue }
    }

    @Test(arguments: Damage.allCases)
    func aDamagedCacheFileIsIgnoredAndRewritten(_ damage: Damage) throws {
        try writeLine()
        settle()
        _ = try heads()
        let file = try #require(cache.file)
        let good = try cacheBytes()
        var bytes = [UInt8](good)
        switch damage {
        case .truncated:
            bytes.removeLast(8)
        case .headChanged:
            // The recorded head claims another id; the checksum no longer fits.
            let at = try #require(findBytes(Array("\tcccc\tbbbb\t".utf8), in: bytes))
            bytes[at + 4] = UInt8(ascii: "d")
        case .stampChanged:
            let name = try #require(findBytes(Array("cccc.sql\0".utf8), in: bytes))
            bytes[name + 9] ^= 1  // the size field's lowest byte
        case .garbage:
            bytes = Array("migrate heads cache 1\nnonsense\n".utf8)
        case .empty:
            bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(try heads() == (try uncachedHeads()))
        #expect(try cacheBytes() == good)
    }

    func findBytes(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
