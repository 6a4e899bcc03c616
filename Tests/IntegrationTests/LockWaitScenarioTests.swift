import Foundation
import Testing

@testable import MigrateKit

/// Waits for a lock or a connection: each says who it waits for and ends
/// within `lock_timeout` / `connect_timeout` with a clear error.
@Suite("Lock waits")
struct LockWaitScenarioTests {
    /// After a second of waiting for the migration lock, `upgrade` says who
    /// holds it, then goes on once the holder lets go.
    @Test(arguments: TestBackend.allCases)
    func waitingForTheLockSaysWhoHoldsIt(_ backend: TestBackend) throws {
        let project = try CLIProject(backend, extraConfig: "lock_timeout = 30")
        try project.write("w00000000001", upgrade: "CREATE TABLE w_t (id INTEGER);", downgrade: "DROP TABLE w_t;")
        let holder = try project.connect()
        defer { holder.close() }
        let key = "migrate:\(project.url.database ?? ""):migrate_version"
        let expected: String
        switch backend {
        case .postgresql:
            try backend.dialect.acquireLock(key, on: holder, timeout: 1)
            let pid = try holder.scalar("SELECT pg_backend_pid()")?.string ?? "?"
            expected = "Waiting for the migration lock held by pid \(pid) (\(project.url.user ?? "")@127.0.0.1, running for "
        case .mysql:
            try backend.dialect.acquireLock(key, on: holder, timeout: 1)
            let id = try holder.scalar("SELECT CONNECTION_ID()")?.string ?? "?"
            expected = "Waiting for the migration lock held by connection \(id) (\(project.url.user ?? "")@"
        case .sqlite:
            try holder.execute("BEGIN IMMEDIATE")
            let lock = "the write lock on the SQLite database '\(project.url.database ?? "")'"
            #if os(Linux)
                // The holder is this test process, found in /proc/locks.
                let name = try String(contentsOfFile: "/proc/self/comm", encoding: .utf8)
                expected =
                    "Waiting for the migration lock held by pid \(getpid()) ("
                    + "\(name.trimmingCharacters(in: .newlines)), which holds \(lock))..."
            #else
                expected = "Waiting for the migration lock held by another connection, which holds \(lock)..."
            #endif
        }

        let run = try RunningCommand(["upgrade", "head"], in: project.folder)
        #expect(eventually(within: 10) { run.stderr.contains("Waiting for the migration lock") }, "\(run.stderr)")
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        #expect(run.process.isRunning, "it waits until lock_timeout")
        if backend == .sqlite {
            try holder.execute("ROLLBACK")
        } else {
            try backend.dialect.releaseLock(key, on: holder)
        }
        #expect(run.waitForExit(within: 20))
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(try project.versionRows() == ["w00000000001:applied"])
    }

    /// Another session locking the version table itself (`LOCK TABLE`, or
    /// SQLite's exclusive lock) makes `current` and `upgrade` fail after
    /// `lock_timeout`, naming what they waited for, instead of hanging.
    @Test(arguments: TestBackend.allCases)
    func aLockedVersionTableEndsTheWaitAfterLockTimeout(_ backend: TestBackend) throws {
        let project = try CLIProject(backend, extraConfig: "lock_timeout = 2")
        try project.write("w00000000001", upgrade: "CREATE TABLE w_t (id INTEGER);", downgrade: "DROP TABLE w_t;")
        #expect(try project.run("upgrade", "head").status == 0)
        try project.write(
            "w00000000002", revises: ["w00000000001"], upgrade: "CREATE TABLE w2_t (id INTEGER);",
            downgrade: "DROP TABLE w2_t;")
        let holder = try project.connect()
        defer { holder.close() }
        switch backend {
        case .postgresql:
            try holder.execute("BEGIN")
            try holder.execute("LOCK TABLE migrate_version IN ACCESS EXCLUSIVE MODE")
        case .mysql:
            try holder.execute("LOCK TABLES migrate_version WRITE")
        case .sqlite:
            try holder.execute("BEGIN EXCLUSIVE")
        }

        for command in [["current"], ["upgrade", "head"]] {
            let started = Date()
            let run = try RunningCommand(command, in: project.folder)
            #expect(run.waitForExit(within: 20), "\(command) must end within lock_timeout, not hang")
            #expect(run.exitCode == 1, "\(command): \(run.stderr)")
            #expect(Date().timeIntervalSince(started) >= 1.5, "\(command) waits lock_timeout first")
            let last = run.stderr.split(separator: "\n").last.map(String.init) ?? ""
            #expect(last.hasPrefix("error[db.lock-timeout]: "), "\(command): \(run.stderr)")
            #expect(run.stderr.contains("raise lock_timeout"), "\(command): \(run.stderr)")
            if backend != .sqlite || command == ["current"] {
                #expect(
                    run.stderr.contains("Timed out after 2 s (lock_timeout) waiting for a lock on the version table migrate_version"),
                    "\(command): \(run.stderr)")
            }
        }

        try holder.execute(backend == .mysql ? "UNLOCK TABLES" : "ROLLBACK")
        let upgrade = try project.run("upgrade", "head")
        #expect(upgrade.status == 0, "\(upgrade.stderr)")
        #expect(try project.versionRows() == ["w00000000001:applied", "w00000000002:applied"])
    }

    /// `lock_timeout` bounds migrate's own waits only: every revision's SQL
    /// sees the session's own lock timeouts, as it would in `psql` or `mysql`.
    @Test(arguments: [TestBackend.postgresql, .mysql])
    func revisionSQLRunsWithTheSessionsOwnLockTimeouts(_ backend: TestBackend) throws {
        let project = try CLIProject(backend, extraConfig: "lock_timeout = 2")
        let settings =
            backend == .postgresql
            ? "SELECT current_setting('lock_timeout') AS v"
            : "SELECT CONCAT(@@SESSION.lock_wait_timeout, ' ', @@SESSION.innodb_lock_wait_timeout) AS v"
        try project.write("s00000000001", upgrade: "CREATE TABLE seen1 AS \(settings);", downgrade: "DROP TABLE seen1;")
        try project.write(
            "s00000000002", revises: ["s00000000001"], upgrade: "CREATE TABLE seen2 AS \(settings);",
            downgrade: "DROP TABLE seen2;")
        let result = try project.run("upgrade", "head")
        #expect(result.status == 0, "\(result.stderr)")
        let connection = try project.connect()
        defer { connection.close() }
        let own = try connection.scalar(settings)?.string
        #expect(own != nil && own != "2s" && own != "2 2")
        #expect(try connection.scalar("SELECT v FROM seen1")?.string == own)
        #expect(try connection.scalar("SELECT v FROM seen2")?.string == own)
    }

    /// `connect_timeout=0` means "wait forever" to libpq and MySQL: refused
    /// at once. A positive one ends the wait for a server that never answers.
    @Test(arguments: [TestBackend.postgresql, .mysql])
    func connectTimeoutBoundsTheConnectionAndZeroIsRefused(_ backend: TestBackend) throws {
        let server = try SilentServer()
        let project = try CLIProject(backend)
        let scheme = backend == .postgresql ? "postgresql" : "mysql"
        let url = "\(scheme)://app:pw@127.0.0.1:\(server.port)/app?connect_timeout="

        let zero = try RunningCommand(["current", "--url", url + "0"], in: project.folder)
        #expect(zero.waitForExit(within: 10), "connect_timeout=0 must not wait forever")
        #expect(zero.exitCode == 1)
        #expect(zero.stderr.hasPrefix("error[url.bad-option]: "), "\(zero.stderr)")
        #expect(zero.stderr.contains("connect_timeout=0"), "\(zero.stderr)")

        let started = Date()
        let bounded = try RunningCommand(["current", "--url", url + "2"], in: project.folder)
        #expect(bounded.waitForExit(within: 15))
        #expect(bounded.exitCode == 1)
        #expect(bounded.stderr.hasPrefix("error[db.connect]: "), "\(bounded.stderr)")
        #expect(Date().timeIntervalSince(started) < 10)
    }
}
