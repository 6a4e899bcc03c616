import Foundation
import Testing

/// `Depends On:` through the CLI on every database, where migrate once
/// disagreed with Alembic 1.20: stamp, `+1`/`-1` and `downgrade <rev>`.
/// What Alembic does with the same graph is written beside each command.
///
/// ```
///   x1 ──────────── d1          (d1 revises x1)
///    ┆ depends on
///   y1 ── c1                    (y1 is a root; c1 revises y1)
/// ```
///
/// c1's id sorts before x1's, which once made `stamp c1` drop c1 and y1.
@Suite("Depends On: through the CLI, as in Alembic")
struct DependencyScenarioTests {
    static let x1 = "x00000000001", y1 = "y00000000001", c1 = "c00000000001", d1 = "d00000000001"
    /// The table each revision creates.
    static let tables = [x1: "x1_t", y1: "y1_t", c1: "c1_t", d1: "d1_t"]

    @Test(arguments: TestBackend.allCases)
    func stampUpgradeAndDowngradeAroundADependency(_ backend: TestBackend) throws {
        let (x1, y1, c1, d1) = (Self.x1, Self.y1, Self.c1, Self.d1)
        let project = try CLIProject(backend)
        try project.write(
            x1, upgrade: "CREATE TABLE x1_t (id INTEGER PRIMARY KEY);", downgrade: "DROP TABLE x1_t;")
        // The foreign key makes the dependency real: y1 fails unless x1 ran
        // first, and x1_t cannot be dropped (PostgreSQL, MySQL) before y1_t.
        try project.write(
            y1, upgrade: "CREATE TABLE y1_t (id INTEGER, x1_id INTEGER REFERENCES x1_t (id));",
            downgrade: "DROP TABLE y1_t;", header: "-- Depends On: \(x1)")
        try project.write(c1, revises: [y1], upgrade: "CREATE TABLE c1_t (id INTEGER);", downgrade: "DROP TABLE c1_t;")
        try project.write(d1, revises: [x1], upgrade: "CREATE TABLE d1_t (id INTEGER);", downgrade: "DROP TABLE d1_t;")
        let check = ScenarioChecker(project: project, tables: Self.tables)

        // Alembic `stamp c1`: table [c1].
        try check.stamp([c1], rows: [x1, y1, c1])
        #expect(try project.run("current").stdout == "\(c1) (head)\n")
        // Alembic `stamp base; stamp heads`: table [c1, d1].
        try check.stamp(["base"], rows: [])
        try check.stamp(["heads"], rows: [x1, y1, c1, d1])
        try check.stamp(["base"], rows: [])

        // Alembic `upgrade y1`: runs x1, y1; table [y1].
        try check(["upgrade", y1], ran: [x1, y1], rows: [x1, y1])
        #expect(try project.run("current").stdout == "\(y1)\n")
        // Alembic `downgrade x1`: "not a valid downgrade target"; nothing runs.
        try check.fails(["downgrade", x1], saying: "applied only because \(y1) depends on it", rows: [x1, y1])
        // Alembic `upgrade +1`: runs c1.
        try check(["upgrade", "+1"], ran: [c1], rows: [x1, y1, c1])
        // Alembic `downgrade -1`, twice: c1, then y1; x1 stays, then is a head.
        try check(["downgrade", "-1"], ran: [c1], rows: [x1, y1])
        try check(["downgrade", "-1"], ran: [y1], rows: [x1])
        #expect(try project.run("current").stdout == "\(x1)\n")

        // Alembic `upgrade heads`: runs y1, c1, d1; table [c1, d1].
        try check(["upgrade", "heads"], ran: [y1, c1, d1], rows: [x1, y1, c1, d1])
        // Alembic `downgrade x1`: reverts d1 only; y1 still has x1.
        try check(["downgrade", x1], ran: [d1], rows: [x1, y1, c1])
        try check(["downgrade", "base"], ran: [c1, y1, x1], rows: [])
    }
}
