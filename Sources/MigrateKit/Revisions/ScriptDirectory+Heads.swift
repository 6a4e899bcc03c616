import Foundation

extension ScriptDirectory {
    /// The heads of the graph of the revision files in `<location>/versions`:
    /// from the ``RevisionHeadsCache`` while every file carries the stamp it
    /// had when they were recorded, else from ``loadGraph(_:environment:)``
    /// with its errors, recorded when the graph passed its checks.
    /// - Parameter environment: where `XDG_CACHE_HOME` and `HOME` are read.
    /// - Throws: as ``load(_:)``.
    static func loadHeads(
        _ location: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> RevisionHeads {
        let folder = versionsFolder(of: location)
        // What `loadGraph` puts before each name in a node's path.
        let prefix = String((folder as NSString).appendingPathComponent("x").dropLast())
        // Taken before the graph reads any file: a file changed while it is
        // read then no longer matches this stamp, so it cannot hide.
        let stamp = RevisionFolderStamp(folder: folder, now: Int64(time(nil)))
        let cache = RevisionHeadsCache(folder: absolutePath(folder), environment: environment)
        if let stamp, let heads = cache.heads(for: stamp, prefix: prefix) { return heads }
        let heads = RevisionHeads(try loadGraph(location, environment: environment))
        if let stamp, stamp.isSettled { cache.save(heads, for: stamp, prefix: prefix) }
        return heads
    }
}
