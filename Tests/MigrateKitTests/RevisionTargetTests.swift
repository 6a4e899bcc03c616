import Testing

@testable import MigrateKit

@Suite("Revision targets")
struct RevisionTargetTests {
    typealias F = GraphFixtures

    // MARK: - resolve

    @Test func resolvesIDsPrefixesAndLabels() throws {
        #expect(try F.linear.resolve("c3d2") == "c3d2")
        #expect(try F.linear.resolve("c3") == "c3d2")
        #expect(try F.linear.resolve("a") == "a1f0")
        #expect(try F.twoRoots.resolve("alpha") == "r1")
        #expect(try F.twoRoots.resolve("beta") == "s1")
    }

    @Test func unknownSymbolIsAUsageError() {
        let error = F.error { try F.linear.resolve("zz") }
        #expect(error?.kind == .unknownTarget("zz"))
        #expect(error?.errorID == "graph.unknown-target")
        #expect(error?.isUsageError == true)
        #expect(error?.message == "No revision matches 'zz'. Run `migrate history` to see the revisions.")
    }

    @Test func ambiguousPrefixListsTheCandidates() {
        let error = F.error { try F.merged.resolve("x") }
        #expect(error?.kind == .ambiguousTarget("x", candidates: ["x1", "x2"]))
        #expect(error?.errorID == "graph.ambiguous-target")
        #expect(error?.isUsageError == true)
        #expect(error?.message == "'x' matches several revisions (x1, x2): use more characters of the id.")
    }

    @Test func exactIDWinsOverALongerID() throws {
        let graph = try RevisionGraph([F.node("ab"), F.node("abc", "ab")])
        #expect(try graph.resolve("ab") == "ab")
        #expect(try graph.resolve("abc") == "abc")
    }

    // MARK: - parsing

    @Test func readsEveryTargetForm() throws {
        let graph = F.twoRoots
        #expect(try graph.parseTarget("head") == .head)
        #expect(try graph.parseTarget("heads") == .heads)
        #expect(try graph.parseTarget("base") == .base)
        #expect(try graph.parseTarget("+2") == .relative(2))
        #expect(try graph.parseTarget("-1") == .relative(-1))
        #expect(try graph.parseTarget("r2") == .revision("r2"))
        #expect(try graph.parseTarget("alpha") == .revision("alpha"))
        #expect(try graph.parseTarget("alpha@head") == .branchHead("alpha"))
        #expect(try graph.parseTarget("r1@head") == .branchHead("r1"))
        #expect(try graph.parseTarget("alpha@base") == .branchBase("alpha"))
        #expect(try graph.parseTarget("alpha@+2") == .branchRelative("alpha", 2))
        #expect(try graph.parseTarget("alpha@-1") == .branchRelative("alpha", -1))
        #expect(try graph.parseTarget("r1+2") == .offset("r1", 2))
        #expect(try graph.parseTarget("r3-2") == .offset("r3", -2))
        #expect(try graph.parseTarget("head-1") == .offset("head", -1))
    }

    @Test func anIDThatLooksRelativeIsStillAnID() throws {
        let graph = try RevisionGraph([F.node("v2"), F.node("v2-1", "v2")])
        #expect(try graph.parseTarget("v2-1") == .revision("v2-1"))
        #expect(try graph.upgradePlan(applied: [], target: "v2-1") == ["v2", "v2-1"])
    }

    @Test(arguments: ["+x", "-0", "+0", "+", "-", "a1f0+0", "a1f0-0", "a1f0@tail", "@head", "a1f0@", "a1f0@+0", ""])
    func malformedTargetsAreUsageErrors(_ target: String) {
        for plan in [F.linear.upgradePlan, F.linear.downgradePlan] {
            let error = F.error { try plan(["a1f0"], target) }
            #expect(error?.kind == .badTarget(target, problem: .malformed), "\(target)")
            #expect(error?.errorID == "graph.bad-target")
            #expect(error?.isUsageError == true)
        }
    }

    @Test func malformedTargetMessage() {
        let error = F.error { try F.linear.upgradePlan(applied: [], target: "-0") }
        #expect(
            error?.message
                == "'-0' is not a revision target. Use head, heads, base, a revision id or a unique prefix of one, "
                + "a branch label, `<rev>@head`, `<label>@base`, `+N`, `-N`, `<rev>+N`, `<rev>-N` or `<label>@+N`, "
                + "with N of at least 1.")
    }

    @Test func directionOfRelativeTargets() {
        let down = F.error { try F.linear.upgradePlan(applied: ["a1f0", "b2e1"], target: "-1") }
        #expect(down?.kind == .badTarget("-1", problem: .downgradeOnly))
        #expect(down?.isUsageError == true)
        #expect(down?.message == "'-1' moves down, so upgrade cannot take it: use `migrate downgrade -1`.")
        let up = F.error { try F.linear.downgradePlan(applied: ["a1f0"], target: "+1") }
        #expect(up?.kind == .badTarget("+1", problem: .upgradeOnly))
        #expect(up?.message == "'+1' moves up, so downgrade cannot take it: use `migrate upgrade +1`.")
        let heads = F.error { try F.linear.downgradePlan(applied: ["a1f0"], target: "heads") }
        #expect(heads?.kind == .badTarget("heads", problem: .upgradeOnly))
    }

    @Test func unknownAndAmbiguousInsideTargetForms() {
        #expect(F.error { try F.linear.upgradePlan(applied: [], target: "zzzz") }?.kind == .unknownTarget("zzzz"))
        #expect(F.error { try F.linear.upgradePlan(applied: [], target: "zz@head") }?.kind == .unknownTarget("zz"))
        #expect(F.error { try F.linear.downgradePlan(applied: [], target: "zz-1") }?.kind == .unknownTarget("zz"))
        #expect(F.error { try F.linear.downgradePlan(applied: [], target: "zz@base") }?.kind == .unknownTarget("zz"))
        #expect(
            F.error { try F.merged.upgradePlan(applied: [], target: "x+1") }?.kind
                == .ambiguousTarget("x", candidates: ["x1", "x2"]))
    }

    // MARK: - Errors of target forms

    @Test func headWithSeveralHeads() {
        let error = F.error { try F.twoRoots.upgradePlan(applied: [], target: "head") }
        #expect(error?.kind == .multipleHeads(["r3", "s2"], from: nil))
        #expect(error?.errorID == "graph.multiple-heads")
        #expect(error?.isUsageError == false)
        #expect(error?.message == "Multiple heads (r3, s2): pass one of them, 'heads', or run `migrate merge`.")
    }

    @Test func branchHeadWithSeveralHeads() throws {
        let error = F.error { try F.forked.upgradePlan(applied: [], target: "f0@head") }
        #expect(error?.kind == .multipleHeads(["f2", "f3"], from: "f0"))
        #expect(error?.message == "Multiple heads descend from f0 (f2, f3): pass one of them, or run `migrate merge`.")
        #expect(try F.forked.upgradePlan(applied: [], target: "f1@head") == ["f0", "f1", "f3"])
    }

    @Test func stepUpIntoABranchPoint() {
        let error = F.error { try F.merged.upgradePlan(applied: ["b0"], target: "+3") }
        #expect(error?.kind == .branchPoint(at: "b0", children: ["x1", "y1"], target: "+3", stepsLeft: 3))
        #expect(error?.errorID == "graph.branch-point")
        #expect(
            error?.message
                == "'+3' cannot choose a path at b0: it branches into x1, y1. "
                + "Name the branch instead: `x1+2` or `y1+2`.")
        let fromBase = F.error { try F.forked.upgradePlan(applied: [], target: "+2") }
        #expect(fromBase?.kind == .branchPoint(at: "f0", children: ["f1", "f2"], target: "+2", stepsLeft: 1))
        #expect(fromBase?.message.hasSuffix("Name the branch instead: `f1` or `f2`.") == true)
    }

    @Test func stepDownIntoAMergePoint() {
        let error = F.error { try F.merged.downgradePlan(applied: Set(F.merged.nodes.keys), target: "t0-2") }
        #expect(error?.kind == .mergePoint(at: "m9", parents: ["x2", "y1"], target: "t0-2", stepsLeft: 1))
        #expect(error?.errorID == "graph.merge-point")
        #expect(
            error?.message
                == "'t0-2' cannot choose a path at m9: it merges x2, y1. Name the branch instead: `x2` or `y1`.")
    }

    @Test func stepUpPastTheHead() {
        let error = F.error { try F.linear.upgradePlan(applied: ["a1f0"], target: "+5") }
        #expect(error?.kind == .aboveHead(target: "+5", from: "a1f0", available: 3, head: "d4c3", counted: false))
        #expect(error?.errorID == "graph.above-head")
        #expect(
            error?.message
                == "'+5' goes past the head: only 3 revisions are above a1f0, ending at d4c3. "
                + "Use `migrate upgrade d4c3`.")
        let fromBase = F.error { try F.linear.upgradePlan(applied: [], target: "+5") }
        #expect(fromBase?.kind == .aboveHead(target: "+5", from: "base", available: 4, head: "d4c3", counted: true))
        #expect(
            fromBase?.message
                == "'+5' goes past the head: only 4 revisions lead from base to d4c3. Use `migrate upgrade d4c3`.")
    }

    @Test func stepUpWithSeveralCurrentHeads() {
        let error = F.error { try F.merged.upgradePlan(applied: ["b0", "x1", "y1"], target: "+1") }
        #expect(error?.kind == .multipleCurrentHeads(["x1", "y1"], target: "+1", steps: 1))
        #expect(error?.errorID == "graph.multiple-heads")
        #expect(
            error?.message
                == "Multiple current heads (x1, y1): '+1' cannot choose where to start. "
                + "Name a revision instead, or start from one head with `x1+1` or `y1+1`.")
    }

    @Test func stepUpWithSeveralBases() {
        let error = F.error { try F.twoRoots.upgradePlan(applied: [], target: "+2") }
        #expect(error?.kind == .multipleBases(["r1", "s1"], target: "+2", steps: 2))
        #expect(error?.errorID == "graph.multiple-bases")
        #expect(
            error?.message
                == "Nothing is applied and there are several bases (r1, s1): '+2' cannot choose where to start. "
                + "Use `r1+1` or `s1+1`, or `<label>@+2` for a labeled branch.")
    }

    @Test func relativeTargetsWithoutRevisions() throws {
        let empty = try RevisionGraph([])
        #expect(F.error { try empty.upgradePlan(applied: [], target: "+1") }?.kind == .noRevisions("+1"))
        #expect(F.error { try empty.downgradePlan(applied: [], target: "head-1") }?.kind == .noRevisions("head"))
        #expect(F.error { try empty.downgradePlan(applied: [], target: "-1") }?.errorID == "graph.below-base")
    }

    @Test func everyErrorIDIsStableAndDotted() {
        let kinds: [GraphError.Kind] = [
            .duplicateID("a", paths: ["p", "q"]), .unknownParent(revision: "a", path: "p", missing: "b"),
            .unknownDependency(revision: "a", path: "p", missing: "b"), .cycle(ids: ["a"], paths: ["p"]),
            .duplicateBranchLabel("l", revisions: ["a", "b"], paths: ["p", "q"]), .unknownTarget("a"),
            .ambiguousTarget("a", candidates: ["ab", "ac"]), .badTarget("a", problem: .malformed),
            .multipleHeads(["a", "b"], from: nil), .multipleCurrentHeads(["a", "b"], target: "-1", steps: -1),
            .multipleBases(["a", "b"], target: "+1", steps: 1),
            .branchPoint(at: "a", children: ["b", "c"], target: "+1", stepsLeft: 1),
            .mergePoint(at: "a", parents: ["b", "c"], target: "-1", stepsLeft: 1),
            .aboveHead(target: "+2", from: "a", available: 1, head: "b", counted: false),
            .belowBase(from: "a", steps: 2, available: 1, applied: true),
            .notADowngrade(target: "a", revision: "a", currentHeads: [], ahead: true),
            .branchInUse(target: "l@base", revision: "a", dependent: "b", dependentPath: "p"), .noRevisions("head"),
        ]
        let usage: Set<String> = ["graph.unknown-target", "graph.ambiguous-target", "graph.bad-target"]
        for kind in kinds {
            let error = GraphError(kind)
            #expect(error.errorID.hasPrefix("graph."))
            #expect(error.isUsageError == usage.contains(error.errorID))
            #expect(!error.message.isEmpty)
            #expect(error.description == "error[\(error.errorID)]: \(error.message)")
        }
    }
}
