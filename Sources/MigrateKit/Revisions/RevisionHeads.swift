/// What `heads` shows, taken from a built and checked ``RevisionGraph``: its
/// heads and which of them no revision depends on. A head has no children,
/// so its line needs nothing else from the graph.
struct RevisionHeads: Equatable {
    /// The graph's heads (``RevisionGraph/heads``), sorted by id.
    var nodes: [RevisionNode]
    /// The ids of ``nodes`` no revision depends on
    /// (``RevisionGraph/headsResolvingDependencies``).
    var independentIDs: Set<String>

    init(nodes: [RevisionNode], independentIDs: Set<String>) {
        self.nodes = nodes
        self.independentIDs = independentIDs
    }

    init(_ graph: RevisionGraph) {
        nodes = graph.heads.compactMap { graph.nodes[$0] }
        independentIDs = Set(graph.headsResolvingDependencies)
    }

    /// The heads, or with `resolvingDependencies` those no revision depends on.
    func list(resolvingDependencies: Bool) -> [RevisionNode] {
        resolvingDependencies ? nodes.filter { independentIDs.contains($0.id) } : nodes
    }
}
