import Testing

@testable import MigrateKit

/// Hand-drawn graphs shared by the graph, target and plan tests.
enum GraphFixtures {
    static func path(_ id: String) -> String { "migrations/versions/\(id)_step.sql" }

    static func node(
        _ id: String, _ parents: String..., dependsOn: [String] = [], labels: [String] = []
    ) -> RevisionNode {
        RevisionNode(
            id: id, parents: parents, dependsOn: dependsOn, branchLabels: labels, path: path(id), message: id)
    }

    /// `a1f0 <- b2e1 <- c3d2 <- d4c3`
    static let linear = try! RevisionGraph([
        node("a1f0"), node("b2e1", "a1f0"), node("c3d2", "b2e1"), node("d4c3", "c3d2"),
    ])

    /// Two branches from one base, merged, then one more revision:
    /// ```
    ///        +- x1 - x2 -+
    ///   b0 --+           +-- m9 (Revises: x2, y1) -- t0
    ///        +- y1 ------+
    /// ```
    static let merged = try! RevisionGraph([
        node("b0"), node("x1", "b0"), node("x2", "x1"), node("y1", "b0"), node("m9", "x2", "y1"), node("t0", "m9"),
    ])

    /// The same graph with the merge point's parents listed the other way round.
    static let mergedYFirst = try! RevisionGraph([
        node("b0"), node("x1", "b0"), node("x2", "x1"), node("y1", "b0"), node("m9", "y1", "x2"), node("t0", "m9"),
    ])

    /// Two independent roots with labels:
    /// `r1 (alpha) <- r2 <- r3` and `s1 (beta) <- s2`.
    static let twoRoots = try! RevisionGraph([
        node("r1", labels: ["alpha"]), node("r2", "r1"), node("r3", "r2"),
        node("s1", labels: ["beta"]), node("s2", "s1"),
    ])

    /// A dependency across branches:
    /// `k1 (schema) <- k2` and `d1 (data) <- d2 <- d3`, where d2 depends on k2.
    static let crossDependency = try! RevisionGraph([
        node("k1", labels: ["schema"]), node("k2", "k1"),
        node("d1", labels: ["data"]), node("d2", "d1", dependsOn: ["k2"]), node("d3", "d2"),
    ])

    /// A branch point without a merge: `f0 <- f1 <- f3` and `f0 <- f2`.
    static let forked = try! RevisionGraph([node("f0"), node("f1", "f0"), node("f2", "f0"), node("f3", "f1")])

    /// The error a closure throws, as a ``GraphError``.
    static func error(_ body: () throws -> Any) -> GraphError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? GraphError
        }
    }
}

@Suite("RevisionGraph")
struct RevisionGraphTests {
    typealias F = GraphFixtures

    @Test func linearGraph() {
        let graph = F.linear
        #expect(graph.heads == ["d4c3"])
        #expect(graph.bases == ["a1f0"])
        #expect(graph.children(of: "b2e1") == ["c3d2"])
        #expect(graph.children(of: "d4c3") == [])
        #expect(graph.ancestors(of: ["c3d2"]) == ["a1f0", "b2e1", "c3d2"])
        #expect(graph.descendants(of: "b2e1") == ["b2e1", "c3d2", "d4c3"])
        #expect(graph.topologicalOrder() == ["a1f0", "b2e1", "c3d2", "d4c3"])
        #expect(graph.nodes["c3d2"]?.path == "migrations/versions/c3d2_step.sql")
    }

    @Test func mergePointOrdersBranchesByRevises() {
        #expect(F.merged.heads == ["t0"])
        #expect(F.merged.bases == ["b0"])
        #expect(F.merged.children(of: "b0") == ["x1", "y1"])
        #expect(F.merged.topologicalOrder() == ["b0", "x1", "x2", "y1", "m9", "t0"])
        #expect(F.mergedYFirst.topologicalOrder() == ["b0", "y1", "x1", "x2", "m9", "t0"])
        #expect(F.merged.ancestors(of: ["m9"]) == ["b0", "x1", "x2", "y1", "m9"])
        #expect(F.merged.descendants(of: "y1") == ["y1", "m9", "t0"])
    }

    @Test func independentRoots() {
        let graph = F.twoRoots
        #expect(graph.heads == ["r3", "s2"])
        #expect(graph.bases == ["r1", "s1"])
        #expect(graph.topologicalOrder() == ["r1", "r2", "r3", "s1", "s2"])
        #expect(graph.ancestors(of: ["r2", "s2"]) == ["r1", "r2", "s1", "s2"])
    }

    @Test func dependsOnEdges() {
        let graph = F.crossDependency
        // k2 is depended on but revised by nothing: still a head.
        #expect(graph.heads == ["d3", "k2"])
        #expect(graph.bases == ["d1", "k1"])
        #expect(graph.children(of: "k2") == [])
        #expect(graph.dependents(of: "k2") == ["d2"])
        #expect(graph.ancestors(of: ["d2"]) == ["d1", "d2", "k1", "k2"])
        #expect(graph.descendants(of: "k1") == ["k1", "k2", "d2", "d3"])
        #expect(graph.topologicalOrder() == ["d1", "k1", "k2", "d2", "d3"])
    }

    @Test func dependsOnALabelMeansTheLabeledRevision() throws {
        let graph = try RevisionGraph([F.node("k1", labels: ["schema"]), F.node("d1", dependsOn: ["schema"])])
        #expect(graph.nodes["d1"]?.dependsOn == ["k1"])
        #expect(graph.ancestors(of: ["d1"]) == ["d1", "k1"])
    }

    @Test func currentHeadsLeaveOutWhatAnAppliedRevisionBuildsOn() {
        #expect(F.merged.currentHeads(applied: []) == [])
        #expect(F.merged.currentHeads(applied: ["b0", "x1", "y1"]) == ["x1", "y1"])
        #expect(F.merged.currentHeads(applied: ["b0", "x1", "x2", "y1", "m9"]) == ["m9"])
        #expect(F.twoRoots.currentHeads(applied: ["r1", "r2", "s1"]) == ["r2", "s1"])
        // d2 depends on k2, so k2 is not a head (Alembic `upgrade d2`: table [d2]).
        #expect(F.crossDependency.currentHeads(applied: ["k1", "k2", "d1", "d2"]) == ["d2"])
        #expect(F.crossDependency.currentHeads(applied: ["k1", "k2", "d1"]) == ["d1", "k2"])
        #expect(F.crossDependency.headsResolvingDependencies == ["d3"])
        #expect(F.crossDependency.tips(of: ["k1", "k2", "d1", "d2"]) == ["d2", "k2"])
        #expect(F.linear.currentHeads(applied: ["a1f0", "b2e1", "gone"]) == ["b2e1"])
    }

    @Test func forkedHeads() {
        #expect(F.forked.heads == ["f2", "f3"])
        #expect(F.forked.children(of: "f0") == ["f1", "f2"])
        #expect(F.forked.topologicalOrder() == ["f0", "f2", "f1", "f3"])
    }

    @Test func emptyGraph() throws {
        let graph = try RevisionGraph([])
        #expect(graph.heads == [])
        #expect(graph.bases == [])
        #expect(graph.topologicalOrder() == [])
        #expect(try graph.upgradePlan(applied: [], target: "head") == [])
        #expect(try graph.downgradePlan(applied: [], target: "base") == [])
    }

    // MARK: - Errors building the graph

    @Test func duplicateIDNamesBothFiles() {
        let error = F.error {
            try RevisionGraph([
                RevisionNode(id: "a1f0", parents: [], path: "versions/a1f0_first.sql"),
                RevisionNode(id: "b2e1", parents: ["a1f0"], path: "versions/b2e1_second.sql"),
                RevisionNode(id: "a1f0", parents: [], path: "versions/a1f0_copy.sql"),
            ])
        }
        #expect(error?.kind == .duplicateID("a1f0", paths: ["versions/a1f0_first.sql", "versions/a1f0_copy.sql"]))
        #expect(error?.errorID == "graph.duplicate-id")
        #expect(error?.isUsageError == false)
        #expect(
            error?.message
                == "Revision a1f0 is defined twice: in versions/a1f0_first.sql and in versions/a1f0_copy.sql. "
                + "Give one of them a new `Revision ID:` (and update `Revises:` lines that mean it).")
    }

    @Test func unknownParentNamesTheFileAndTheMissingID() {
        let error = F.error { try RevisionGraph([F.node("a1f0"), F.node("b2e1", "nope")]) }
        #expect(error?.kind == .unknownParent(revision: "b2e1", path: F.path("b2e1"), missing: "nope"))
        #expect(error?.errorID == "graph.unknown-parent")
        #expect(
            error?.message
                == "migrations/versions/b2e1_step.sql: revision b2e1 revises nope, which no revision file defines. "
                + "Fix its `Revises:` line, or restore the file of nope.")
    }

    @Test func unknownDependencyNamesTheFileAndTheMissingID() {
        let error = F.error { try RevisionGraph([F.node("a1f0"), F.node("b2e1", "a1f0", dependsOn: ["zz99"])]) }
        #expect(error?.kind == .unknownDependency(revision: "b2e1", path: F.path("b2e1"), missing: "zz99"))
        #expect(error?.errorID == "graph.unknown-depends-on")
        #expect(error?.message.contains("migrations/versions/b2e1_step.sql") == true)
        #expect(error?.message.contains("zz99") == true)
        #expect(error?.message.contains("`Depends On:`") == true)
    }

    @Test func cycleNamesItsRevisionsAndFiles() {
        let error = F.error {
            try RevisionGraph([F.node("a0"), F.node("c1", "c2"), F.node("c2", "c1"), F.node("h9", "c1")])
        }
        #expect(error?.kind == .cycle(ids: ["c1", "c2"], paths: [F.path("c1"), F.path("c2")]))
        #expect(error?.errorID == "graph.cycle")
        #expect(
            error?.message
                == "Revisions c1, c2 form a cycle: c1 -> c2 -> c1, where each revises or depends on the next "
                + "(files: migrations/versions/c1_step.sql, migrations/versions/c2_step.sql). "
                + "Fix their `Revises:` or `Depends On:` lines so that no revision comes after itself.")
    }

    @Test func cycleThatNoHeadReaches() {
        let error = F.error { try RevisionGraph([F.node("a0"), F.node("c2", "c1"), F.node("c1", "c2")]) }
        #expect(error?.kind == .cycle(ids: ["c1", "c2"], paths: [F.path("c1"), F.path("c2")]))
    }

    @Test func revisionThatRevisesItself() {
        let error = F.error { try RevisionGraph([F.node("a0", "a0")]) }
        #expect(error?.kind == .cycle(ids: ["a0"], paths: [F.path("a0")]))
    }

    @Test func cycleThroughDependsOn() {
        let error = F.error { try RevisionGraph([F.node("p1", dependsOn: ["q1"]), F.node("q1", "p1")]) }
        #expect(error?.kind == .cycle(ids: ["q1", "p1"], paths: [F.path("q1"), F.path("p1")]))
    }

    @Test func branchLabelUsedTwice() {
        let error = F.error { try RevisionGraph([F.node("a1", labels: ["core"]), F.node("b1", labels: ["core"])]) }
        #expect(
            error?.kind == .duplicateBranchLabel("core", revisions: ["a1", "b1"], paths: [F.path("a1"), F.path("b1")]))
        #expect(error?.errorID == "graph.duplicate-branch-label")
        #expect(error?.message.contains(F.path("a1")) == true)
        #expect(error?.message.contains(F.path("b1")) == true)
    }

    @Test func orderOfTheInputDoesNotMatter() throws {
        let shuffled = try RevisionGraph([
            F.node("t0", "m9"), F.node("y1", "b0"), F.node("m9", "x2", "y1"), F.node("x2", "x1"), F.node("b0"),
            F.node("x1", "b0"),
        ])
        #expect(shuffled.topologicalOrder() == F.merged.topologicalOrder())
        #expect(shuffled.heads == F.merged.heads)
        #expect(try shuffled.upgradePlan(applied: [], target: "head") == ["b0", "x1", "x2", "y1", "m9", "t0"])
    }

    @Test func fiveThousandRevisionsInALine() throws {
        // Ids out of id order, like random ones: 7919 is prime to 100,000.
        let ids = (0..<5000).map { "r" + String($0 * 7919 % 100_000, radix: 16) }
        let nodes = ids.indices.map { index in
            RevisionNode(id: ids[index], parents: index == 0 ? [] : [ids[index - 1]])
        }
        let graph = try RevisionGraph(nodes)
        #expect(graph.nodes.count == 5000)
        #expect(graph.heads == [ids[4999]])
        #expect(graph.bases == [ids[0]])
        #expect(graph.topologicalOrder() == ids)
        #expect(try graph.upgradePlan(applied: [], target: "head") == ids)
        #expect(try graph.upgradePlan(applied: Set(ids.prefix(4990)), target: "+3") == Array(ids[4990..<4993]))
        #expect(try graph.downgradePlan(applied: Set(ids), target: "base") == ids.reversed())
        #expect(try graph.downgradePlan(applied: Set(ids), target: "-3") == Array(ids.suffix(3).reversed()))
        #expect(graph.currentHeads(applied: Set(ids.prefix(2500))) == [ids[2499]])
    }
}
