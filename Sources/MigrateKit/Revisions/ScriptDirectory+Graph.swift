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
        // What `appendingPathComponent` puts before each name, computed once.
        let prefix = String((folder as NSString).appendingPathComponent("x").dropLast())
        // `stat` by name in the open folder: no path walk per file.
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if directory >= 0 { close(directory) } }
        for (index, name) in names.enumerated() {
            let path = prefix + name
            var info = stat()
            let found = directory >= 0 ? fstatat(directory, name, &info, 0) == 0 : stat(path, &info) == 0
            let stamp = found && info.st_mode & S_IFMT == S_IFREG ? RevisionHeaderCache.Stamp(info) : nil
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
        // No threads are started when every header came from the cache.
        let parsed = misses.isEmpty ? [] : try parseConcurrently(misses.map { prefix + $0.name })
        let now = Int64(time(nil))
        for (miss, script) in zip(misses, parsed) {
            nodes[miss.index] = RevisionNode(
                id: script.revision, parents: script.downRevisions, dependsOn: script.dependsOn,
                branchLabels: script.branchLabels, path: script.path, message: script.message)
            if let stamp = miss.stamp { cache.record(script, name: miss.name, stamp: stamp, now: now) }
        }
        cache.keep(only: names)
        cache.saveIfChanged()
        return try RevisionGraph(nodes.map { $0! })
    }

    static func absolutePath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
