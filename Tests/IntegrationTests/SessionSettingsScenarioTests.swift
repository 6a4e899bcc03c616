import Foundation
import Testing

/// Revision SQL may change the session under migrate's feet: a `pg_dump`
/// file pasted into a revision starts by emptying the search_path. The
/// version table, named without a schema, must still be found.
@Suite("Session settings changed by revision SQL")
struct SessionSettingsScenarioTests {
    @Test func anEmptiedSearchPathDoesNotLoseTheVersionTable() throws {
        for perRevision in [false, true] {
            let project = try CLIProject(.postgresql, extraConfig: "transaction_per_migration = \(perRevision)")
            try project.write(
                "s00000000001", message: "Dump",
                upgrade: "SELECT pg_catalog.set_config('search_path', '', false);\nCREATE TABLE public.dumped (id integer);",
                downgrade: "DROP TABLE public.dumped;")
            try project.write(
                "s00000000002", revises: ["s00000000001"], message: "After",
                upgrade: "CREATE TABLE public.after_dump (id integer);", downgrade: "DROP TABLE public.after_dump;")
            let result = try project.run("upgrade", "head")
            #expect(result.status == 0, "per revision: \(perRevision): \(result.stderr)")
            #expect(try project.versionRows() == ["s00000000001:applied", "s00000000002:applied"])
            let down = try project.run("downgrade", "base")
            #expect(down.status == 0, "per revision: \(perRevision): \(down.stderr)")
            #expect(try project.versionRows() == [])
        }
    }

    /// MySQL: `USE other_db` in a revision changes the current database for
    /// the rest of the session; migrate's own statements still find the
    /// version table in the configured database.
    @Test func useOfAnotherDatabaseDoesNotMoveTheVersionTable() throws {
        for perRevision in [false, true] {
            let project = try CLIProject(.mysql, extraConfig: "transaction_per_migration = \(perRevision)")
            let other = "\(project.url.database ?? "migrate")_other"
            try project.write(
                "u00000000001", message: "Other database",
                upgrade: "CREATE DATABASE `\(other)`;\nUSE `\(other)`;\nCREATE TABLE elsewhere (id integer);",
                downgrade: "DROP DATABASE `\(other)`;")
            try project.write(
                "u00000000002", revises: ["u00000000001"], message: "After",
                upgrade: "CREATE TABLE `\(other)`.after_use (id integer);", downgrade: "DROP TABLE `\(other)`.after_use;")
            let result = try project.run("upgrade", "head")
            #expect(result.status == 0, "per revision: \(perRevision): \(result.stderr)")
            #expect(try project.versionRows() == ["u00000000001:applied", "u00000000002:applied"])
            let current = try project.run("current")
            #expect(current.stdout.contains("u00000000002"), "\(current.stdout)\(current.stderr)")
            let down = try project.run("downgrade", "base")
            #expect(down.status == 0, "per revision: \(perRevision): \(down.stderr)")
            #expect(try project.versionRows() == [])
        }
    }
}
