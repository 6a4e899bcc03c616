import Foundation
import Testing

@testable import MigrateKit

/// The migration lock covers the whole run, non-transactional sections
/// included: processes that start while another runs a slow
/// `transaction=false` revision wait for it instead of finding the revision
/// half applied (issue 9: on SQLite the lock was only the write transaction).
@Suite("Lock coverage", .serialized)
struct LockCoverageScenarioTests {
    static let rounds = 3
    static let processes = 12

    @Test(arguments: TestBackend.allCases)
    func slowNonTransactionalRevisionIsAppliedOnce(_ backend: TestBackend) throws {
        for round in 1...Self.rounds {
            let project = try CLIProject(backend)
            var parent: [String] = []
            for index in 1...6 {
                let id = String(format: "l%011d", index)
                let slow = index == 3
                let path = try project.write(
                    id, revises: parent,
                    upgrade: slow
                        ? "CREATE TABLE slow_t (id INTEGER);\n\(Self.slowStatement(backend))\nINSERT INTO slow_t VALUES (1);"
                        : "CREATE TABLE t\(index) (id INTEGER);",
                    downgrade: slow ? "DROP TABLE slow_t;" : "DROP TABLE t\(index);")
                if slow { try project.markNonTransactional(path) }
                parent = [id]
            }
            let results = try ConcurrencyScenarioTests.runTogether(project, count: Self.processes, arguments: ["upgrade", "head"])
            for result in results {
                #expect(result.status == 0, "round \(round): \(result.stderr)")
                #expect(!result.stderr.contains("halfway") && !result.stderr.contains("half-applied"), "round \(round): \(result.stderr)")
            }
            let ran = results.map { $0.stdout.components(separatedBy: "Running upgrade").count - 1 }
            #expect(ran.reduce(0, +) == 6, "round \(round): revisions run per process \(ran)")
            #expect(try project.versionRows() == (1...6).map { String(format: "l%011d:applied", $0) }, "round \(round)")
            let connection = try project.connect()
            defer { connection.close() }
            #expect(try connection.query("SELECT id FROM slow_t").count == 1, "round \(round): the slow revision ran once")
        }
    }

    /// While another process holds the SQLite lock file, `upgrade` waits
    /// at most `lock_timeout` and names the holder.
    @Test func sqliteLockWaitIsBoundedAndNamesTheHolder() throws {
        let project = try CLIProject(.sqlite, extraConfig: "lock_timeout = 1")
        try project.write("w00000000001", upgrade: "CREATE TABLE w (id INTEGER);", downgrade: "DROP TABLE w;")
        let path = try #require(project.url.database)
        let holder = try SQLiteLockFile(database: path, wait: LockWait(timeout: 1))
        let started = Date()
        let blocked = try project.run("upgrade", "head")
        let waited = Date().timeIntervalSince(started)
        #expect(blocked.status == 1)
        // After a second of waiting it says who holds the lock, then gives up.
        let lines = blocked.stderr.split(separator: "\n").map(String.init)
        #expect(lines.last?.hasPrefix("error[db.lock-timeout]: Timed out after 1.") == true, "\(blocked.stderr)")
        #expect(
            lines.dropLast().allSatisfy { $0.hasPrefix("Waiting for the migration lock held by pid \(getpid()) on ") },
            "\(blocked.stderr)")
        #expect(blocked.stderr.contains("\(path).migrate-lock': it is held by pid \(getpid()) on "), "\(blocked.stderr)")
        #expect(waited < 10)
        #expect(try project.versionRows() == [])
        holder.release()
        let upgraded = try project.run("upgrade", "head")
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        #expect(try project.versionRows() == ["w00000000001:applied"])
    }

    /// A statement that takes about half a second.
    static func slowStatement(_ backend: TestBackend) -> String {
        switch backend {
        case .postgresql: "SELECT pg_sleep(0.5);"
        case .mysql: "SELECT SLEEP(0.5);"
        case .sqlite:
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) FROM c;"
        }
    }
}
