import Testing

@testable import MigrateKit

/// The rules every dialect shares, each with a statement that breaks it and
/// one that does not.
@Suite("Lint: destructive and compatibility rules")
struct CommonLintRuleTests {
    private let timeout = "SET lock_timeout = '5s';\n"

    private func rules(_ sql: String, dialect: String = "sqlite", deprecated: Set<String> = []) throws -> [String] {
        try LintTestSupport.rules(sql, dialect: dialect, history: LintHistory(deprecatedColumns: deprecated))
    }

    @Test func dropTableOfAnExistingTableIsAnError() throws {
        #expect(try rules("DROP TABLE IF EXISTS notes, users;") == ["destructive.drop-table", "destructive.drop-table"])
        #expect(try rules("CREATE TABLE scratch (id INTEGER);\nDROP TABLE scratch;").isEmpty)
    }

    @Test func dropColumnIsDestructiveAndIncompatibleUnlessDeprecated() throws {
        #expect(try rules("ALTER TABLE users DROP COLUMN fax;") == ["destructive.drop-column", "compat.drop-column"])
        #expect(try rules("ALTER TABLE users DROP COLUMN fax;", deprecated: ["users.fax"]) == ["destructive.drop-column"])
        #expect(try rules("ALTER TABLE users DROP fax;", dialect: "mysql") == ["destructive.drop-column", "compat.drop-column"])
        #expect(try rules(timeout + "ALTER TABLE users DROP CONSTRAINT users_fax_check;", dialect: "postgresql").isEmpty)
        #expect(try rules("ALTER TABLE users DROP INDEX users_fax;", dialect: "mysql").isEmpty)
    }

    @Test func dropSchemaAndDatabaseAreErrors() throws {
        #expect(
            try rules("DROP SCHEMA IF EXISTS billing CASCADE;", dialect: "postgresql")
                == ["destructive.drop-schema", "pg.missing-lock-timeout"])
        #expect(try rules("DROP DATABASE app;", dialect: "mysql") == ["destructive.drop-schema"])
        #expect(try rules("CREATE SCHEMA billing;", dialect: "postgresql").isEmpty)
    }

    @Test func truncateIsAnError() throws {
        #expect(try rules("TRUNCATE TABLE sessions;", dialect: "mysql") == ["destructive.truncate"])
        #expect(try rules("DELETE FROM sessions WHERE expired;").isEmpty)
    }

    @Test func renamesOfTablesAndColumnsBreakTheRunningApplication() throws {
        #expect(try rules("ALTER TABLE notes RENAME TO memos;") == ["compat.rename-table"])
        #expect(try rules("RENAME TABLE notes TO memos;", dialect: "mysql") == ["compat.rename-table"])
        #expect(try rules("ALTER TABLE notes RENAME COLUMN completed TO done;") == ["compat.rename-column"])
        #expect(
            try rules("ALTER TABLE notes CHANGE completed done BOOLEAN, ALGORITHM=INPLACE;", dialect: "mysql")
                == ["compat.rename-column"])
        #expect(try rules("ALTER TABLE notes ADD COLUMN done BOOLEAN;").isEmpty)
    }

    @Test func aNotNullColumnWithoutDefaultIsAnErrorOnAnExistingTable() throws {
        #expect(try rules("ALTER TABLE notes ADD COLUMN owner INTEGER NOT NULL;") == ["compat.add-required-column"])
        #expect(try rules("ALTER TABLE notes ADD COLUMN owner INTEGER NOT NULL DEFAULT 0;").isEmpty)
        #expect(try rules("ALTER TABLE notes ADD COLUMN owner INTEGER;").isEmpty)
        #expect(try rules("ALTER TABLE notes ADD COLUMN id BIGINT NOT NULL AUTO_INCREMENT;", dialect: "mysql").isEmpty)
        #expect(try rules("CREATE TABLE t (a INTEGER);\nALTER TABLE t ADD COLUMN b INTEGER NOT NULL;").isEmpty)
    }

    @Test func aSQLiteRebuildIsNeitherADropNorARename() throws {
        let rebuild = """
            CREATE TABLE "_new_notes" (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
            INSERT INTO "_new_notes" (id, text) SELECT id, text FROM notes;
            DROP TABLE notes;
            ALTER TABLE "_new_notes" RENAME TO notes;
            """
        #expect(try rules(rebuild) == ["sqlite.table-rebuild"])
    }

    @Test func droppingNotNullWarnsThatOldCodeMayReadNull() throws {
        let found = try LintTestSupport.findings("ALTER TABLE users ALTER COLUMN email DROP NOT NULL;", dialect: "sqlite")
        #expect(found.map(\.rule) == ["compat.drop-not-null"])
        #expect(found.first?.severity == .warning)
        #expect(try rules("ALTER TABLE users ALTER COLUMN email SET DEFAULT 'x';", dialect: "mysql").isEmpty)
    }
}
