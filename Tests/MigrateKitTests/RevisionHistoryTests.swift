import Testing

@testable import MigrateKit

/// `history -r a:b`, answered by the graph.
@Suite("History ranges")
struct RevisionHistoryTests {
    /// a <- b <- c, and b <- d (a branch).
    let graph = try! RevisionGraph([
        RevisionNode(id: "a1", parents: []),
        RevisionNode(id: "b2", parents: ["a1"]),
        RevisionNode(id: "c3", parents: ["b2"]),
        RevisionNode(id: "d4", parents: ["b2"]),
    ])

    @Test func everythingNewestFirst() throws {
        #expect(try graph.history(nil) == ["d4", "c3", "b2", "a1"])
        #expect(try graph.history("") == ["d4", "c3", "b2", "a1"])
    }

    @Test func boundsAreInclusive() throws {
        #expect(try graph.history("b2:c3") == ["c3", "b2"])
        #expect(try graph.history("b2:") == ["d4", "c3", "b2"])
        #expect(try graph.history(":b2") == ["b2", "a1"])
        #expect(try graph.history("base:heads") == ["d4", "c3", "b2", "a1"])
        #expect(try graph.history("c3:c3") == ["c3"])
    }

    @Test func currentNamesTheGivenRevisions() throws {
        #expect(try graph.history("current:", current: ["c3"]) == ["c3"])
        #expect(try graph.history(":current", current: ["b2"]) == ["b2", "a1"])
    }

    @Test func textWithoutAColonIsAUsageError() {
        let error = #expect(throws: HistoryRangeError.self) { try graph.history("b2") }
        #expect(error?.isUsageError == true)
        #expect(throws: GraphError.self) { try graph.history("zz:") }
    }
}
