/// `history -r a:b`: the revisions between two points of the graph.
extension RevisionGraph {
    /// The revisions of a `history` range, newest first (``topologicalOrder()``
    /// reversed).
    ///
    /// A range is `start:end`, `start:` or `:end`, both ends inclusive: the
    /// revisions that grow from `start` along `Revises:` lines and that `end`
    /// needs (its ancestors, dependencies included), as in Alembic. Either end
    /// may be a revision id, prefix or label, `head` (the single head),
    /// `base` or `heads` (no bound), or `current` (the revisions in
    /// `current`; no lower bound when it is empty). `nil` or an empty range
    /// selects every revision.
    /// - Throws: ``HistoryRangeError`` (a usage error) for text without a
    ///   colon; ``GraphError`` for an unknown or ambiguous revision, `head`
    ///   with several heads, or a start that is not an ancestor of the end
    ///   along `Revises:` lines (`graph.range-not-ancestor`).
    public func history(_ range: String?, current: Set<String> = []) throws -> [String] {
        let selected = try selection(range, current: current)
        return topologicalOrder().reversed().filter { selected.contains($0) }
    }

    private func selection(_ range: String?, current: Set<String>) throws -> Set<String> {
        guard let range, !range.isEmpty else { return Set(nodes.keys) }
        guard let colon = range.firstIndex(of: ":") else { throw HistoryRangeError(text: range) }
        let lower = try bound(String(range[..<colon]), current: current.isEmpty ? nil : current)
        let upper = try bound(String(range[range.index(after: colon)...]), current: current)
        var selected = upper.map { ancestors(of: $0) } ?? Set(nodes.keys)
        guard let lower else { return selected }
        if let upper, !upper.isEmpty {
            let lineage = lineage(of: upper)
            if let stray = lower.first(where: { !lineage.contains($0) }) {
                throw GraphError(
                    .rangeNotAncestor(
                        range: range, lower: stray, upper: upper, throughDependency: selected.contains(stray)))
            }
        }
        selected.formIntersection(lower.reduce(into: Set<String>()) { $0.formUnion(branch(from: $1)) })
        return selected
    }

    /// The revisions one end of a range names, sorted; `nil` for no bound.
    private func bound(_ symbol: String, current: Set<String>?) throws -> [String]? {
        switch symbol {
        case "", "base", "heads": return nil
        case "head": return try singleHead().map { [$0] } ?? []
        case "current": return current?.sorted()
        default: return [try resolve(symbol)]
        }
    }
}

/// A `history -r` value that is not a range.
public struct HistoryRangeError: MigrateFailure {
    /// The `-r` value as given.
    public var text: String
    /// `history.bad-range`.
    public var errorID: String { "history.bad-range" }
    /// `true`: the command line was used wrongly (exit code 64).
    public var isUsageError: Bool { true }
    /// Names the value and shows the forms a range takes.
    public var message: String { "'\(text)' is not a range: write start:end, start: or :end (e.g. base:head, current:)." }
}
