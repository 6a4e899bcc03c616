import Foundation

extension ScriptDirectory {
    /// The graph of the revision files in `<location>/versions`, without
    /// their SQL: files unchanged since an earlier run come from the
    /// ``RevisionHeaderCache`` (one `stat` each), the others are read and
    /// parsed as ``load(_:)`` does, with the same errors, and cached.
    /// - Parameter environment: where `XDG_CACHE_HOME` and `HOME` are read.
    /// - Throws: as ``load(_:)``.
    static func loadGraph(
        _ location: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> RevisionGraph {
        let folder = versionsFolder(of: location)
        let names = try revisionFileNames(in: folder, location: location)
        var cache = RevisionHeaderCache(folder: absolutePath(folder), environment: environment)
        var nodes: [RevisionNode?] = []
        nodes.reserveCapacity(names.count)
        var misses: [(index: Int, name: String, stamp: RevisionHeaderCache.Stamp?)] = []
        for (index, name) in names.enumerated() {
            let path = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            let stamp = stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? RevisionHeaderCache.Stamp(info) : nil
            if let stamp, let entry = cache.entry(for: name, stamp: stamp) {
                nodes.append(
                    RevisionNode(
                        id: entry.revision, parents: entry.parents, dependsOn: entry.dependsOn,
                        branchLabels: entry.branchLabels, path: path, message: entry.message))
            } else {
                nodes.append(nil)
                misses.append((index, name, stamp))
            }
        }
        let parsed = try parseConcurrently(misses.map { (folder as NSString).appendingPathComponent($0.name) })
        let now = Int64(time(nil))
        for (miss, script) in zip(misses, parsed) {
            nodes[miss.index] = RevisionNode(
                id: script.revision, parents: script.downRevisions, dependsOn: script.dependsOn,
                branchLabels: script.branchLabels, path: script.path, message: script.message)
            if let stamp = miss.stamp { cache.record(script, name: miss.name, stamp: stamp, now: now) }
        }
        cache.keep(only: Set(names))
        cache.saveIfChanged()
        return try RevisionGraph(nodes.map { $0! })
    }

    private static func absolutePath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
