import Foundation
import Testing

@testable import MigrateKit

/// Upgrades through PgBouncer in transaction pooling mode, where every
/// transaction may run on another server connection: the migration lock
/// must live inside the run's one transaction, and migrate's own settings
/// must not stay behind on a pooled connection.
@Suite("Transaction pooler", .serialized)
struct PoolerScenarioTests {
    static let revisions = 20

    /// Eight `migrate upgrade head` at once through PgBouncer: each revision
    /// applied exactly once, every process exits 0.
    @Test func eightRunsThroughPgBouncerApplyEachRevisionOnce() throws {
        for round in 1...3 {
            let project = try CLIProject(.postgresql)
            let pooled = try PooledServers.pgbouncer(project.url)
            var parent: [String] = []
            for index in 1...Self.revisions {
                let id = String(format: "p%011d", index)
                try project.write(
                    id, revises: parent,
                    upgrade: "CREATE TABLE t\(index) (id INTEGER);\nSELECT pg_sleep(0.01);",
                    downgrade: "DROP TABLE t\(index);")
                parent = [id]
            }
            let results = try ConcurrencyScenarioTests.runTogether(
                project, count: 8, arguments: ["upgrade", "head", "--url", pooled.string])
            for result in results {
                #expect(result.status == 0, "round \(round): \(result.stderr)")
                let notes = result.stderr.split(separator: "\n")
                #expect(notes.allSatisfy { $0.hasPrefix("Waiting for the migration lock held by ") }, "\(result.stderr)")
            }
            let ran = results.map { $0.stdout.components(separatedBy: "Running upgrade").count - 1 }
            #expect(ran.reduce(0, +) == Self.revisions, "round \(round): revisions run per process \(ran)")
            let rows = try project.versionRows()
            #expect(rows.count == Self.revisions && rows.allSatisfy { $0.hasSuffix(":applied") }, "\(rows)")
        }
    }

    /// PgBouncer is detected (the pid it announces is not the server's);
    /// a direct connection is not mistaken for a pooled one.
    @Test func thePoolerIsDetectedOnTheConnection() throws {
        let database = try ScratchDatabase(.postgresql)
        let dialect = PostgreSQLDialect()
        let direct = try dialect.connect(to: database.url)
        defer { direct.close() }
        #expect(try !dialect.migrationLock(on: direct, pooler: .auto).endsWithTransaction)
        #expect(try dialect.migrationLock(on: direct, pooler: .transaction).endsWithTransaction)
        let pooled = try dialect.connect(to: try PooledServers.pgbouncer(database.url))
        defer { pooled.close() }
        let lock = try dialect.migrationLock(on: pooled, pooler: .auto)
        #expect(lock.endsWithTransaction)
        #expect(lock.summary.contains("goes through a pooler"), "\(lock.summary)")
        #expect(try !dialect.migrationLock(on: pooled, pooler: .session).endsWithTransaction)
    }

    /// migrate's lock_timeout and search_path settings are local to its
    /// transaction: no pooled server connection keeps them afterwards.
    @Test func noSettingStaysOnAPooledServerConnection() throws {
        let project = try CLIProject(.postgresql, extraConfig: "lock_timeout = 7")
        try project.write("s00000000001", upgrade: "CREATE TABLE s1 (id INTEGER);", downgrade: "DROP TABLE s1;")
        try project.write("s00000000002", revises: ["s00000000001"], upgrade: "CREATE TABLE s2 (id INTEGER);")
        let pooled = try PooledServers.pgbouncer(project.url)
        let result = try project.run("upgrade", "head", "--url", pooled.string)
        #expect(result.status == 0, "\(result.stderr)")
        for _ in 1...3 {
            let current = try project.run("current", "--url", pooled.string)
            #expect(current.status == 0 && current.stdout.contains("s00000000002"), "\(current.stdout)\(current.stderr)")
        }
        // More clients than the pool has server connections, each holding
        // one in a transaction: together they see every server connection.
        let clients = try (0..<3).map { _ in try PostgreSQLDialect().connect(to: pooled) }
        defer { clients.forEach { $0.close() } }
        for client in clients {
            try client.execute("BEGIN")
            let timeout = try client.scalar("SELECT current_setting('lock_timeout')")?.string
            let saved = try client.scalar("SELECT current_setting('migrate.saved_lock_timeout', true)")?.string ?? ""
            #expect(timeout == "0", "lock_timeout left behind on a pooled server connection")
            #expect(saved.isEmpty, "migrate's saved setting left behind: \(saved)")
        }
        #expect(try project.versionRows() == ["s00000000001:applied", "s00000000002:applied"])
    }

    /// A `transaction=false` revision cannot run under a lock that ends with
    /// the transaction: the run is refused before anything is applied.
    @Test func aTransactionFalseRevisionThroughPgBouncerIsRefused() throws {
        let project = try CLIProject(.postgresql)
        try project.write("n00000000001", upgrade: "CREATE TABLE n1 (id INTEGER);", downgrade: "DROP TABLE n1;")
        let path = try project.write(
            "n00000000002", revises: ["n00000000001"], upgrade: "CREATE INDEX CONCURRENTLY n1_id ON n1 (id);",
            downgrade: "DROP INDEX n1_id;")
        try project.markNonTransactional(path)
        let pooled = try PooledServers.pgbouncer(project.url)
        let result = try project.run("upgrade", "head", "--url", pooled.string)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("error[lock.needs-one-transaction]: The migration lock here is a transaction-level advisory lock"),
            "\(result.stderr)")
        #expect(
            result.stderr.contains("revision n00000000002 (\(path)) runs outside a transaction (transaction=false)"), "\(result.stderr)")
        #expect(!result.stderr.contains(project.url.password ?? "migrate-test-pw"))
        #expect(try project.versionRows() == [])
        #expect(try !project.tableExists("n1"))
        // Straight to the server, the same plan runs.
        let direct = try project.run("upgrade", "head")
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(try project.versionRows() == ["n00000000001:applied", "n00000000002:applied"])
    }

    /// `pooler = transaction` in migrate.ini chooses the transaction lock
    /// without detection; `transaction_per_migration` is then refused.
    @Test func transactionPerMigrationThroughAPoolerIsRefused() throws {
        let project = try CLIProject(.postgresql, extraConfig: "pooler = transaction\ntransaction_per_migration = true")
        try project.write("m00000000001", upgrade: "CREATE TABLE m1 (id INTEGER);")
        try project.write("m00000000002", revises: ["m00000000001"], upgrade: "CREATE TABLE m2 (id INTEGER);")
        let result = try project.run("upgrade", "head")
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[lock.needs-one-transaction]"), "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "because migrate.ini says pooler = transaction, so it ends with the run's one transaction; transaction_per_migration = true would commit halfway"
            ), "\(result.stderr)")
        #expect(try project.versionRows() == [])
    }
}
