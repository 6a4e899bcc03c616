import Testing

@testable import MigrateKit

/// The PostgreSQL, MySQL and SQLite rules, each with a statement that breaks
/// it and the safe form (the one `autogenerate --online` writes) that does not.
@Suite("Lint: dialect rules")
struct DialectLintRuleTests {
    private let timeout = "SET lock_timeout = '5s';\n"

    private func pg(_ sql: String, transactional: Bool = true) throws -> [String] {
        try LintTestSupport.rules((transactional ? timeout : "") + sql, transactional: transactional)
    }

    @Test func createIndexWithoutConcurrentlyOnAnExistingTable() throws {
        #expect(try pg("CREATE INDEX notes_text ON notes (text);") == ["pg.create-index-not-concurrently"])
        #expect(try pg("CREATE UNIQUE INDEX CONCURRENTLY notes_text ON notes (text);", transactional: false).isEmpty)
        #expect(try pg("CREATE TABLE notes (id int, text text);\nCREATE INDEX notes_text ON notes (text);").isEmpty)
    }

    @Test func concurrentlyInsideATransactionFails() throws {
        #expect(try pg("CREATE INDEX CONCURRENTLY notes_text ON notes (text);") == ["pg.concurrently-in-transaction"])
        #expect(try pg("DROP INDEX CONCURRENTLY notes_text;") == ["pg.concurrently-in-transaction"])
        #expect(try pg("DROP INDEX CONCURRENTLY IF EXISTS notes_text;", transactional: false).isEmpty)
    }

    @Test func dropIndexWithoutConcurrentlyWarns() throws {
        let found = try LintTestSupport.findings(timeout + "DROP INDEX notes_text;")
        #expect(found.map(\.rule) == ["pg.drop-index-not-concurrently"])
        #expect(found.first?.severity == .warning)
    }

    @Test func foreignKeysNeedNotValidThenValidate() throws {
        #expect(
            try pg("ALTER TABLE notes ADD CONSTRAINT notes_user FOREIGN KEY (user_id) REFERENCES users (id);")
                == ["pg.foreign-key-not-valid"])
        #expect(try pg("ALTER TABLE notes ADD COLUMN user_id int REFERENCES users (id);") == ["pg.foreign-key-not-valid"])
        #expect(
            try pg("ALTER TABLE notes ADD CONSTRAINT notes_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;")
                .isEmpty)
        #expect(try pg("ALTER TABLE notes VALIDATE CONSTRAINT notes_user;", transactional: false).isEmpty)
    }

    @Test func validatingInTheTransactionThatAddedTheConstraintKeepsItsLock() throws {
        #expect(
            try pg(
                """
                ALTER TABLE notes ADD CONSTRAINT notes_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
                ALTER TABLE notes VALIDATE CONSTRAINT notes_user;
                """) == ["pg.validate-in-same-transaction"])
        #expect(try pg("ALTER TABLE notes VALIDATE CONSTRAINT added_by_an_earlier_revision;").isEmpty)
    }

    @Test func checksNeedNotValidThenValidate() throws {
        #expect(try pg("ALTER TABLE notes ADD CONSTRAINT c CHECK (length(text) < 10);") == ["pg.check-not-valid"])
        #expect(try pg("ALTER TABLE notes ADD CHECK (length(text) < 10);") == ["pg.check-not-valid"])
        #expect(try pg("ALTER TABLE notes ADD CONSTRAINT c CHECK (length(text) < 10) NOT VALID;").isEmpty)
    }

    @Test func uniqueAndPrimaryKeyConstraintsNeedAnExistingIndex() throws {
        #expect(try pg("ALTER TABLE notes ADD CONSTRAINT u UNIQUE (text);") == ["pg.add-unique-without-index"])
        #expect(try pg("ALTER TABLE notes ADD PRIMARY KEY (id);") == ["pg.add-unique-without-index"])
        #expect(try pg("ALTER TABLE notes ADD CONSTRAINT u UNIQUE USING INDEX notes_text;").isEmpty)
    }

    @Test func setNotNullIsSafeOnlyAfterAValidatedCheck() throws {
        #expect(try pg("ALTER TABLE notes ALTER COLUMN text SET NOT NULL;") == ["pg.set-not-null"])
        #expect(
            try pg(
                """
                ALTER TABLE notes ADD CONSTRAINT notes_text_not_null CHECK (text IS NOT NULL);
                ALTER TABLE notes ALTER COLUMN text SET NOT NULL;
                """) == ["pg.check-not-valid"])
        // The online form: the check added NOT VALID by an earlier revision, validated after its commit.
        let history = LintHistory(notNullChecks: ["notes_text_not_null": "notes.text"])
        #expect(
            try LintTestSupport.rules(
                """
                SET lock_timeout = '5s';
                ALTER TABLE notes VALIDATE CONSTRAINT notes_text_not_null;
                ALTER TABLE notes ALTER COLUMN text SET NOT NULL;
                ALTER TABLE notes DROP CONSTRAINT notes_text_not_null;
                """, transactional: false, history: history
            ).isEmpty)
        #expect(
            try pg(
                """
                ALTER TABLE notes ADD CONSTRAINT n CHECK (text IS NOT NULL) NOT VALID;
                ALTER TABLE notes ALTER COLUMN text SET NOT NULL;
                """) == ["pg.set-not-null"])
    }

    @Test func typeChangesThatRewriteTheTable() throws {
        #expect(try pg("ALTER TABLE notes ALTER COLUMN id TYPE bigint;") == ["pg.alter-column-type"])
        #expect(try pg("ALTER TABLE notes ALTER COLUMN n SET DATA TYPE integer USING n::integer;") == ["pg.alter-column-type"])
        #expect(try pg("ALTER TABLE notes ALTER COLUMN text TYPE varchar(200);").isEmpty)
        #expect(try pg("ALTER TABLE notes ALTER COLUMN text TYPE text;").isEmpty)
    }

    @Test func volatileDefaultsRewriteTheTable() throws {
        #expect(try pg("ALTER TABLE notes ADD COLUMN token uuid DEFAULT gen_random_uuid();") == ["pg.volatile-default"])
        #expect(try pg("ALTER TABLE notes ADD COLUMN seen timestamptz DEFAULT clock_timestamp();") == ["pg.volatile-default"])
        #expect(try pg("ALTER TABLE notes ADD COLUMN n bigserial;") == ["pg.volatile-default"])
        #expect(try pg("ALTER TABLE notes ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;") == ["pg.volatile-default"])
        #expect(try pg("ALTER TABLE notes ADD COLUMN created timestamptz DEFAULT now();").isEmpty)
        #expect(try pg("ALTER TABLE notes ADD COLUMN flag boolean NOT NULL DEFAULT false;").isEmpty)
    }

    @Test func lockingStatementsNeedALockTimeoutInTransactionalSections() throws {
        let found = try LintTestSupport.findings("ALTER TABLE notes ADD COLUMN a int;\nALTER TABLE notes ADD COLUMN b int;")
        #expect(found.map(\.rule) == ["pg.missing-lock-timeout"])
        #expect(found.first?.line == 7)
        #expect(found.first?.severity == .warning)
        #expect(try pg("ALTER TABLE notes ADD COLUMN a int;").isEmpty)
        #expect(try LintTestSupport.rules("SET LOCAL lock_timeout TO '2s';\nALTER TABLE notes ADD COLUMN a int;").isEmpty)
        #expect(try LintTestSupport.rules("CREATE TABLE t (id int);\nCREATE INDEX t_id ON t (id);").isEmpty)
    }

    // MARK: MySQL

    private func mysql(_ sql: String) throws -> [String] {
        try LintTestSupport.rules(sql, dialect: "mysql")
    }

    @Test func mysqlAltersThatCopyTheTable() throws {
        #expect(try mysql("ALTER TABLE notes MODIFY COLUMN text VARCHAR(50) NOT NULL;") == ["mysql.alter-requires-copy"])
        #expect(
            try mysql("ALTER TABLE notes ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id);")
                == ["mysql.alter-requires-copy"])
        #expect(try mysql("ALTER TABLE notes DROP PRIMARY KEY;") == ["mysql.alter-requires-copy"])
        #expect(try mysql("ALTER TABLE notes CONVERT TO CHARACTER SET utf8mb4;") == ["mysql.alter-requires-copy"])
        #expect(try mysql("ALTER TABLE notes ADD COLUMN n INT, ALGORITHM=COPY;") == ["mysql.alter-requires-copy"])
    }

    @Test func mysqlAltersThatRunInPlaceOrSayHow() throws {
        #expect(try mysql("ALTER TABLE notes ADD COLUMN n INT;").isEmpty)
        #expect(try mysql("CREATE INDEX notes_text ON notes (text);").isEmpty)
        #expect(try mysql("ALTER TABLE notes MODIFY COLUMN text VARCHAR(500), ALGORITHM=INPLACE, LOCK=NONE;").isEmpty)
        #expect(try mysql("ALTER TABLE notes ADD INDEX notes_text (text), ALGORITHM=INPLACE, LOCK=NONE;").isEmpty)
        #expect(
            try mysql("SET foreign_key_checks = 0;\nALTER TABLE notes ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id);")
                .isEmpty)
        #expect(try mysql("ALTER TABLE notes DROP PRIMARY KEY, ADD PRIMARY KEY (id, owner);").isEmpty)
    }

    // MARK: SQLite

    private let rebuild = """
        CREATE TABLE "_new_notes" (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
        INSERT INTO "_new_notes" (id, text) SELECT id, text FROM notes;
        DROP TABLE notes;
        ALTER TABLE "_new_notes" RENAME TO notes;
        """

    @Test func sqliteRebuildOfALargeTableIsAnError() throws {
        let found = try LintTestSupport.findings(rebuild, dialect: "sqlite", settings: LintSettings(largeTableRows: 10), rows: 11)
        #expect(found.map(\.rule) == ["sqlite.rebuild-large-table"])
        #expect(found.first?.line == 9)
        #expect(found.first?.message.contains("11 rows") == true)
    }

    @Test func sqliteRebuildOfASmallTableIsFine() throws {
        #expect(try LintTestSupport.rules(rebuild, dialect: "sqlite", settings: LintSettings(largeTableRows: 10), rows: 10).isEmpty)
    }

    @Test func sqliteRebuildOfATableOfUnknownSizeWarns() throws {
        let found = try LintTestSupport.findings(rebuild, dialect: "sqlite")
        #expect(found.map(\.rule) == ["sqlite.table-rebuild"])
        #expect(found.first?.severity == .warning)
    }

    @Test func dialectRulesStayInTheirDialect() throws {
        #expect(try LintTestSupport.rules("CREATE INDEX notes_text ON notes (text);", dialect: "sqlite").isEmpty)
        #expect(try mysql("ALTER TABLE notes ALTER COLUMN text SET DEFAULT 'x';").isEmpty)
    }
}
