/// Plans: which revisions to apply or revert, in order, to reach a target
/// from the set of applied revisions (the version table holds every applied
/// revision, not only the heads).
extension RevisionGraph {
    /// The revisions to apply, in order, to reach `target`.
    ///
    /// Targets: `head`, `heads`, a revision id, unique prefix or branch label,
    /// `<rev>@head`, `+N` (from the single current head; from the single base,
    /// which counts as the first step, when nothing is applied), `<rev>+N`,
    /// `<rev>-N`, `<label>@+N`, and `base` / `<label>@base` (nothing to do).
    ///
    /// The plan is every ancestor of the target (parents and dependencies)
    /// that is not applied, parents and dependencies first; where branches
    /// meet at a merge point, the branch of its first `Revises:` entry comes
    /// whole before the next. A target that is already applied gives an
    /// empty plan.
    ///
    /// - Throws: ``GraphError``: unknown, ambiguous or malformed targets
    ///   (usage errors), several heads where one is needed, a `+N` walk that
    ///   reaches a branch point or passes the head.
    public func upgradePlan(applied: Set<String>, target: String) throws -> [String] {
        let targets: [String]
        switch try parseTarget(target) {
        case .base:
            return []
        case .branchBase(let symbol):
            _ = try resolve(symbol)
            return []
        case .heads:
            targets = heads
        case .relative(let steps) where steps < 0:
            throw GraphError(.badTarget(target, problem: .downgradeOnly))
        case let expression:
            switch try land(expression, target: target, applied: applied) {
            case .revision(let id): targets = [id]
            case .belowRoot, .nothing: return []
            }
        }
        return missingAncestors(of: targets, applied: applied)
    }

    /// The revisions to revert, in order (children and dependents first), to
    /// go back to `target`.
    ///
    /// Targets: `base` (everything applied), a revision id, unique prefix or
    /// branch label, `-N` (the single current head, N times), `<rev>-N` and
    /// `<label>@-N` (back to the revision N below), `<label>@base` (the
    /// labeled revision and the applied revisions of its branch), `head` and
    /// `<rev>@head`.
    ///
    /// Going back to a revision reverts its applied children and whatever
    /// builds on them, as Alembic does; revisions that only depend on the
    /// target itself stay, since it stays applied. Reverting a revision also
    /// reverts the applied revisions that depend on it (`Depends On:`),
    /// before it.
    ///
    /// - Throws: ``GraphError``: unknown, ambiguous or malformed targets
    ///   (usage errors); a target that is not applied and has nothing applied
    ///   above it, or that is applied only because another revision depends
    ///   on it (`graph.not-a-downgrade`); `-N` with several current heads or
    ///   fewer than N applied revisions; `<label>@base` when an applied
    ///   revision outside the branch depends on it.
    public func downgradePlan(applied: Set<String>, target: String) throws -> [String] {
        let applied = applied.filter { nodes[$0] != nil }
        switch try parseTarget(target) {
        case .base:
            return inRemovalOrder(applied)
        case .heads:
            throw GraphError(.badTarget(target, problem: .upgradeOnly))
        case .relative(let steps) where steps > 0:
            throw GraphError(.badTarget(target, problem: .upgradeOnly))
        case .relative(let steps):
            return try removeHeads(-steps, applied: applied, target: target)
        case .branchBase(let symbol):
            return try removeBranch(from: try resolve(symbol), applied: applied, target: target)
        case let expression:
            switch try land(expression, target: target, applied: applied) {
            case .nothing:
                return []
            case .belowRoot(let root):
                return inRemovalOrder(descendants(of: root).intersection(applied))
            case .revision(let id):
                return try removeAbove(id, applied: applied, target: target)
            }
        }
    }

    /// Back to `id`: its applied children and what builds on them. Alembic's
    /// rule; nothing to revert is an error unless `id` is a current head.
    private func removeAbove(_ id: String, applied: Set<String>, target: String) throws -> [String] {
        let above = descendants(of: children(of: id)).intersection(applied)
        guard above.isEmpty else { return inRemovalOrder(above) }
        let heads = currentHeads(applied: applied)
        if heads.contains(id) { return [] }
        if applied.contains(id) {
            let dependents = dependents(of: id).filter(applied.contains)
            throw GraphError(.appliedOnlyAsDependency(target: target, revision: id, dependents: dependents))
        }
        let ahead = heads.isEmpty || !ancestors(of: [id]).isDisjoint(with: heads)
        throw GraphError(.notADowngrade(target: target, revision: id, currentHeads: heads, ahead: ahead))
    }

    /// The ancestors of `targets` that are not applied, by a depth-first
    /// post-order from the targets: parents in `Revises:` order, then
    /// dependencies. The walk passes through applied revisions, so a gap
    /// below one of them is still filled.
    private func missingAncestors(of targets: [String], applied: Set<String>) -> [String] {
        var plan: [String] = []
        var visited: Set<String> = []
        var stack: [(id: String, edges: [String], next: Int)] = []
        for target in targets where visited.insert(target).inserted {
            stack.append((target, nodes[target]!.parents + nodes[target]!.dependsOn, 0))
            while let top = stack.last {
                guard top.next < top.edges.count else {
                    if !applied.contains(top.id) { plan.append(top.id) }
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let edge = top.edges[top.next]
                if visited.insert(edge).inserted {
                    stack.append((edge, nodes[edge]!.parents + nodes[edge]!.dependsOn, 0))
                }
            }
        }
        return plan
    }

    /// `-N`: removes the single current head, N times, with the applied
    /// revisions that depend on it. A revision applied only as a dependency
    /// becomes a head once what needed it is gone.
    private func removeHeads(_ count: Int, applied: Set<String>, target: String) throws -> [String] {
        guard applied.count >= count else {
            let heads = currentHeads(applied: applied)
            let from = heads.isEmpty ? nil : heads.joined(separator: ", ")
            throw GraphError(.belowBase(from: from, steps: count, available: applied.count, applied: true))
        }
        var remaining = applied
        var plan: [String] = []
        // Everything a step reaches above its head is removed (if applied)
        // in that step, so later steps need not walk it again.
        var reached: Set<String> = []
        for step in 0..<count {
            let heads = currentHeads(applied: remaining)
            guard heads.count == 1, let head = heads.first else {
                if heads.isEmpty {
                    let from = currentHeads(applied: applied).joined(separator: ", ")
                    throw GraphError(.belowBase(from: from, steps: count, available: step, applied: true))
                }
                throw GraphError(.multipleCurrentHeads(heads, target: target, steps: step - count))
            }
            var removed: [String] = []
            var pending = [head]
            while let id = pending.popLast() {
                guard reached.insert(id).inserted else { continue }
                if remaining.contains(id) { removed.append(id) }
                pending += children(of: id) + dependents(of: id)
            }
            plan += inRemovalOrder(removed)
            remaining.subtract(removed)
        }
        return plan
    }

    /// `<label>@base`: the labeled revision and the applied revisions of the
    /// branch that grows from it, unless a revision outside still needs them.
    private func removeBranch(from start: String, applied: Set<String>, target: String) throws -> [String] {
        let removed = branch(from: start).intersection(applied)
        for id in inTopologicalOrder(removed) {
            if let dependent = dependents(of: id).first(where: { applied.contains($0) && !removed.contains($0) }) {
                throw GraphError(
                    .branchInUse(
                        target: target, revision: id, dependent: dependent, dependentPath: nodes[dependent]!.path))
            }
        }
        return inRemovalOrder(removed)
    }
}
