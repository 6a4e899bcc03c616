/// The revisions of a project as a directed acyclic graph, with Alembic's
/// meanings: `Revises:` edges (branches and merge points), `Depends On:` edges
/// across branches, and branch labels.
///
/// The graph is built once from the revision headers and validated then; it
/// is pure data afterwards and answers questions about heads, bases,
/// ancestors and order. Target strings (`head`, `+2`, `accounts@head`, ...)
/// are read by ``resolve(_:)``, ``upgradePlan(applied:target:)`` and
/// ``downgradePlan(applied:target:)``.
///
/// Every list the graph returns has a fixed order, so output and plans do
/// not depend on the order of the files on disk.
public struct RevisionGraph: Sendable {
    /// Every revision by id. `dependsOn` holds revision ids: a branch label
    /// written under `Depends On:` has been replaced by the labeled revision.
    public let nodes: [String: RevisionNode]
    /// The revisions that no revision revises, sorted by id. A `Depends On:`
    /// edge does not make its target a non-head.
    public let heads: [String]
    /// The revisions that revise nothing, sorted by id.
    public let bases: [String]

    /// Children (revisions listing the key under `Revises:`), sorted by id.
    let childrenByID: [String: [String]]
    /// Revisions listing the key under `Depends On:`, sorted by id.
    let dependentsByID: [String: [String]]
    /// The revision each branch label names.
    let revisionByLabel: [String: String]
    /// All ids, sorted, for prefix lookups.
    let sortedIDs: [String]
    /// ``topologicalOrder()``, computed once.
    let order: [String]
    /// Each id's index in ``order``.
    let positionByID: [String: Int]

    /// Builds the graph and checks it.
    ///
    /// - Throws: ``GraphError`` for a revision id defined twice (naming both
    ///   files), a branch label used by two revisions, a `Revises:` or
    ///   `Depends On:` entry that names no revision (naming the file and the
    ///   missing id), or a cycle (naming its revisions and their files).
    public init(_ nodes: [RevisionNode]) throws {
        var byID: [String: RevisionNode] = [:]
        byID.reserveCapacity(nodes.count)
        for node in nodes {
            if let first = byID[node.id] {
                throw GraphError(.duplicateID(node.id, paths: [first.path, node.path]))
            }
            byID[node.id] = node
        }

        var revisionByLabel: [String: String] = [:]
        for node in nodes {
            for label in node.branchLabels {
                if let other = revisionByLabel[label], other != node.id {
                    throw GraphError(
                        .duplicateBranchLabel(
                            label, revisions: [other, node.id], paths: [byID[other]!.path, node.path]))
                }
                revisionByLabel[label] = node.id
            }
        }

        var children: [String: [String]] = [:]
        var dependents: [String: [String]] = [:]
        for node in nodes {
            for parent in node.parents {
                guard byID[parent] != nil else {
                    throw GraphError(.unknownParent(revision: node.id, path: node.path, missing: parent))
                }
                children[parent, default: []].append(node.id)
            }
            var dependencies: [String] = []
            for written in node.dependsOn {
                guard let dependency = byID[written] != nil ? written : revisionByLabel[written] else {
                    throw GraphError(.unknownDependency(revision: node.id, path: node.path, missing: written))
                }
                dependencies.append(dependency)
                dependents[dependency, default: []].append(node.id)
            }
            if dependencies != node.dependsOn { byID[node.id]!.dependsOn = dependencies }
        }
        // A revision that lists a parent twice is still one child.
        children = children.mapValues { $0.count == 1 ? $0 : Array(Set($0)).sorted() }
        dependents = dependents.mapValues { $0.count == 1 ? $0 : Array(Set($0)).sorted() }

        self.nodes = byID
        self.childrenByID = children
        self.dependentsByID = dependents
        self.revisionByLabel = revisionByLabel
        self.sortedIDs = byID.keys.sorted()
        self.heads = sortedIDs.filter { children[$0] == nil }
        self.bases = sortedIDs.filter { byID[$0]!.parents.isEmpty }
        self.order = try Self.sort(byID, startingAt: heads, then: sortedIDs)
        var positions: [String: Int] = [:]
        positions.reserveCapacity(order.count)
        for (index, id) in order.enumerated() { positions[id] = index }
        self.positionByID = positions
    }

    /// The revisions that revise `id` (empty for a head), sorted by id.
    public func children(of id: String) -> [String] {
        childrenByID[id] ?? []
    }

    /// The revisions that name `id` under `Depends On:`, sorted by id.
    public func dependents(of id: String) -> [String] {
        dependentsByID[id] ?? []
    }

    /// `ids` and everything that must be applied before them: parents and
    /// dependencies, transitively. Ids the graph does not know are skipped.
    public func ancestors(of ids: some Collection<String>) -> Set<String> {
        closure(of: ids) { nodes[$0].map { $0.parents + $0.dependsOn } ?? [] }
    }

    /// `id` and everything that builds on it: children and revisions that
    /// depend on it, transitively. Empty when the graph does not know `id`.
    public func descendants(of id: String) -> Set<String> {
        descendants(of: [id])
    }

    /// `ids` and everything that builds on them: children and revisions that
    /// depend on them, transitively. Ids the graph does not know are skipped.
    public func descendants(of ids: some Collection<String>) -> Set<String> {
        closure(of: ids) { children(of: $0) + dependents(of: $0) }
    }

    /// `id` and its descendants along `Revises:` edges only: the branch that
    /// grows from `id`, without revisions on other branches that depend on it.
    func branch(from id: String) -> Set<String> {
        closure(of: [id]) { children(of: $0) }
    }

    /// `ids` and their ancestors along `Revises:` edges only, without the
    /// revisions they merely depend on. `history -r` ranges follow these.
    func lineage(of ids: some Collection<String>) -> Set<String> {
        closure(of: ids) { nodes[$0]?.parents ?? [] }
    }

    /// Every revision, parents and dependencies before the revisions that
    /// need them. Deterministic: a depth-first post-order from the heads in
    /// id order, visiting a revision's parents in `Revises:` order and then
    /// its dependencies. `history` prints it reversed.
    public func topologicalOrder() -> [String] {
        order
    }

    /// The current heads of a database that has applied `applied`: the
    /// applied revisions that no other applied revision builds on, neither
    /// by revising them (`Revises:`) nor by depending on them
    /// (`Depends On:`), sorted by id. Ids the graph does not know are ignored.
    ///
    /// A revision applied only because an applied revision depends on it is
    /// not a current head, so `+1` and `-1` start from the revision that
    /// needed it. These are exactly the revisions Alembic would keep in its
    /// version table, which stores heads only.
    public func currentHeads(applied: Set<String>) -> [String] {
        applied.filter { id in
            nodes[id] != nil && !children(of: id).contains(where: applied.contains)
                && !dependents(of: id).contains(where: applied.contains)
        }.sorted()
    }

    /// The heads of the part of the graph made of `ids`: those that no
    /// revision of `ids` revises, sorted by id. Like ``heads``, it ignores
    /// `Depends On:` edges (`<rev>@head` names such a head).
    func tips(of ids: Set<String>) -> [String] {
        ids.filter { nodes[$0] != nil && !children(of: $0).contains(where: ids.contains) }.sorted()
    }

    /// The graph's heads less those another revision depends on
    /// (`heads --resolve-dependencies`): the current heads of a database at
    /// `heads`.
    public var headsResolvingDependencies: [String] {
        heads.filter { dependents(of: $0).isEmpty }
    }

    /// `ids` sorted so that parents and dependencies come first.
    func inTopologicalOrder(_ ids: some Sequence<String>) -> [String] {
        ids.sorted { positionByID[$0, default: -1] < positionByID[$1, default: -1] }
    }

    /// `ids` sorted so that children and dependents come first: the order to
    /// revert them in.
    func inRemovalOrder(_ ids: some Sequence<String>) -> [String] {
        ids.sorted { positionByID[$0, default: -1] > positionByID[$1, default: -1] }
    }

    private func closure(of ids: some Collection<String>, next: (String) -> [String]) -> Set<String> {
        var found: Set<String> = []
        var pending = ids.filter { nodes[$0] != nil }
        while let id = pending.popLast() {
            guard found.insert(id).inserted else { continue }
            pending.append(contentsOf: next(id).filter { !found.contains($0) })
        }
        return found
    }

    /// The depth-first post-order behind ``topologicalOrder()``, iterative so
    /// that a long history cannot overflow the stack. Starting again from
    /// every id not yet reached finds cycles that no head leads to.
    private static func sort(
        _ nodes: [String: RevisionNode], startingAt heads: [String], then all: [String]
    ) throws -> [String] {
        var finished: [String: Bool] = [:]  // false while on the stack
        finished.reserveCapacity(nodes.count)
        var order: [String] = []
        order.reserveCapacity(nodes.count)
        var stack: [(id: String, edges: [String], next: Int)] = []
        for start in heads + all where finished[start] == nil {
            finished[start] = false
            stack.append((start, nodes[start]!.parents + nodes[start]!.dependsOn, 0))
            while let top = stack.last {
                guard top.next < top.edges.count else {
                    finished[top.id] = true
                    order.append(top.id)
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let edge = top.edges[top.next]
                switch finished[edge] {
                case nil:
                    finished[edge] = false
                    stack.append((edge, nodes[edge]!.parents + nodes[edge]!.dependsOn, 0))
                case false?:
                    let cycle = stack[stack.lastIndex { $0.id == edge }!...].map(\.id)
                    throw GraphError(.cycle(ids: cycle, paths: cycle.map { nodes[$0]!.path }))
                case true?:
                    continue
                }
            }
        }
        return order
    }
}
