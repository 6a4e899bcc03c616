import Foundation
import Testing

/// Two labeled branches from one root, a `Depends On:` edge between them and
/// a merge, through the CLI on every database: the order revisions run in
/// and the exact version table after every command.
///
/// ```
///            a1 (alpha) ── a2 ──┐
///          ╱     ┆              m1 (merge, added later)
///       r1       ┆ depends on   │
///          ╲     ┆              │
///            b1 (beta) ─── b2 ──┘
/// ```
@Suite("Branches, dependencies and merges through the CLI")
struct BranchScenarioTests {
    static let r1 = "r00000000001", a1 = "a00000000001", a2 = "a00000000002"
    static let b1 = "b00000000001", b2 = "b00000000002", m1 = "m00000000001"
    /// The table each revision creates.
    static let tables = [r1: "r_t", a1: "a1_t", a2: "a2_t", b1: "b1_t", b2: "b2_t"]

    @Test(arguments: TestBackend.allCases)
    func branchesDependencyAndMerge(_ backend: TestBackend) throws {
        let (r1, a1, a2, b1, b2, m1) = (Self.r1, Self.a1, Self.a2, Self.b1, Self.b2, Self.m1)
        let project = try CLIProject(backend)
        try project.write(r1, upgrade: "CREATE TABLE r_t (id INTEGER);", downgrade: "DROP TABLE r_t;")
        try project.write(
            a1, revises: [r1], upgrade: "CREATE TABLE a1_t (id INTEGER PRIMARY KEY);", downgrade: "DROP TABLE a1_t;",
            header: "-- Branch Labels: alpha")
        try project.write(a2, revises: [a1], upgrade: "CREATE TABLE a2_t (id INTEGER);", downgrade: "DROP TABLE a2_t;")
        try project.write(
            b1, revises: [r1], upgrade: "CREATE TABLE b1_t (id INTEGER);", downgrade: "DROP TABLE b1_t;",
            header: "-- Branch Labels: beta")
        // The foreign key makes the dependency real: b2 fails unless a1 ran
        // first, and a1 cannot be dropped (PostgreSQL, MySQL) before b2.
        try project.write(
            b2, revises: [b1],
            upgrade: "CREATE TABLE b2_t (id INTEGER, a1_id INTEGER REFERENCES a1_t (id));",
            downgrade: "DROP TABLE b2_t;", header: "-- Depends On: alpha")

        let check = ScenarioChecker(project: project, tables: Self.tables)
        // The dependency comes in before the revision that needs it.
        try check(["upgrade", "beta@head"], ran: [r1, b1, a1, b2], rows: [r1, a1, b1, b2])
        try check(["upgrade", "alpha@head"], ran: [a2], rows: [r1, a1, a2, b1, b2])
        try check.fails(["downgrade", "-1"], saying: "a00000000002, b00000000002", rows: [r1, a1, a2, b1, b2])
        try check.fails(["downgrade", "alpha@base"], saying: b2, rows: [r1, a1, a2, b1, b2])
        try check(["downgrade", b1], ran: [b2], rows: [r1, a1, a2, b1])
        try check(["downgrade", "alpha@base"], ran: [a2, a1], rows: [r1, b1])
        try check(["upgrade", "heads"], ran: [a1, a2, b2], rows: [r1, a1, a2, b1, b2])
        try check(["downgrade", "beta@base"], ran: [b2, b1], rows: [r1, a1, a2])
        try check(["downgrade", "-1"], ran: [a2], rows: [r1, a1])
        try check.fails(["upgrade", "head"], saying: "Multiple heads", rows: [r1, a1])

        var result = try project.run("merge", "-m", "Join alpha and beta", "--rev-id", m1, "heads")
        #expect(result.status == 0, "\(result.stderr)")
        try check(["upgrade", "head"], ran: [a2, b1, b2, m1], rows: [r1, a1, a2, b1, b2, m1])
        result = try project.run("current")
        #expect(result.stdout == "\(m1) (head)\n")
        try check(["downgrade", "-1"], ran: [m1], rows: [r1, a1, a2, b1, b2])
        result = try project.run("current")
        #expect(result.stdout == "\(a2)\n\(b2)\n")
        try check(["upgrade", "head"], ran: [m1], rows: [r1, a1, a2, b1, b2, m1])
        try check(["downgrade", "base"], ran: [m1, b2, b1, a2, a1, r1], rows: [])
    }
}
