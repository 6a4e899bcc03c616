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
}
