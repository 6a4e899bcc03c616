/// A revision where the graph forks, with the revisions that fork from it.
public struct BranchPoint: Sendable, Equatable {
    /// The revision that has more than one child.
    public var revision: RevisionNode
    /// Its children, sorted by id.
    public var children: [RevisionNode]
}

/// Read-only questions about the revision files (`history`, `branches`,
/// `show`); none connects unless the database's current revision is needed.
extension Migrator {
    /// The revisions of a range, newest first (`history -r a:b`); every
    /// revision when `range` is `nil`. A range naming `current` reads the
    /// database's current revisions; no other connects.
    /// - Throws: ``HistoryRangeError`` for text that is not a range,
    ///   ``GraphError`` for an unknown or ambiguous revision.
    public func history(range: String? = nil) throws -> [RevisionNode] {
        let graph = try scripts().graph
        let current = (range ?? "").contains("current") ? Set(try self.current().heads) : []
        return try graph.history(range, current: current).map { graph.nodes[$0]! }
    }

    /// The revisions with more than one child, newest first, each with its
    /// children.
    public func branches() throws -> [BranchPoint] {
        let graph = try scripts().graph
        return graph.topologicalOrder().reversed().compactMap { id in
            let children = graph.children(of: id)
            guard children.count > 1 else { return nil }
            return BranchPoint(revision: graph.nodes[id]!, children: children.map { graph.nodes[$0]! })
        }
    }

    /// The revision file a symbol names: an id, unique prefix, branch label,
    /// or `head` (the single head).
    /// - Throws: ``GraphError`` for an unknown or ambiguous symbol, or
    ///   `head` with several heads.
    public func show(_ symbol: String) throws -> RevisionScript {
        let directory = try scripts()
        let graph = directory.graph
        let id =
            symbol == "head"
            ? try graph.upgradePlan(applied: [], target: "head").last ?? ""
            : try graph.resolve(symbol)
        guard let script = directory.scripts[id] else { throw GraphError(.unknownTarget(symbol)) }
        return script
    }
}
