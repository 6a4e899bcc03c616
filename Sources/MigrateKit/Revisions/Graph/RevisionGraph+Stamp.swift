/// `stamp`: which revisions count as applied after the version table is
/// rewritten, without running SQL.
extension RevisionGraph {
    /// The revisions applied after stamping `targets` over `applied`.
    ///
    /// Each target (`heads`, `base`, or anything `upgrade` takes that names
    /// one revision) and everything it needs (parents and dependencies)
    /// count as applied; the applied revisions that build on a target
    /// (children and dependents, transitively) do not; other branches stay
    /// as they are. `base` among the targets empties the set.
    ///
    /// Everything above any target is removed before anything a target
    /// needs is added, so a target that another target depends on, such as
    /// a dependency among `heads`, cannot take the other one out.
    ///
    /// - Throws: ``GraphError`` for a target `upgrade` would refuse.
    public func stampedRevisions(applied: Set<String>, targets: [String]) throws -> Set<String> {
        if targets.contains("base") { return [] }
        var revisions: [String] = []
        for target in targets {
            revisions += try stampRevisions(target)
        }
        return applied.subtracting(descendants(of: revisions)).union(ancestors(of: revisions))
    }

    /// The revisions one `stamp` target names.
    private func stampRevisions(_ target: String) throws -> [String] {
        if target == "heads" { return headsResolvingDependencies }
        // Reuse the upgrade grammar: the plan from nothing to the target ends
        // at the target itself, the only current head of that plan.
        return currentHeads(applied: Set(try upgradePlan(applied: [], target: target)))
    }
}
