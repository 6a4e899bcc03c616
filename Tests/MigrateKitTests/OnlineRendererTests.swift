import Testing

@testable import MigrateKit

/// Online-safe SQL (`online = true`): the parts a set of changes becomes,
/// and the exact statements of each, upgrade and downgrade.
@Suite("Online renderers")
struct OnlineRendererTests {
    static let email = Index(name: "accounts_email_idx", keys: [.column("email")])
    static let owner = ForeignKey(
        name: "accounts_owner_fkey", columns: ["owner_id"], referencedTable: "owners", referencedColumns: ["id"])
    static let positive = CheckConstraint(name: "accounts_id_check", expression: "id > 0")

    func postgres(_ changes: [SchemaChange]) -> [OnlineRevisionPart] {
        PostgreSQLRenderer().renderOnline(
            changes, current: Schema(), target: Schema(), options: OnlineOptions(lockTimeoutMilliseconds: 5000))
    }

    @Test func postgresBuildsAnIndexConcurrentlyOutsideATransaction() {
        let parts = postgres([.addIndex(table: "accounts", Self.email)])
        #expect(parts.map(\.transactional) == [false])
        #expect(
            parts[0].upgrade == """
                -- Bound every lock wait (statement_lock_timeout)
                SET lock_timeout = '5s';

                -- add index accounts_email_idx on accounts (email)
                CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);

                """)
        #expect(parts[0].downgrade.hasSuffix("DROP INDEX CONCURRENTLY accounts_email_idx;\n"), "\(parts[0].downgrade)")
    }

    @Test func postgresDropsAnIndexConcurrentlyBeforeTheTableChanges() {
        let parts = postgres([
            .dropIndex(table: "accounts", Self.email),
            .dropColumn(table: "accounts", Column(name: "email", type: "text")),
        ])
        #expect(parts.map(\.transactional) == [false, true])
        #expect(parts[0].upgrade.contains("DROP INDEX CONCURRENTLY accounts_email_idx;"))
        #expect(parts[0].downgrade.contains("CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);"))
        #expect(parts[1].upgrade.contains("ALTER TABLE accounts DROP COLUMN email;"))
    }

    @Test func postgresAddsConstraintsNotValidThenValidatesAfterTheCommit() {
        let parts = postgres([.addForeignKey(table: "accounts", Self.owner), .addCheck(table: "accounts", Self.positive)])
        #expect(parts.map(\.transactional) == [true, false])
        #expect(
            parts[0].upgrade == """
                -- Bound every lock wait (statement_lock_timeout)
                SET lock_timeout = '5s';

                -- add foreign key accounts_owner_fkey accounts(owner_id) → owners(id)
                ALTER TABLE accounts ADD CONSTRAINT accounts_owner_fkey FOREIGN KEY (owner_id) REFERENCES owners (id) NOT VALID;

                -- add check constraint accounts_id_check on accounts: id > 0
                ALTER TABLE accounts ADD CONSTRAINT accounts_id_check CHECK (id > 0) NOT VALID;

                """)
        #expect(
            parts[1].upgrade.hasSuffix(
                """
                ALTER TABLE accounts VALIDATE CONSTRAINT accounts_owner_fkey;

                -- add check constraint accounts_id_check on accounts: id > 0
                ALTER TABLE accounts VALIDATE CONSTRAINT accounts_id_check;

                """), "\(parts[1].upgrade)")
        // Validation cannot be undone in place: the downgrade leaves the constraint NOT VALID again.
        #expect(
            parts[1].downgrade.hasSuffix(
                """
                -- leave accounts_owner_fkey on accounts NOT VALID again, as before its validation
                ALTER TABLE accounts DROP CONSTRAINT accounts_owner_fkey;
                ALTER TABLE accounts ADD CONSTRAINT accounts_owner_fkey FOREIGN KEY (owner_id) REFERENCES owners (id) NOT VALID;

                """), "\(parts[1].downgrade)")
        #expect(
            parts[0].downgrade.hasSuffix(
                """
                -- drop check constraint accounts_id_check on accounts: id > 0
                ALTER TABLE accounts DROP CONSTRAINT accounts_id_check;

                -- drop foreign key accounts_owner_fkey accounts(owner_id) → owners(id)
                ALTER TABLE accounts DROP CONSTRAINT accounts_owner_fkey;

                """), "\(parts[0].downgrade)")
    }

    @Test func postgresSetsNotNullThroughAValidatedCheck() {
        let from = Column(name: "email", type: "text")
        var to = from
        to.isNullable = false
        let parts = postgres([.alterColumn(table: "accounts", from: from, to: to)])
        #expect(parts.map(\.transactional) == [true, false])
        #expect(
            parts[0].upgrade.hasSuffix(
                "ALTER TABLE accounts ADD CONSTRAINT accounts_email_not_null CHECK (email IS NOT NULL) NOT VALID;\n"))
        #expect(
            parts[1].upgrade.hasSuffix(
                """
                ALTER TABLE accounts VALIDATE CONSTRAINT accounts_email_not_null;
                ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
                ALTER TABLE accounts DROP CONSTRAINT accounts_email_not_null;

                """), "\(parts[1].upgrade)")
        // Each part's downgrade undoes that part alone.
        #expect(
            parts[1].downgrade.hasSuffix(
                """
                ALTER TABLE accounts ADD CONSTRAINT accounts_email_not_null CHECK (email IS NOT NULL) NOT VALID;
                ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL;

                """), "\(parts[1].downgrade)")
        #expect(parts[0].downgrade.hasSuffix("ALTER TABLE accounts DROP CONSTRAINT accounts_email_not_null;\n"))
        #expect(!parts.contains { $0.upgrade.contains("SET NOT NULL") && $0.transactional })
    }

    /// What a downgrade puts back (a dropped foreign key, a dropped NOT
    /// NULL) is added NOT VALID and validated, in the part's transaction.
    @Test func postgresDowngradePutsConstraintsBackNotValidThenValidated() {
        let nullable = Column(name: "email", type: "text")
        var required = nullable
        required.isNullable = false
        let parts = postgres([
            .dropForeignKey(table: "accounts", Self.owner),
            .alterColumn(table: "accounts", from: required, to: nullable),
        ])
        #expect(parts.map(\.transactional) == [true])
        #expect(parts[0].upgrade.contains("ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL;"))
        #expect(
            parts[0].downgrade.hasSuffix(
                """
                ALTER TABLE accounts ADD CONSTRAINT accounts_email_not_null CHECK (email IS NOT NULL) NOT VALID;
                ALTER TABLE accounts VALIDATE CONSTRAINT accounts_email_not_null;
                ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
                ALTER TABLE accounts DROP CONSTRAINT accounts_email_not_null;

                -- add foreign key accounts_owner_fkey accounts(owner_id) → owners(id)
                ALTER TABLE accounts ADD CONSTRAINT accounts_owner_fkey FOREIGN KEY (owner_id) REFERENCES owners (id) NOT VALID;
                ALTER TABLE accounts VALIDATE CONSTRAINT accounts_owner_fkey;

                """), "\(parts[0].downgrade)")
    }

    @Test func postgresAddsAUniqueConstraintOverAnIndexBuiltConcurrently() {
        let unique = UniqueConstraint(name: "accounts_email_key", columns: ["email"])
        let parts = postgres([.addUnique(table: "accounts", unique)])
        #expect(parts.map(\.transactional) == [false])
        #expect(
            parts[0].upgrade.hasSuffix(
                """
                CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email);
                ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_key;

                """), "\(parts[0].upgrade)")
        #expect(parts[0].downgrade.hasSuffix("ALTER TABLE accounts DROP CONSTRAINT accounts_email_key;\n"))
    }

    @Test func postgresKeepsPlainIndexesOnPartitionedTables() {
        let table = Table(name: "events", columns: [Column(name: "at", type: "date")], options: ["partition by": "RANGE (at)"])
        let index = Index(name: "events_at_idx", keys: [.column("at")])
        let parts = PostgreSQLRenderer().renderOnline(
            [.addIndex(table: "events", index)], current: Schema(tables: [table]), target: Schema(tables: [table]),
            options: OnlineOptions(lockTimeoutMilliseconds: 1500))
        #expect(parts.map(\.transactional) == [true])
        #expect(parts[0].upgrade.contains("SET lock_timeout = '1500ms';"))
        #expect(parts[0].upgrade.contains("CREATE INDEX events_at_idx ON events (at);"))
    }

    @Test func mysqlWritesInPlaceWithoutLockWhereTheServerAllowsIt() {
        let column = Column(name: "note", type: "varchar(20)")
        let parts = MySQLRenderer().renderOnline(
            [
                .addColumn(table: "accounts", column), .addIndex(table: "accounts", Self.email),
                .addForeignKey(table: "accounts", Self.owner),
            ],
            current: Schema(), target: Schema(), options: OnlineOptions(lockTimeoutMilliseconds: 1500))
        #expect(parts.count == 1)
        let upgrade = parts[0].upgrade
        #expect(upgrade.contains("SET SESSION lock_wait_timeout = 2;"), "\(upgrade)")
        #expect(upgrade.contains("ALTER TABLE accounts ADD COLUMN note varchar(20), ALGORITHM=INPLACE, LOCK=NONE;"), "\(upgrade)")
        #expect(upgrade.contains("CREATE INDEX accounts_email_idx ON accounts (email) ALGORITHM=INPLACE LOCK=NONE;"))
        // A foreign key copies the table whatever the clause: left plain.
        #expect(upgrade.contains("FOREIGN KEY (owner_id) REFERENCES owners (id);"), "\(upgrade)")
        #expect(parts[0].downgrade.contains("ALTER TABLE accounts DROP INDEX accounts_email_idx, ALGORITHM=INPLACE, LOCK=NONE;"))
        #expect(parts[0].downgrade.contains("ALTER TABLE accounts DROP COLUMN note, ALGORITHM=INPLACE, LOCK=NONE;"))
    }

    @Test func sqliteHasNoOnlineForm() {
        #expect(!(SQLiteRenderer() as any SchemaRenderer is any OnlineSchemaRenderer))
    }

    @Test func lockTimeoutNeedsAUnit() {
        #expect(OnlineOptions.milliseconds(in: "5s") == 5000)
        #expect(OnlineOptions.milliseconds(in: "250ms") == 250)
        #expect(OnlineOptions.milliseconds(in: "1min") == 60_000)
        #expect(OnlineOptions.milliseconds(in: "1.5s") == 1500)
        #expect(OnlineOptions.milliseconds(in: "5") == nil)
        #expect(OnlineOptions.milliseconds(in: "0s") == nil)
        #expect(OnlineOptions.milliseconds(in: "soon") == nil)
    }

    @Test func concurrentIndexFailureSaysHowToDropTheInvalidIndex() {
        let message = PostgreSQLMessages.withConcurrentIndexAdvice(
            "could not create unique index \"accounts_email_key\"",
            sql: "CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email)")
        #expect(message.contains("DROP INDEX CONCURRENTLY IF EXISTS accounts_email_key;"), "\(message)")
        #expect(PostgreSQLMessages.withConcurrentIndexAdvice("x", sql: "CREATE INDEX i ON t (a)") == "x")
    }
}
