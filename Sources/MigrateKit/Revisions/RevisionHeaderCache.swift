import Foundation

/// The headers of revision files (`Revision ID:`, `Revises:`, `Depends On:`,
/// `Branch Labels:`, the message) remembered between runs, so commands that
/// need only the graph (`heads`) read 5,000 files' metadata, not their text.
///
/// The cache lives in `$XDG_CACHE_HOME/migrate/` (default `~/.cache/migrate/`),
/// one file per versions folder, and is only ever an optimisation: a missing,
/// unreadable or foreign cache file is ignored, and one that cannot be
/// written is not written. An entry is used only while the file's size,
/// modification and status-change times (nanoseconds), inode and device are
/// all those recorded; any edit, `touch`, rename over or replacement changes
/// one of them (the status-change time cannot be set back). A file modified
/// less than two seconds before it was read is not cached, so an edit within
/// the file system's timestamp granularity cannot hide behind an equal time.
struct RevisionHeaderCache {
    /// What identifies one version of a file's contents.
    struct Stamp: Equatable {
        var size, modifiedSeconds, modifiedNanoseconds, changedSeconds, changedNanoseconds, inode, device: Int64

        init(_ info: stat) {
            size = Int64(info.st_size)
            modifiedSeconds = Int64(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
            changedSeconds = Int64(info.st_ctim.tv_sec)
            changedNanoseconds = Int64(info.st_ctim.tv_nsec)
            inode = Int64(bitPattern: UInt64(info.st_ino))
            device = Int64(bitPattern: UInt64(info.st_dev))
        }

        var fields: [String] {
            [size, modifiedSeconds, modifiedNanoseconds, changedSeconds, changedNanoseconds, inode, device].map(String.init)
        }

        /// Whether both times lie at least two seconds before `now` (seconds since 1970).
        func isSettled(at now: Int64) -> Bool {
            modifiedSeconds < now - 1 && changedSeconds < now - 1
        }
    }

    /// A cached header: the graph node of the file, minus its path.
    struct Entry {
        var stamp: Stamp
        var revision: String
        var parents: [String]
        var dependsOn: [String]
        var branchLabels: [String]
        var message: String
    }

    static let formatLine = "migrate revision header cache 1"

    /// The cache file for a versions folder, or `nil` without a home or cache folder.
    let file: String?
    /// The folder the entries describe, recorded in the cache file.
    let folder: String
    private(set) var entries: [String: Entry] = [:]
    private(set) var changed = false

    /// Reads the cache of `folder` (an absolute path); empty when there is none.
    init(folder: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.folder = folder
        file = Self.cacheFile(for: folder, environment: environment)
        guard let file, let text = Self.contents(of: file) else { return }
        entries = Self.entries(in: text, folder: folder)
    }

    /// The entry for the file `name`, if it was recorded for exactly this `stamp`.
    func entry(for name: String, stamp: Stamp) -> Entry? {
        guard let entry = entries[name], entry.stamp == stamp else { return nil }
        return entry
    }

    /// Records the header of `script`, read from `name` when it had `stamp`.
    mutating func record(_ script: RevisionScript, name: String, stamp: Stamp, now: Int64) {
        guard stamp.isSettled(at: now) else { return }
        entries[name] = Entry(
            stamp: stamp, revision: script.revision, parents: script.downRevisions, dependsOn: script.dependsOn,
            branchLabels: script.branchLabels, message: script.message)
        changed = true
    }

    /// Keeps only the entries of `names` (files removed since are forgotten).
    mutating func keep(only names: [String]) {
        let known = names.reduce(0) { entries[$1] == nil ? $0 : $0 + 1 }
        guard known < entries.count else { return }  // nothing to forget: the usual case, checked cheaply
        let names = Set(names)
        entries = entries.filter { names.contains($0.key) }
        changed = true
    }

    /// Writes the cache when it changed: to a temporary file renamed over the
    /// old one, so a concurrent run reads the old or the new cache, never half.
    func saveIfChanged() {
        guard changed, let file else { return }
        var text = Self.formatLine + "\n" + folder + "\n"
        for (name, entry) in entries.sorted(by: { $0.key < $1.key }) {
            let fields =
                [Self.escape(name)] + entry.stamp.fields
                + [
                    entry.revision, entry.parents.joined(separator: " "), entry.dependsOn.joined(separator: " "),
                    entry.branchLabels.joined(separator: " "), Self.escape(entry.message),
                ]
            text += fields.joined(separator: "\t") + "\n"
        }
        Self.replace(file, with: Array(text.utf8))
    }

    /// Writes `bytes` to a temporary file renamed over `file`, so a concurrent
    /// run reads the old or the new cache, never half; nothing when it cannot.
    static func replace(_ file: String, with bytes: [UInt8]) {
        let directory = (file as NSString).deletingLastPathComponent
        let temporary = file + ".\(getpid()).tmp"
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil,
            FileManager.default.createFile(atPath: temporary, contents: Data(bytes))
        else { return }
        if rename(temporary, file) != 0 { unlink(temporary) }
    }

    /// `$XDG_CACHE_HOME/migrate/<kind>-<hash of folder>`, or under `~/.cache`.
    static func cacheFile(for folder: String, environment: [String: String], kind: String = "headers") -> String? {
        let base: String
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = cache
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home + "/.cache"
        } else {
            return nil
        }
        return base + "/migrate/" + kind + "-" + String(fnv1a(folder.utf8), radix: 16)
    }

    /// FNV-1a of `bytes`: stable across runs (Swift's `hashValue` changes per run).
    static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// A field with `\\`, tab, newline and carriage return escaped.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }
}
