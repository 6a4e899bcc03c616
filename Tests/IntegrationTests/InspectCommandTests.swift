import Foundation
import Testing

/// `migrate inspect` through the binary: the schema as text, without the
/// version table and the excluded tables.
@Suite("Inspector through the CLI")
struct InspectCommandTests {
    @Test(arguments: TestBackend.allCases)
    func printsTheSchemaWithoutVersionAndExcludedTables(_ backend: TestBackend) throws {
        let project = try CLIProject(backend, extraConfig: "exclude_tables = legacy_*")
        try project.write(
            "aaaa00000001",
            upgrade: """
                CREATE TABLE notes (id INTEGER PRIMARY KEY, text VARCHAR(100) NOT NULL, done BOOLEAN);
                CREATE INDEX notes_text ON notes (text);
                CREATE TABLE legacy_log (id INTEGER PRIMARY KEY);
                """,
            downgrade: "DROP TABLE legacy_log; DROP TABLE notes;")
        #expect(try project.run("upgrade", "head").status == 0)
        let result = try project.run("inspect")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("table notes\n"))
        #expect(result.stdout.contains("  index notes_text (text)\n"))
        #expect(!result.stdout.contains("migrate_version") && !result.stdout.contains("legacy_log"))
        if backend == .sqlite {
            #expect(
                result.stdout == """
                    table notes
                      column id INTEGER
                      column text VARCHAR(100) NOT NULL
                      column done BOOLEAN
                      primary key (id)
                      index notes_text (text)

                    """)
        }
    }
}
