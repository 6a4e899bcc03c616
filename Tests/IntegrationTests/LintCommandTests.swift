import Foundation
import Testing

@testable import MigrateKit

/// `migrate lint` through the binary, on every database: by default it
/// lints only what the database has not applied.
@Suite("Lint command")
struct LintCommandTests {
    /// SQL every database runs cannot set PostgreSQL's lock_timeout.
    private let quiet = "-- migrate:lint disable=pg.missing-lock-timeout"

    /// Two applied revisions (the second drops a table) and one that is not
    /// (it drops a column).
    private func project(_ backend: TestBackend, extraConfig: String = "") throws -> CLIProject {
        let project = try CLIProject(backend, extraConfig: extraConfig)
        try project.write(
            "l00000000001", upgrade: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text VARCHAR(50));\nCREATE TABLE legacy (id INTEGER);",
            downgrade: "DROP TABLE legacy;\nDROP TABLE notes;")
        try project.write(
            "l00000000002", revises: ["l00000000001"], upgrade: "DROP TABLE legacy;",
            downgrade: "CREATE TABLE legacy (id INTEGER);", header: quiet)
        let applied = try project.run("upgrade", "head")
        #expect(applied.status == 0, "\(applied.stderr)")
        try project.write(
            "l00000000003", revises: ["l00000000002"], upgrade: "\nALTER TABLE notes DROP COLUMN text;",
            downgrade: "ALTER TABLE notes ADD COLUMN text VARCHAR(50);", header: quiet)
        return project
    }

    @Test(arguments: TestBackend.allCases)
    func lintsTheRevisionsTheDatabaseHasNotApplied(_ backend: TestBackend) throws {
        let project = try project(backend)
        let result = try project.run("lint")
        #expect(result.status == 1, "\(result.stderr)")
        let file = "migrations/versions/l00000000003_l00000000003.sql"
        #expect(
            result.stdout.hasPrefix(
                "\(file):9: error destructive.drop-column: drops column notes.text and its values\n    help: "),
            "\(result.stdout)")
        #expect(result.stdout.contains("\(file):9: error compat.drop-column: drops column notes.text"), "\(result.stdout)")
        #expect(!result.stdout.contains("l00000000002"), "the applied revision is not linted: \(result.stdout)")
        #expect(result.stdout.hasSuffix("2 errors, 0 warnings in 1 revision.\n"), "\(result.stdout)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test(arguments: TestBackend.allCases)
    func allAndRangesLintAppliedRevisionsToo(_ backend: TestBackend) throws {
        let project = try project(backend)
        let all = try project.run("lint", "--all")
        #expect(all.status == 1)
        #expect(all.stdout.contains("l00000000002_l00000000002.sql:8: error destructive.drop-table: drops table legacy"), "\(all.stdout)")
        #expect(all.stdout.hasSuffix("in 3 revisions.\n"), "\(all.stdout)")
        let range = try project.run("lint", "l00000000002:head", "--format", "json")
        #expect(range.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(range.stdout.utf8)) as? [String: Any])
        #expect(document["revisions"] as? [String] == ["l00000000002", "l00000000003"])
        #expect(document["errors"] as? Int == 3)
        #expect(document["warnings"] as? Int == 0)
        #expect(document["note"] is NSNull)
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["destructive.drop-table", "destructive.drop-column", "compat.drop-column"])
        #expect(findings.first?["line"] as? Int == 8)
        #expect(findings.first?["severity"] as? String == "error")
        #expect((findings.first?["help"] as? String)?.isEmpty == false)
    }

    @Test(arguments: TestBackend.allCases)
    func exitsZeroWhenNothingIsAnErrorAndHonoursTheIniSection(_ backend: TestBackend) throws {
        let project = try project(backend, extraConfig: "\n[lint]\ndisable = destructive.drop-column, compat.drop-column\n")
        let result = try project.run("lint")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "No problems found in 1 revision.\n")
        try project.run("upgrade", "head")
        let clean = try project.run("lint", "--format", "json")
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("\"revisions\":[]"), "\(clean.stdout)")
    }

    @Test func saysSoAndLintsEverythingWhenNoDatabaseAnswers() throws {
        let project = try project(.sqlite)
        // Nothing listens on port 1: the connection is refused at once.
        let result = try project.run("lint", "--url", "postgresql://app:s3cret@127.0.0.1:1/app?connect_timeout=2")
        #expect(result.status == 1)
        #expect(!result.stderr.contains("s3cret"), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("note: cannot read the applied revisions ("), "\(result.stderr)")
        #expect(result.stderr.contains("linting all 3 revisions"), "\(result.stderr)")
        #expect(result.stdout.contains("destructive.drop-table"), "\(result.stdout)")
    }

    @Test func aRangeAndAllTogetherIsAUsageError() throws {
        let project = try CLIProject(.sqlite)
        let result = try project.run("lint", "base:head", "--all")
        #expect(result.status == 64)
    }

    /// SQLite counts the rows of a table a revision rebuilds.
    @Test func sqliteRebuildOfATableAboveTheThresholdIsAnError() throws {
        let project = try project(.sqlite, extraConfig: "\n[lint]\nlarge_table_rows = 2\n")
        let connection = try project.connect()
        try connection.execute("INSERT INTO notes (id, text) VALUES (1, 'a'), (2, 'b'), (3, 'c')")
        connection.close()
        try project.write(
            "l00000000003", revises: ["l00000000002"],
            upgrade: """
                CREATE TABLE "_new_notes" (id INTEGER PRIMARY KEY, text VARCHAR(80));
                INSERT INTO "_new_notes" (id, text) SELECT id, text FROM notes;
                DROP TABLE notes;
                ALTER TABLE "_new_notes" RENAME TO notes;
                """)
        let result = try project.run("lint")
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "l00000000003_l00000000003.sql:10: error sqlite.rebuild-large-table: rebuilds table notes, which holds 3 rows"),
            "\(result.stdout)")
        #expect(!result.stdout.contains("destructive.drop-table"), "\(result.stdout)")
    }
}
