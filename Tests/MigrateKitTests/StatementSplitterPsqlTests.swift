import Foundation
import Testing

@testable import MigrateKit

/// psql meta-commands in PostgreSQL SQL: `pg_dump` 17.6 and later wraps its
/// output in `\restrict KEY` / `\unrestrict KEY` lines.
@Suite("StatementSplitter psql commands")
struct StatementSplitterPsqlTests {
    private func split(_ sql: String, _ flavor: SplitterFlavor = .postgresql) throws -> [SQLStatement] {
        try StatementSplitter(flavor: flavor).split(sql, firstLine: 1, path: "schema.sql")
    }

    @Test func restrictLinesOfAPgDumpAreSkipped() throws {
        let dump = """
            --
            -- PostgreSQL database dump
            --

            \\restrict 9oYDGbdoQm8JcXgXvNiDPvTL1Ah3ZzXkQf2bYhsSxtTOSdhRxTfYJGbYBqRnJp7

            SET statement_timeout = 0;
            CREATE TABLE public.a (id integer);
              \\unrestrict 9oYDGbdoQm8JcXgXvNiDPvTL1Ah3ZzXkQf2bYhsSxtTOSdhRxTfYJGbYBqRnJp7
            """
        #expect(
            try split(dump) == [
                SQLStatement(text: "SET statement_timeout = 0", line: 7),
                SQLStatement(text: "CREATE TABLE public.a (id integer)", line: 8),
            ])
    }

    @Test func backslashesInsideStatementsAreText() throws {
        let sql = "SELECT E'a\\\\b',\n\\restrict\n;\nSELECT $$\n\\connect x\n$$;"
        #expect(try split(sql).map(\.text) == ["SELECT E'a\\\\b',\n\\restrict", "SELECT $$\n\\connect x\n$$"])
    }

    @Test func otherPsqlCommandsAreAnErrorNamingTheLine() throws {
        let error = #expect(throws: RevisionScriptError.self) {
            try split("SELECT 1;\n\\connect other\nSELECT 2;")
        }
        #expect(error?.errorID == "revision.psql-command")
        #expect(error?.line == 2)
        #expect(error?.message.hasPrefix("schema.sql:2: `\\connect` is a psql command") == true)
    }

    @Test func otherFlavorsKeepTheBackslash() throws {
        #expect(try split("\\restrict x\nSELECT 1;", .sqlite).map(\.text) == ["\\restrict x\nSELECT 1"])
    }
}
