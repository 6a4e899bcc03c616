import Testing

@testable import MigrateKit

@Suite("Revision plans")
struct RevisionPlanTests {
    typealias F = GraphFixtures

    static let allLinear: Set<String> = ["a1f0", "b2e1", "c3d2", "d4c3"]

    // MARK: - Upgrade, linear

    @Test func upgradeLinear() throws {
        let graph = F.linear
        #expect(try graph.upgradePlan(applied: [], target: "head") == ["a1f0", "b2e1", "c3d2", "d4c3"])
        #expect(try graph.upgradePlan(applied: ["a1f0", "b2e1"], target: "head") == ["c3d2", "d4c3"])
        #expect(try graph.upgradePlan(applied: [], target: "heads") == ["a1f0", "b2e1", "c3d2", "d4c3"])
        #expect(try graph.upgradePlan(applied: [], target: "c3d2") == ["a1f0", "b2e1", "c3d2"])
        #expect(try graph.upgradePlan(applied: ["a1f0"], target: "c3") == ["b2e1", "c3d2"])
        #expect(try graph.upgradePlan(applied: [], target: "a1f0@head") == ["a1f0", "b2e1", "c3d2", "d4c3"])
        #expect(try graph.upgradePlan(applied: [], target: "head-1") == ["a1f0", "b2e1", "c3d2"])
        #expect(try graph.upgradePlan(applied: [], target: "d4c3-2") == ["a1f0", "b2e1"])
    }

    @Test func upgradeRelative() throws {
        let graph = F.linear
        #expect(try graph.upgradePlan(applied: [], target: "+1") == ["a1f0"])
        #expect(try graph.upgradePlan(applied: [], target: "+2") == ["a1f0", "b2e1"])
        #expect(try graph.upgradePlan(applied: ["a1f0"], target: "+2") == ["b2e1", "c3d2"])
        #expect(try graph.upgradePlan(applied: ["a1f0", "b2e1", "c3d2"], target: "+1") == ["d4c3"])
        #expect(try graph.upgradePlan(applied: [], target: "b2e1+1") == ["a1f0", "b2e1", "c3d2"])
        #expect(try graph.upgradePlan(applied: ["a1f0"], target: "b2+2") == ["b2e1", "c3d2", "d4c3"])
    }

    @Test func upgradeToWhatIsAppliedDoesNothing() throws {
        #expect(try F.linear.upgradePlan(applied: Self.allLinear, target: "head") == [])
        #expect(try F.linear.upgradePlan(applied: Self.allLinear, target: "b2e1") == [])
        #expect(try F.linear.upgradePlan(applied: ["a1f0", "b2e1"], target: "a1") == [])
        #expect(try F.linear.upgradePlan(applied: [], target: "base") == [])
        #expect(try F.linear.upgradePlan(applied: ["a1f0"], target: "a1f0@base") == [])
    }

    @Test func upgradeFillsAGapBelowAnAppliedRevision() throws {
        #expect(try F.linear.upgradePlan(applied: ["a1f0", "c3d2"], target: "head") == ["b2e1", "d4c3"])
    }

    // MARK: - Upgrade, branches

    @Test func upgradeThroughAMergeTakesOneBranchWhole() throws {
        #expect(try F.merged.upgradePlan(applied: [], target: "head") == ["b0", "x1", "x2", "y1", "m9", "t0"])
        #expect(try F.mergedYFirst.upgradePlan(applied: [], target: "head") == ["b0", "y1", "x1", "x2", "m9", "t0"])
        #expect(try F.merged.upgradePlan(applied: ["b0", "y1"], target: "m9") == ["x1", "x2", "m9"])
        #expect(try F.merged.upgradePlan(applied: ["b0", "y1"], target: "x1+1") == ["x1", "x2"])
        #expect(try F.merged.upgradePlan(applied: ["b0"], target: "x2+1") == ["x1", "x2", "y1", "m9"])
        #expect(try F.merged.upgradePlan(applied: ["b0"], target: "y1@head") == ["x1", "x2", "y1", "m9", "t0"])
        #expect(try F.merged.upgradePlan(applied: ["b0", "x1", "x2", "y1", "m9"], target: "+1") == ["t0"])
    }

    @Test func upgradeIndependentRoots() throws {
        let graph = F.twoRoots
        #expect(try graph.upgradePlan(applied: [], target: "heads") == ["r1", "r2", "r3", "s1", "s2"])
        #expect(try graph.upgradePlan(applied: ["r1"], target: "heads") == ["r2", "r3", "s1", "s2"])
        #expect(try graph.upgradePlan(applied: [], target: "alpha") == ["r1"])
        #expect(try graph.upgradePlan(applied: [], target: "beta@head") == ["s1", "s2"])
        #expect(try graph.upgradePlan(applied: [], target: "r3") == ["r1", "r2", "r3"])
        #expect(try graph.upgradePlan(applied: ["r1"], target: "+1") == ["r2"])
    }

    @Test func upgradeBranchRelative() throws {
        let graph = F.twoRoots
        // Nothing on the branch applied: the labeled revision is the first step.
        #expect(try graph.upgradePlan(applied: [], target: "alpha@+1") == ["r1"])
        #expect(try graph.upgradePlan(applied: [], target: "alpha@+2") == ["r1", "r2"])
        // Otherwise the steps start at the branch's current head.
        #expect(try graph.upgradePlan(applied: ["r1", "s1"], target: "alpha@+2") == ["r2", "r3"])
        #expect(try graph.upgradePlan(applied: ["r1", "s1"], target: "beta@+1") == ["s2"])
        let error = F.error { try graph.upgradePlan(applied: ["r1", "r2"], target: "alpha@+2") }
        #expect(error?.kind == .aboveHead(target: "alpha@+2", from: "r2", available: 1, head: "r3", counted: false))
        let fresh = F.error { try graph.upgradePlan(applied: ["s1"], target: "alpha@+4") }
        #expect(fresh?.kind == .aboveHead(target: "alpha@+4", from: "alpha", available: 3, head: "r3", counted: true))
        #expect(
            fresh?.message
                == "'alpha@+4' goes past the head: only 3 revisions lead from alpha to r3. Use `migrate upgrade r3`.")
    }

    @Test func upgradePullsInDependencies() throws {
        let graph = F.crossDependency
        #expect(try graph.upgradePlan(applied: [], target: "d3") == ["d1", "k1", "k2", "d2", "d3"])
        #expect(try graph.upgradePlan(applied: ["d1"], target: "data@head") == ["k1", "k2", "d2", "d3"])
        #expect(try graph.upgradePlan(applied: [], target: "heads") == ["d1", "k1", "k2", "d2", "d3"])
        #expect(try graph.upgradePlan(applied: [], target: "schema@head") == ["k1", "k2"])
        #expect(try graph.upgradePlan(applied: ["k1", "k2", "d1"], target: "data@+1") == ["d2"])
    }

    // MARK: - Downgrade, linear

    @Test func downgradeLinear() throws {
        let graph = F.linear
        let all = Self.allLinear
        #expect(try graph.downgradePlan(applied: all, target: "base") == ["d4c3", "c3d2", "b2e1", "a1f0"])
        #expect(try graph.downgradePlan(applied: all, target: "b2e1") == ["d4c3", "c3d2"])
        #expect(try graph.downgradePlan(applied: all, target: "b2") == ["d4c3", "c3d2"])
        #expect(try graph.downgradePlan(applied: all, target: "d4c3") == [])
        #expect(try graph.downgradePlan(applied: all, target: "head") == [])
        #expect(try graph.downgradePlan(applied: all, target: "c3d2-1") == ["d4c3", "c3d2"])
        #expect(try graph.downgradePlan(applied: all, target: "head-2") == ["d4c3", "c3d2"])
        #expect(try graph.downgradePlan(applied: all, target: "a1f0-1") == ["d4c3", "c3d2", "b2e1", "a1f0"])
        #expect(try graph.downgradePlan(applied: [], target: "base") == [])
        #expect(try graph.downgradePlan(applied: ["a1f0", "b2e1"], target: "a1f0@base") == ["b2e1", "a1f0"])
    }

    @Test func downgradeRelative() throws {
        let graph = F.linear
        let all = Self.allLinear
        #expect(try graph.downgradePlan(applied: all, target: "-1") == ["d4c3"])
        #expect(try graph.downgradePlan(applied: all, target: "-2") == ["d4c3", "c3d2"])
        #expect(try graph.downgradePlan(applied: all, target: "-4") == ["d4c3", "c3d2", "b2e1", "a1f0"])
        #expect(try graph.downgradePlan(applied: ["a1f0", "b2e1"], target: "-1") == ["b2e1"])
    }

    @Test func downgradeBelowBase() {
        let error = F.error { try F.linear.downgradePlan(applied: ["a1f0", "b2e1"], target: "-3") }
        #expect(error?.kind == .belowBase(from: "b2e1", steps: 3, available: 2, applied: true))
        #expect(error?.errorID == "graph.below-base")
        #expect(error?.isUsageError == false)
        #expect(
            error?.message
                == "Cannot go 3 revisions below b2e1: only 2 are applied. "
                + "Use `migrate downgrade base` to remove them all.")
        let nothing = F.error { try F.linear.downgradePlan(applied: [], target: "-2") }
        #expect(nothing?.kind == .belowBase(from: nil, steps: 2, available: 0, applied: true))
        #expect(nothing?.message == "Cannot go 2 revisions down: nothing is applied.")
        let chain = F.error { try F.linear.downgradePlan(applied: Self.allLinear, target: "b2e1-3") }
        #expect(chain?.kind == .belowBase(from: "b2e1", steps: 3, available: 2, applied: false))
        #expect(chain?.message.hasPrefix("Cannot go 3 revisions below b2e1: only 2 are at or below it.") == true)
    }

    @Test func downgradeToARevisionAhead() {
        let error = F.error { try F.linear.downgradePlan(applied: ["a1f0", "b2e1"], target: "d4c3") }
        #expect(
            error?.kind == .notADowngrade(target: "d4c3", revision: "d4c3", currentHeads: ["b2e1"], ahead: true))
        #expect(error?.errorID == "graph.not-a-downgrade")
        #expect(error?.isUsageError == false)
        #expect(
            error?.message
                == "d4c3 is ahead of the current revision (b2e1); downgrade only goes back. "
                + "Use `migrate upgrade d4c3` to move to it.")
        let fromNothing = F.error { try F.linear.downgradePlan(applied: [], target: "b2") }
        #expect(fromNothing?.kind == .notADowngrade(target: "b2", revision: "b2e1", currentHeads: [], ahead: true))
        #expect(
            fromNothing?.message
                == "'b2' (b2e1) is ahead of the current revision (base: nothing is applied); downgrade only goes "
                + "back. Use `migrate upgrade b2` to move to it.")
    }

    @Test func downgradeToAnUnappliedSideBranch() {
        let error = F.error { try F.merged.downgradePlan(applied: ["b0", "x1"], target: "y1") }
        #expect(error?.kind == .notADowngrade(target: "y1", revision: "y1", currentHeads: ["x1"], ahead: false))
        #expect(error?.message.contains("not below the current heads (x1)") == true)
    }

    // MARK: - Downgrade, branches

    @Test func downgradeThroughAMerge() throws {
        let graph = F.merged
        let all = Set(F.merged.nodes.keys)
        #expect(try graph.downgradePlan(applied: all, target: "base") == ["t0", "m9", "y1", "x2", "x1", "b0"])
        #expect(try graph.downgradePlan(applied: all, target: "y1") == ["t0", "m9"])
        #expect(try graph.downgradePlan(applied: all, target: "x1") == ["t0", "m9", "x2"])
        #expect(try graph.downgradePlan(applied: all, target: "b0") == ["t0", "m9", "y1", "x2", "x1"])
        #expect(try graph.downgradePlan(applied: all, target: "-1") == ["t0"])
        #expect(try graph.downgradePlan(applied: all, target: "-2") == ["t0", "m9"])
        #expect(try graph.downgradePlan(applied: all, target: "x2-1") == ["t0", "m9", "x2"])
        // `x1-1` is b0, and going back to b0 removes both branches above it.
        #expect(try graph.downgradePlan(applied: ["b0", "x1", "y1"], target: "x1-1") == ["y1", "x1"])
    }

    @Test func downgradeStepsIntoSeveralHeads() {
        let error = F.error { try F.merged.downgradePlan(applied: Set(F.merged.nodes.keys), target: "-3") }
        #expect(error?.kind == .multipleCurrentHeads(["x2", "y1"], target: "-3", steps: -1))
        #expect(error?.errorID == "graph.multiple-heads")
        #expect(
            error?.message
                == "Multiple current heads (x2, y1): '-3' cannot choose which branch to go down. "
                + "Downgrade to a revision instead, or count from one head with `<rev>-N` (such as `x2-1`).")
        let atOnce = F.error { try F.twoRoots.downgradePlan(applied: Set(F.twoRoots.nodes.keys), target: "-1") }
        #expect(atOnce?.kind == .multipleCurrentHeads(["r3", "s2"], target: "-1", steps: -1))
    }

    @Test func downgradeIndependentRoots() throws {
        let graph = F.twoRoots
        let all = Set(F.twoRoots.nodes.keys)
        #expect(try graph.downgradePlan(applied: all, target: "base") == ["s2", "s1", "r3", "r2", "r1"])
        #expect(try graph.downgradePlan(applied: all, target: "alpha@base") == ["r3", "r2", "r1"])
        #expect(try graph.downgradePlan(applied: all, target: "beta") == ["s2"])
        #expect(try graph.downgradePlan(applied: all, target: "beta@-1") == ["s2"])
        #expect(try graph.downgradePlan(applied: all, target: "alpha@-2") == ["r3", "r2"])
        #expect(try graph.downgradePlan(applied: ["r1", "r2", "s1"], target: "beta@base") == ["s1"])
        #expect(try graph.downgradePlan(applied: ["s1"], target: "alpha@base") == [])
        let error = F.error { try graph.downgradePlan(applied: ["s1"], target: "alpha@-1") }
        #expect(error?.kind == .belowBase(from: "alpha", steps: 1, available: 0, applied: true))
        #expect(error?.message == "Cannot go 1 revision below alpha: none of its revisions are applied.")
    }

    @Test func downgradeRemovesDependentsFirst() throws {
        let graph = F.crossDependency
        let all = Set(F.crossDependency.nodes.keys)
        #expect(try graph.downgradePlan(applied: all, target: "k1") == ["d3", "d2", "k2"])
        #expect(try graph.downgradePlan(applied: all, target: "k2-1") == ["d3", "d2", "k2"])
        #expect(try graph.downgradePlan(applied: all, target: "data@base") == ["d3", "d2", "d1"])
        #expect(try graph.downgradePlan(applied: all, target: "base") == ["d3", "d2", "k2", "k1", "d1"])
        #expect(try graph.downgradePlan(applied: ["k1", "k2", "d1"], target: "schema@base") == ["k2", "k1"])
    }

    @Test func downgradeOneHeadRemovesItsDependents() throws {
        // d1 (a child of k1) depends on k2, its sibling: going back to k1
        // removes both, d1 first (Alembic: d1 -> k1, then k2 -> k1).
        let graph = try RevisionGraph([F.node("k1"), F.node("k2", "k1"), F.node("d1", "k1", dependsOn: ["k2"])])
        #expect(try graph.downgradePlan(applied: ["k1", "k2", "d1"], target: "k1") == ["d1", "k2"])
        // k2 is applied because d1 needs it, so d1 is the only current head
        // (Alembic `upgrade heads`: table [d1]; `downgrade -1` twice: d1, then k2).
        #expect(try graph.downgradePlan(applied: ["k1", "k2", "d1"], target: "-1") == ["d1"])
        #expect(try graph.downgradePlan(applied: ["k1", "k2", "d1"], target: "-2") == ["d1", "k2"])
    }

    @Test func downgradeToARevisionKeepsWhatOnlyDependsOnIt() throws {
        // Alembic `upgrade d2; downgrade k1`: reverts d2 and k2; d1 stays.
        #expect(try F.crossDependency.downgradePlan(applied: ["k1", "k2", "d1", "d2"], target: "k1") == ["d2", "k2"])
    }

    @Test func labeledBranchStillNeededElsewhere() {
        let all = Set(F.crossDependency.nodes.keys)
        let error = F.error { try F.crossDependency.downgradePlan(applied: all, target: "schema@base") }
        #expect(
            error?.kind
                == .branchInUse(target: "schema@base", revision: "k2", dependent: "d2", dependentPath: F.path("d2")))
        #expect(error?.errorID == "graph.branch-in-use")
        #expect(
            error?.message
                == "Cannot remove 'schema@base': applied revision d2 (migrations/versions/d2_step.sql) depends on "
                + "k2, which is on that branch. Downgrade d2 first.")
    }
}
