import Foundation

/// The heads of the checked revision graph remembered between runs, so that
/// `heads` over 5,000 revisions neither reads the header cache nor builds the
/// graph: it lists the folder, `stat`s each file and compares.
///
/// One file per versions folder beside the ``RevisionHeaderCache``
/// (`heads-<hash of folder>`), holding the ``RevisionFolderStamp`` of the
/// files the graph was built from and the heads. It is used only when the
/// folder's stamp now is byte for byte the recorded one; anything else (a
/// file added, removed, renamed, edited or touched, another folder, a cache
/// cut short or damaged, which its checksum shows) falls back to building
/// the graph. Only a graph that passed its checks is recorded, so an error
/// is reported on every run, and only while every file's times are settled.
struct RevisionHeadsCache {
    static let formatLine = "migrate heads cache 1"

    /// The cache file, or `nil` without a home or cache folder.
    let file: String?
    /// The versions folder (absolute), recorded in the cache file.
    let folder: String

    init(folder: String, environment: [String: String]) {
        self.folder = folder
        file = RevisionHeaderCache.cacheFile(for: folder, environment: environment, kind: "heads")
    }

    /// The heads recorded for exactly `stamp`, their files under `prefix`;
    /// `nil` when there are none, they were recorded for another stamp or
    /// the cache file is damaged.
    func heads(for stamp: RevisionFolderStamp, prefix: String) -> RevisionHeads? {
        guard let file, let bytes = RevisionHeaderCache.contents(of: file) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(rest: buffer[...])
            guard reader.line() == Self.formatLine, reader.line() == folder,
                let stampCount = reader.line().flatMap({ Int($0) }), let recorded = reader.take(stampCount),
                Self.equal(recorded, stamp.bytes),
                let summary = reader.line()?.split(separator: " "), summary.count == 2,
                let payloadCount = Int(summary[0]), let checksum = UInt64(summary[1], radix: 16),
                reader.rest.count == payloadCount, RevisionHeaderCache.fnv1a(reader.rest) == checksum
            else { return nil }
            return Self.heads(in: reader.rest, prefix: prefix)
        }
    }

    /// Records `heads` (their files under `prefix`) as those of the files
    /// with `stamp`; not when a head's file lies elsewhere.
    func save(_ heads: RevisionHeads, for stamp: RevisionFolderStamp, prefix: String) {
        guard let file else { return }
        var payload = ""
        for node in heads.nodes {
            guard node.path.hasPrefix(prefix) else { return }
            let fields = [
                RevisionHeaderCache.escape(String(node.path.dropFirst(prefix.count))),
                heads.independentIDs.contains(node.id) ? "1" : "0", node.id, node.parents.joined(separator: " "),
                node.dependsOn.joined(separator: " "), node.branchLabels.joined(separator: " "),
                RevisionHeaderCache.escape(node.message),
            ]
            payload += fields.joined(separator: "\t") + "\n"
        }
        let payloadBytes = Array(payload.utf8)
        var bytes = Array("\(Self.formatLine)\n\(folder)\n\(stamp.bytes.count)\n".utf8) + stamp.bytes
        bytes += Array("\(payloadBytes.count) \(String(RevisionHeaderCache.fnv1a(payloadBytes), radix: 16))\n".utf8)
        RevisionHeaderCache.replace(file, with: bytes + payloadBytes)
    }

    /// Whether `recorded` holds exactly `bytes` (`memcmp`: a byte-by-byte loop showed in the profile).
    private static func equal(_ recorded: RevisionHeaderCache.Bytes, _ bytes: [UInt8]) -> Bool {
        guard recorded.count == bytes.count else { return false }
        guard let start = UnsafeBufferPointer(rebasing: recorded).baseAddress else { return true }  // both empty
        return bytes.withUnsafeBufferPointer { memcmp(start, $0.baseAddress!, bytes.count) == 0 }
    }

    /// The payload's lines: file name, `1` when no revision depends on the
    /// head, id, parents, dependencies, branch labels, message.
    private static func heads(in payload: RevisionHeaderCache.Bytes, prefix: String) -> RevisionHeads? {
        var nodes: [RevisionNode] = []
        var independent: Set<String> = []
        for line in payload.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == 7 else { return nil }
            let list = { (field: RevisionHeaderCache.Bytes) in field.split(separator: UInt8(ascii: " ")).map(RevisionHeaderCache.string) }
            let node = RevisionNode(
                id: RevisionHeaderCache.string(fields[2]), parents: list(fields[3]), dependsOn: list(fields[4]),
                branchLabels: list(fields[5]), path: prefix + RevisionHeaderCache.unescaped(fields[0]),
                message: RevisionHeaderCache.unescaped(fields[6]))
            if fields[1].elementsEqual("1".utf8) { independent.insert(node.id) }
            nodes.append(node)
        }
        return RevisionHeads(nodes: nodes, independentIDs: independent)
    }

    /// Reads a cache file front to back.
    private struct Reader {
        var rest: RevisionHeaderCache.Bytes

        /// The text up to the next newline, which is consumed; `nil` without one.
        mutating func line() -> String? {
            guard let end = rest.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            defer { rest = rest[(end + 1)...] }
            return RevisionHeaderCache.string(rest[..<end])
        }

        /// The next `count` bytes; `nil` when fewer are left.
        mutating func take(_ count: Int) -> RevisionHeaderCache.Bytes? {
            guard count >= 0, rest.count >= count else { return nil }
            defer { rest = rest.dropFirst(count) }
            return rest.prefix(count)
        }
    }
}
