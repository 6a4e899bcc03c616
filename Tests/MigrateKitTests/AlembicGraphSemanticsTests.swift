import Testing

@testable import MigrateKit

/// Graphs where `Depends On:` once made migrate disagree with Alembic 1.20.
///
/// Each expectation carries, beside it, what Alembic does on the same graph
/// (checked with tiny Alembic projects on SQLite). Alembic stores only the
/// heads; migrate stores every applied revision, so "Alembic table [cc]"
/// reads as "cc and everything it needs are applied", and migrate's current
/// heads are the applied revisions no other applied revision revises or
/// depends on.
@Suite("Alembic graph semantics")
struct AlembicGraphSemanticsTests {
    typealias F = GraphFixtures

    /// `xa`, `yb` (a root that depends on xa), `cc` revises yb; cc sorts
    /// before xa, which once made `stamp cc` lose cc and yb.
    static let dependencyRoot = try! RevisionGraph([
        F.node("xa"), F.node("yb", dependsOn: ["xa"]), F.node("cc", "yb"),
    ])

    /// `xa`, `yb` revises xa, `cc` (a root) depends on xa.
    static let siblingDependent = try! RevisionGraph([
        F.node("xa"), F.node("yb", "xa"), F.node("cc", dependsOn: ["xa"]),
    ])

    /// `xa`, `yb` revises xa, `zz` (a root) depends on yb.
    static let dependentOnChild = try! RevisionGraph([
        F.node("xa"), F.node("yb", "xa"), F.node("zz", dependsOn: ["yb"]),
    ])

    // MARK: - stamp

    @Test func stampKeepsTheTargetWhenItsDependencySortsAfterIt() throws {
        let graph = Self.dependencyRoot
        // Alembic `stamp cc`: table [cc].
        #expect(try graph.stampedRevisions(applied: [], targets: ["cc"]) == ["xa", "yb", "cc"])
        // Alembic `stamp heads`: table [cc].
        #expect(try graph.stampedRevisions(applied: [], targets: ["heads"]) == ["xa", "yb", "cc"])
        #expect(graph.currentHeads(applied: ["xa", "yb", "cc"]) == ["cc"])
        // Alembic `upgrade cc; stamp xa`: table [xa]: what depends on xa goes too.
        #expect(try graph.stampedRevisions(applied: ["xa", "yb", "cc"], targets: ["xa"]) == ["xa"])
        // Alembic `upgrade cc; stamp yb`: table [yb].
        #expect(try graph.stampedRevisions(applied: ["xa", "yb", "cc"], targets: ["yb"]) == ["xa", "yb"])
        #expect(try graph.stampedRevisions(applied: ["xa", "yb", "cc"], targets: ["base"]) == [])
    }

    @Test func stampOfSeveralTargetsKeepsWhatEachNeeds() throws {
        // `stamp cc xa`: xa's descendants (yb, cc) are removed before cc's
        // ancestors are added, whatever the order of the targets.
        let graph = Self.dependencyRoot
        #expect(try graph.stampedRevisions(applied: [], targets: ["cc", "xa"]) == ["xa", "yb", "cc"])
        #expect(try graph.stampedRevisions(applied: [], targets: ["xa", "cc"]) == ["xa", "yb", "cc"])
    }

    @Test func stampHeadsMarksEveryHead() throws {
        // bc0 <- eb1; ca2 alone; dc3 (a root) depends on eb1.
        let graph = try RevisionGraph([
            F.node("bc0"), F.node("eb1", "bc0"), F.node("ca2"), F.node("dc3", dependsOn: ["eb1"]),
        ])
        // Alembic `upgrade ca2; upgrade eb1; stamp heads`: table [dc3], so ca2,
        // a head, no longer counts as applied (an Alembic bug; README).
        let all: Set<String> = ["bc0", "eb1", "ca2", "dc3"]
        #expect(try graph.stampedRevisions(applied: ["ca2", "bc0", "eb1"], targets: ["heads"]) == all)
        #expect(graph.currentHeads(applied: all) == ["ca2", "dc3"])
    }

    // MARK: - current heads

    @Test func aRevisionAppliedOnlyAsADependencyIsNotACurrentHead() throws {
        let graph = Self.dependencyRoot
        // Alembic `upgrade yb`: table [yb] (xa is implied).
        #expect(graph.currentHeads(applied: ["xa", "yb"]) == ["yb"])
        // Alembic `upgrade yb; upgrade +1`: runs yb -> cc.
        #expect(try graph.upgradePlan(applied: ["xa", "yb"], target: "+1") == ["cc"])
        // Alembic `upgrade yb; downgrade -1`: reverts yb; table [xa].
        #expect(try graph.downgradePlan(applied: ["xa", "yb"], target: "-1") == ["yb"])
        // Alembic, then `downgrade -1` again: reverts xa; table [].
        #expect(try graph.downgradePlan(applied: ["xa"], target: "-1") == ["xa"])
        // Alembic `upgrade cc; downgrade -1` three times: cc, yb, xa.
        #expect(try graph.downgradePlan(applied: ["xa", "yb", "cc"], target: "-3") == ["cc", "yb", "xa"])
        // Alembic `upgrade heads` (the graph's heads are cc and xa): table [cc].
        #expect(try graph.upgradePlan(applied: [], target: "heads") == ["xa", "yb", "cc"])
    }

    @Test func aDependencyThatIsAlsoAParentIsNotAHead() {
        // Alembic `upgrade heads` on siblingDependent: table [cc, yb].
        #expect(Self.siblingDependent.currentHeads(applied: ["xa", "yb", "cc"]) == ["cc", "yb"])
        // Alembic `upgrade heads` on dependentOnChild: table [zz].
        #expect(Self.dependentOnChild.currentHeads(applied: ["xa", "yb", "zz"]) == ["zz"])
    }

    // MARK: - downgrade <rev>

    @Test func downgradeRevertsOnlyWhatBuildsOnTheTargetsChildren() throws {
        // Alembic `upgrade heads; downgrade xa`: reverts yb only; cc stays,
        // since xa stays applied and cc's dependency still holds.
        #expect(try Self.siblingDependent.downgradePlan(applied: ["xa", "yb", "cc"], target: "xa") == ["yb"])
        // Alembic `upgrade heads; downgrade xa` on dependentOnChild: reverts
        // zz, then yb: zz depends on yb, which goes.
        #expect(try Self.dependentOnChild.downgradePlan(applied: ["xa", "yb", "zz"], target: "xa") == ["zz", "yb"])
        // Alembic `upgrade cc; downgrade yb`: reverts cc.
        #expect(try Self.dependencyRoot.downgradePlan(applied: ["xa", "yb", "cc"], target: "yb") == ["cc"])
    }

    @Test func downgradeToARevisionAppliedOnlyAsADependencyIsRefused() {
        // Alembic `upgrade yb; downgrade xa`: "Destination xa is not a valid
        // downgrade target from current head(s)"; nothing is reverted.
        let error = F.error { try Self.dependencyRoot.downgradePlan(applied: ["xa", "yb"], target: "xa") }
        #expect(error?.kind == .appliedOnlyAsDependency(target: "xa", revision: "xa", dependents: ["yb"]))
        #expect(error?.errorID == "graph.not-a-downgrade")
        #expect(error?.isUsageError == false)
        #expect(
            error?.message
                == "xa is applied only because yb depends on it (`Depends On:`): no applied revision revises it, "
                + "so downgrading to it has nothing to revert. To remove yb, downgrade below it (such as "
                + "`migrate downgrade yb-1`).")
        // Alembic `upgrade cc; downgrade xa`: the same refusal.
        let fromCC = F.error { try Self.dependencyRoot.downgradePlan(applied: ["xa", "yb", "cc"], target: "xa") }
        #expect(fromCC?.kind == .appliedOnlyAsDependency(target: "xa", revision: "xa", dependents: ["yb"]))
        // Alembic `upgrade heads; downgrade yb` on dependentOnChild: the same refusal.
        let child = F.error { try Self.dependentOnChild.downgradePlan(applied: ["xa", "yb", "zz"], target: "yb") }
        #expect(child?.kind == .appliedOnlyAsDependency(target: "yb", revision: "yb", dependents: ["zz"]))
    }

    // MARK: - history -r

    /// `b0 <- x1 <- x2` and `b0 <- y1`: two heads.
    static let forkedTwice = try! RevisionGraph([
        F.node("b0"), F.node("x1", "b0"), F.node("x2", "x1"), F.node("y1", "b0"),
    ])

    @Test func historyRangeWhoseLowerEndIsNotAnAncestorIsAnError() {
        // Alembic `history -r x1:y1`: "Requested range x1:y1 does not refer
        // to ancestor/descendant revisions along the same branch".
        let sideways = F.error { try Self.forkedTwice.history("x1:y1") }
        #expect(sideways?.kind == .rangeNotAncestor(range: "x1:y1", lower: "x1", upper: ["y1"], throughDependency: false))
        #expect(sideways?.errorID == "graph.range-not-ancestor")
        #expect(sideways?.isUsageError == false)
        #expect(
            sideways?.message
                == "'x1:y1' is not a range: x1 is not an ancestor of y1 along `Revises:` lines. "
                + "Put the older revision first, or run `migrate history` to see how they relate.")
        // Alembic `history -r x2:x1`: the same error.
        let reversed = F.error { try Self.forkedTwice.history("x2:x1") }
        #expect(reversed?.kind == .rangeNotAncestor(range: "x2:x1", lower: "x2", upper: ["x1"], throughDependency: false))
        // Alembic `upgrade x1; history -r current:y1`: the same error.
        let current = F.error { try Self.forkedTwice.history("current:y1", current: ["x1"]) }
        #expect(current?.kind == .rangeNotAncestor(range: "current:y1", lower: "x1", upper: ["y1"], throughDependency: false))
    }

    @Test func historyRangeWithHeadAndSeveralHeadsIsAnError() throws {
        // Alembic `history -r base:head`, `x1:head`, `:head`: "Multiple head
        // revisions are present for given argument 'head'".
        for range in ["base:head", "x1:head", ":head"] {
            let error = F.error { try Self.forkedTwice.history(range) }
            #expect(error?.kind == .multipleHeads(["x2", "y1"], from: nil), "\(range)")
        }
        // Alembic `history -r x1:heads`: x2, x1. `b0:heads`: x2, x1, y1, b0
        // (the same revisions; migrate keeps its own newest-first order).
        #expect(try Self.forkedTwice.history("x1:heads") == ["x2", "x1"])
        #expect(try Self.forkedTwice.history("b0:heads") == ["y1", "x2", "x1", "b0"])
        // Alembic `history -r x1:x1`: x1.
        #expect(try Self.forkedTwice.history("x1:x1") == ["x1"])
    }

    @Test func historyRangesFollowRevisesNotDependsOn() throws {
        let graph = Self.dependencyRoot
        // Alembic `history -r xa:cc` fails with an AssertionError: xa is
        // below cc only through yb's `Depends On:`.
        let error = F.error { try graph.history("xa:cc") }
        #expect(error?.kind == .rangeNotAncestor(range: "xa:cc", lower: "xa", upper: ["cc"], throughDependency: true))
        #expect(
            error?.message
                == "'xa:cc' is not a range: xa is not an ancestor of cc along `Revises:` lines (it is needed only "
                + "through `Depends On:`, which ranges do not follow). Put the older revision first, or run "
                + "`migrate history` to see how they relate.")
        // Alembic `history -r xa:` fails with an AssertionError; xa has no
        // revision above it along `Revises:`.
        #expect(try graph.history("xa:") == ["xa"])
        // Alembic `history -r yb:cc`: cc, yb.
        #expect(try graph.history("yb:cc") == ["cc", "yb"])
        // Alembic `history -r :cc`: cc, yb, xa (what cc needs, dependencies included).
        #expect(try graph.history(":cc") == ["cc", "yb", "xa"])
    }

    @Test func historyFromCurrentWithNothingAppliedStartsAtBase() throws {
        // Alembic `history -r current:` on an empty database: every revision.
        #expect(try Self.forkedTwice.history("current:") == ["y1", "x2", "x1", "b0"])
        // Alembic `history -r :current` on an empty database: nothing.
        #expect(try Self.forkedTwice.history(":current") == [])
    }

    // MARK: - Deliberate differences (README: "Differences from Alembic")

    @Test func deliberateDifferencesStayAsTheyAre() throws {
        // Alembic `upgrade heads; downgrade -1` with heads x2, y1 reverts one
        // of them, chosen by its internal order; migrate refuses.
        let twoHeads = F.error { try Self.forkedTwice.downgradePlan(applied: ["b0", "x1", "x2", "y1"], target: "-1") }
        #expect(twoHeads?.kind == .multipleCurrentHeads(["x2", "y1"], target: "-1", steps: -1))
        // Alembic `downgrade -1` from the merge head m9 fails ("Ambiguous
        // walk"); migrate reverts m9 (and t0 above it here).
        let all = Set(F.merged.nodes.keys)
        #expect(try F.merged.downgradePlan(applied: all.subtracting(["t0"]), target: "-1") == ["m9"])
        // Alembic `downgrade alpha@base`, where alpha's branch grows from a
        // shared b0, winds every branch back to base; migrate reverts the
        // labeled branch only.
        let shared = try RevisionGraph([
            F.node("b0"), F.node("r1", "b0", labels: ["alpha"]), F.node("r2", "r1"), F.node("s1", "b0"),
        ])
        #expect(try shared.downgradePlan(applied: ["b0", "r1", "r2", "s1"], target: "alpha@base") == ["r2", "r1"])
        // Alembic `upgrade head; stamp x1` below the merge m9: table [x1]
        // (y1 is no longer recorded); migrate keeps y1 applied.
        let below = try F.merged.stampedRevisions(applied: all, targets: ["x1"])
        #expect(below == ["b0", "x1", "y1"])
        // The same below a `Depends On:`: q2 revises q1 and depends on p1.
        // Alembic `upgrade heads; stamp q1`: table [q1] (p1 is forgotten);
        // migrate keeps p1 applied.
        let dependent = try RevisionGraph([F.node("p1"), F.node("q1"), F.node("q2", "q1", dependsOn: ["p1"])])
        #expect(try dependent.stampedRevisions(applied: ["p1", "q1", "q2"], targets: ["q1"]) == ["p1", "q1"])
        #expect(dependent.currentHeads(applied: ["p1", "q1"]) == ["p1", "q1"])
    }
}
