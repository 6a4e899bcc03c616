import Foundation

/// The migrations folder: every revision file in `versions/`, parsed, and the
/// graph they form.
public struct ScriptDirectory: Sendable {
    /// The migrations folder (`script_location`).
    public let location: String
    /// Parsed revision files by revision id.
    public let scripts: [String: RevisionScript]
    /// The graph the files' headers describe.
    public let graph: RevisionGraph

    /// The folder that holds the revision files.
    public var versionsFolder: String { Self.versionsFolder(of: location) }

    static func versionsFolder(of location: String) -> String {
        (location as NSString).appendingPathComponent("versions")
    }

    /// Reads and parses every `*.sql` file in `<location>/versions`, then
    /// builds the graph.
    /// - Throws: ``ScriptDirectoryError`` when the folder is missing, or the
    ///   file's or graph's error naming the file.
    public static func load(_ location: String) throws -> ScriptDirectory {
        let folder = versionsFolder(of: location)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue
        else { throw ScriptDirectoryError.missingFolder(location) }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".sql") && !$0.hasPrefix(".") }
            .sorted()
        let paths = names.map { (folder as NSString).appendingPathComponent($0) }
        let parsed = try parseConcurrently(paths)
        var scripts: [String: RevisionScript] = [:]
        scripts.reserveCapacity(parsed.count)
        var nodes: [RevisionNode] = []
        nodes.reserveCapacity(parsed.count)
        for script in parsed {
            nodes.append(
                RevisionNode(
                    id: script.revision, parents: script.downRevisions, dependsOn: script.dependsOn,
                    branchLabels: script.branchLabels, path: script.path, message: script.message))
            scripts[script.revision] = script
        }
        let graph = try RevisionGraph(nodes)
        return ScriptDirectory(location: location, scripts: scripts, graph: graph)
    }

    /// The parsed file of a revision known to the graph.
    public func script(_ id: String) -> RevisionScript {
        guard let script = scripts[id] else { preconditionFailure("revision \(id) is not in the graph") }
        return script
    }

    /// Reads and parses files on all cores: startup time of every command
    /// depends on it once a project has thousands of revisions.
    private static func parseConcurrently(_ paths: [String]) throws -> [RevisionScript] {
        let results = ResultSlots<RevisionScript>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            results.set(index) {
                guard let text = readFile(path) else { throw ScriptDirectoryError.unreadable(path) }
                return try RevisionScript.parse(text, path: path)
            }
        }
        return try results.values()
    }
}

/// Reads a whole file with plain POSIX calls: with thousands of revisions,
/// `FileManager`'s extra work per file shows in every command's startup.
private func readFile(_ path: String) -> String? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16_384)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 { return nil }
        if count == 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// A fixed number of result slots filled from concurrent work.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Result<Value, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ work: () throws -> Value) {
        let result = Result(catching: work)
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    /// The values in order, or the first error in file order.
    func values() throws -> [Value] {
        try slots.map { try $0!.get() }
    }
}

/// Problems with the migrations folder itself.
public enum ScriptDirectoryError: MigrateFailure {
    case missingFolder(String)
    case unreadable(String)

    public var errorID: String {
        switch self {
        case .missingFolder: "scripts.not-found"
        case .unreadable: "scripts.unreadable"
        }
    }

    public var message: String {
        switch self {
        case .missingFolder(let location):
            "The migrations folder '\(location)' (script_location in migrate.ini) has no versions/ folder. "
                + "Fix script_location, or run `migrate init \((location as NSString).lastPathComponent)` to create it."
        case .unreadable(let path):
            "Cannot read the revision file '\(path)'. Check its permissions."
        }
    }
}
