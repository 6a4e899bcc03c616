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

    /// The `*.sql` names in the versions folder (not hidden ones), sorted.
    /// - Throws: ``ScriptDirectoryError`` when the folder is missing,
    ///   ``TextFileError`` when it cannot be read.
    static func revisionFileNames(in folder: String, location: String) throws -> [String] {
        guard try FolderListing.isFolder(folder, role: "versions folder") else {
            throw ScriptDirectoryError.missingFolder(location)
        }
        return try FolderListing.names(in: folder, role: "versions folder")
            .filter(isRevisionFileName)
            .sorted()
    }

    /// Whether a name in the versions folder is a revision file's: `*.sql`, not hidden.
    static func isRevisionFileName(_ name: String) -> Bool {
        name.hasSuffix(".sql") && !name.hasPrefix(".")
    }

    /// Reads and parses every `*.sql` file in `<location>/versions`, then
    /// builds the graph. A `.sql` entry that is not a regular file (a FIFO,
    /// socket, device, folder or dangling link) is an error naming it:
    /// skipping it could leave out a revision the user expects to run.
    /// - Throws: ``ScriptDirectoryError`` when the folder is missing,
    ///   ``TextFileError`` for a folder or file that cannot be read, or the
    ///   file's or graph's error naming the file.
    public static func load(_ location: String) throws -> ScriptDirectory {
        let folder = versionsFolder(of: location)
        let names = try revisionFileNames(in: folder, location: location)
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
    static func parseConcurrently(_ paths: [String]) throws -> [RevisionScript] {
        let results = ResultSlots<RevisionScript>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            results.set(index) {
                try RevisionScript.parse(TextFile.contents(of: path, role: "revision file"), path: path)
            }
        }
        return try results.values()
    }
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
