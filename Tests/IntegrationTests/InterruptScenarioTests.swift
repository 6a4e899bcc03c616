import Foundation
import Testing

@testable import MigrateKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C (SIGINT) or SIGTERM while `migrate upgrade head` runs a long
/// statement: the statement is cancelled on the server, the run rolled back,
/// the lock released, and one line says what state the database is in.
@Suite("Interrupts")
struct InterruptScenarioTests {
    static let cases: [(TestBackend, Int32)] = TestBackend.allCases.flatMap { [($0, SIGINT), ($0, SIGTERM)] }

    @Test(arguments: cases)
    func signalCancelsTheRunningStatementAndReleasesTheLock(_ backend: TestBackend, _ signal: Int32) throws {
        let project = try CLIProject(backend, extraConfig: "lock_timeout = 5")
        try project.write("k00000000001", upgrade: "CREATE TABLE before_t (id INTEGER);", downgrade: "DROP TABLE before_t;")
        let long = try project.write(
            "k00000000002", revises: ["k00000000001"], message: "Long one",
            upgrade: "CREATE TABLE during_t (id INTEGER);\n\(LongStatement.sql(backend))\nCREATE TABLE after_t (id INTEGER);",
            downgrade: "DROP TABLE after_t;\nDROP TABLE during_t;")
        let watcher = try project.connect()
        defer { watcher.close() }

        let run = try RunningCommand(["upgrade", "head"], in: project.folder)
        #expect(try eventually(within: 30) { try LongStatement.isRunning(backend, on: watcher, output: run.stdout) })
        run.send(signal)
        #expect(run.waitForExit(within: 15), "the process must end soon after the signal")
        #expect(run.exitCode == 128 + signal, "\(run.stderr)")
        #expect(try eventually(within: 3) { try !LongStatement.isRunning(backend, on: watcher, output: nil) })

        let line = run.stderr.split(separator: "\n").last.map(String.init) ?? ""
        let lineNumber = 9  // the long statement's line in the file
        if backend.dialect.hasTransactionalDDL {
            #expect(
                line == "error[run.interrupted]: Interrupted: cancelled the upgrade of revision k00000000002 at "
                    + "\(long):\(lineNumber) and rolled it back; the database is at base.", "\(run.stderr)")
            #expect(try project.versionRows() == [])
            #expect(try !project.tableExists("during_t"))
        } else {
            #expect(
                line.hasPrefix(
                    "error[run.interrupted]: Interrupted: cancelled the upgrade of revision k00000000002 at \(long):"),
                "\(run.stderr)")
            #expect(
                line.contains(
                    "the database is at k00000000001, with revision k00000000002 left 'applying': it ran outside a "
                        + "transaction and its statements at line 8 took effect"),
                "\(run.stderr)")
            #expect(try project.versionRows() == ["k00000000001:applied", "k00000000002:applying"])
            #expect(try project.tableExists("during_t") && !project.tableExists("after_t"))
        }

        // The lock is free: the next run does not wait for it (lock_timeout is 5 s).
        let text = try String(contentsOfFile: long, encoding: .utf8)
        try text.replacingOccurrences(of: LongStatement.sql(backend), with: "SELECT 1;")
            .write(toFile: long, atomically: true, encoding: .utf8)
        // A tracked revision recorded its completed statement: the next run
        // resumes after it, since that statement reads as it did.
        let started = Date()
        let rerun = try project.run("upgrade", "head")
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("Resuming upgrade") == !backend.dialect.hasTransactionalDDL, "\(rerun.stdout)")
        #expect(Date().timeIntervalSince(started) < 4, "the second run must not wait for a lock")
        #expect(rerun.stdout.components(separatedBy: "-> k00000000002").count == 2, "applied exactly once: \(rerun.stdout)")
        #expect(try project.versionRows() == ["k00000000001:applied", "k00000000002:applied"])
        #expect(try project.tableExists("after_t"))
    }

    /// A second Ctrl-C exits at once, even while the first is still being
    /// handled (here: the connection to a server that never answers).
    @Test(arguments: [TestBackend.postgresql, .mysql])
    func secondSignalExitsAtOnce(_ backend: TestBackend) throws {
        let server = try SilentServer()
        let project = try CLIProject(backend)
        let scheme = backend == .postgresql ? "postgresql" : "mysql"
        let run = try RunningCommand(
            ["upgrade", "head", "--url", "\(scheme)://app:pw@127.0.0.1:\(server.port)/app?connect_timeout=60"],
            in: project.folder)
        #expect(eventually(within: 10) { server.hasClient() })
        run.send(SIGINT)
        #expect(eventually(within: 10) { run.stderr.contains("SIGINT: cancelling") }, "\(run.stderr)")
        usleep(200_000)
        #expect(run.process.isRunning, "the first Ctrl-C waits for the connection attempt")
        let sent = Date()
        run.send(SIGINT)
        #expect(run.waitForExit(within: 5))
        #expect(Date().timeIntervalSince(sent) < 2)
        #expect(run.exitCode == 130)
    }
}

/// A statement that runs for a minute unless cancelled, and how to see it run.
enum LongStatement {
    static func sql(_ backend: TestBackend) -> String {
        switch backend {
        case .postgresql: "SELECT pg_sleep(60);"
        case .mysql: "SELECT SLEEP(60);"
        case .sqlite:
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000000) SELECT count(*) FROM c;"
        }
    }

    /// `true` while the server runs it. SQLite has no server to ask: the
    /// progress line printed just before the revision runs stands in.
    static func isRunning(_ backend: TestBackend, on connection: DatabaseConnection, output: String?) throws -> Bool {
        switch backend {
        case .postgresql:
            return try connection.scalar(
                """
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND state = 'active' AND query LIKE 'SELECT pg_sleep(60)%'
                """
            )?.int ?? 0 > 0
        case .mysql:
            return try connection.scalar(
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND INFO LIKE 'SELECT SLEEP(60)%'"
            )?.int ?? 0 > 0
        case .sqlite:
            guard let output else { return false }
            guard output.contains("(Long one) ...") else { return false }
            usleep(200_000)
            return true
        }
    }
}

/// The same cancellation for library users (test fixtures): another thread
/// calls `migrator.cancellation.cancel()` while `upgrade` runs.
@Suite("Cancelling a Migrator")
struct MigratorCancellationTests {
    @Test(arguments: TestBackend.allCases)
    func cancellingFromAnotherThreadStopsTheRunAndFreesTheLock(_ backend: TestBackend) throws {
        let project = try CLIProject(backend, extraConfig: "lock_timeout = 5")
        let long = try project.write(
            "l00000000001", message: "Long one",
            upgrade: "CREATE TABLE during_t (id INTEGER);\n\(LongStatement.sql(backend))", downgrade: "DROP TABLE during_t;")
        let config = try MigrateConfig.load(project.folder + "/migrate.ini", environment: [:])
        let migrator = Migrator(config)
        let started = Locked(false)
        migrator.observer = { if case .willRun = $0 { started.update { $0 = true } } }
        let cancellation = migrator.cancellation
        let url = project.url
        Thread.detachNewThread {
            guard let watcher = try? backend.dialect.connect(to: url) else { return }
            defer { watcher.close() }
            _ = eventually(within: 30) {
                started.value && (try? LongStatement.isRunning(backend, on: watcher, output: "(Long one) ...")) == true
            }
            cancellation.cancel()
        }

        let error = #expect(throws: RunError.self) { try migrator.upgrade(to: "head") }
        #expect(error?.errorID == "run.interrupted")
        #expect(cancellation.isCancelled)
        if backend.dialect.hasTransactionalDDL {
            #expect(error?.message.hasSuffix("and rolled it back; the database is at base.") == true, "\(String(describing: error))")
            #expect(try project.versionRows() == [])
        } else {
            #expect(error?.message.contains("with revision l00000000001 left 'applying'") == true, "\(String(describing: error))")
            #expect(try project.versionRows() == ["l00000000001:applying"])
        }
        // A cancelled Migrator stays cancelled; a new one finds the lock free.
        #expect(throws: RunError.self) { try migrator.upgrade(to: "head") }
        let text = try String(contentsOfFile: long, encoding: .utf8)
        try text.replacingOccurrences(of: LongStatement.sql(backend), with: "SELECT 1;")
            .write(toFile: long, atomically: true, encoding: .utf8)
        if !backend.dialect.hasTransactionalDDL {
            let connection = try project.connect()
            try connection.execute("DROP TABLE during_t")
            connection.close()
            try Migrator(config).stamp(["base"])
        }
        try Migrator(config).upgrade(to: "head")
        #expect(try project.versionRows() == ["l00000000001:applied"])
    }
}
