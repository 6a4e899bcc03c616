import Testing

@testable import MigrateKit

/// The statements `autogenerate --online` writes (branch `online`) lint clean:
/// each part is a revision of its own, the `transaction=false` parts after
/// the transactional one.
@Suite("Lint: online forms")
struct OnlineFormLintTests {
    @Test func postgresConstraintsAddedNotValidThenValidatedAfterTheCommit() throws {
        let main = """
            -- Bound every lock wait (statement_lock_timeout)
            SET lock_timeout = '5s';

            -- add foreign key accounts_owner_fkey accounts(owner_id) → owners(id)
            ALTER TABLE accounts ADD CONSTRAINT accounts_owner_fkey FOREIGN KEY (owner_id) REFERENCES owners (id) NOT VALID;

            -- add check constraint accounts_id_check on accounts: id > 0
            ALTER TABLE accounts ADD CONSTRAINT accounts_id_check CHECK (id > 0) NOT VALID;
            ALTER TABLE accounts ADD CONSTRAINT accounts_email_not_null CHECK (email IS NOT NULL) NOT VALID;
            """
        let after = """
            SET lock_timeout = '5s';
            ALTER TABLE accounts VALIDATE CONSTRAINT accounts_owner_fkey;
            ALTER TABLE accounts VALIDATE CONSTRAINT accounts_id_check;
            ALTER TABLE accounts VALIDATE CONSTRAINT accounts_email_not_null;
            ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
            ALTER TABLE accounts DROP CONSTRAINT accounts_email_not_null;
            """
        #expect(try LintTestSupport.rules(main).isEmpty)
        let text = "-- m\n--\n-- Revision ID: a\n-- Revises:\n\n-- migrate:upgrade\n" + main + "\n"
        let history = try LintHistory.facts(
            of: RevisionScript.parse(text, path: "a.sql"), fileText: text, flavor: .postgresql)
        #expect(history.notNullChecks == ["accounts_email_not_null": "accounts.email"])
        #expect(try LintTestSupport.rules(after, transactional: false, history: history).isEmpty)
    }

    @Test func postgresIndexesBuiltAndDroppedConcurrently() throws {
        let build = """
            SET lock_timeout = '5s';
            CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
            CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email);
            ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_key;
            DROP INDEX CONCURRENTLY accounts_old_idx;
            """
        #expect(try LintTestSupport.rules(build, transactional: false).isEmpty)
    }

    @Test func mysqlInPlaceWithoutLock() throws {
        let upgrade = """
            SET SESSION lock_wait_timeout = 2;
            ALTER TABLE accounts ADD COLUMN note varchar(20), ALGORITHM=INPLACE, LOCK=NONE;
            CREATE INDEX accounts_email_idx ON accounts (email) ALGORITHM=INPLACE LOCK=NONE;
            """
        #expect(try LintTestSupport.rules(upgrade, dialect: "mysql").isEmpty)
    }
}
