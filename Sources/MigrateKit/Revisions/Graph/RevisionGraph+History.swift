/// `history -r a:b`: the revisions between two points of the graph.
extension RevisionGraph {
    /// The revisions of a `history` range, newest first (``topologicalOrder()``
    /// reversed).
    ///
    /// A range is `start:end`, `start:` or `:end`, both ends inclusive: the
    /// descendants of `start` that are ancestors of `end`. Either end may be
    /// a revision id, prefix or label, `head` (every head), `base` or
    /// `heads` (no bound), or `current` (the revisions in `current`).
    /// `nil` or an empty range selects every revision.
    /// - Throws: ``HistoryRangeError`` (a usage error) for text without a
    ///   colon; ``GraphError`` for an unknown or ambiguous revision.
    public func history(_ range: String?, current: Set<String> = []) throws -> [String] {
        let selected = try selection(range, current: current)
        return topologicalOrder().reversed().filter { selected.contains($0) }
    }

    private func selection(_ range: String?, current: Set<String>) throws -> Set<String> {
        let all = Set(nodes.keys)
        guard let range, !range.isEmpty else { return all }
        guard let colon = range.firstIndex(of: ":") else { throw HistoryRangeError(text: range) }
        let lower = String(range[..<colon]), upper = String(range[range.index(after: colon)...])
        func resolve(_ symbol: String) throws -> [String]? {
            switch symbol {
            case "", "base", "heads": return nil
            case "head": return heads
            case "current": return current.sorted()
            default: return [try self.resolve(symbol)]
            }
        }
        var selected = all
        if let from = try resolve(lower) {
            selected = from.reduce(into: Set<String>()) { $0.formUnion(descendants(of: $1)) }
        }
        if let to = try resolve(upper) {
            selected.formIntersection(ancestors(of: to))
        }
        return selected
    }
}

/// A `history -r` value that is not a range.
public struct HistoryRangeError: MigrateFailure {
    public var text: String
    public var errorID: String { "history.bad-range" }
    public var isUsageError: Bool { true }
    public var message: String { "'\(text)' is not a range: write start:end, start: or :end (e.g. base:head, current:)." }
}
