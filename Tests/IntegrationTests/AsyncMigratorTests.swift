import Foundation
import Testing
@testable import MigrateKit

/// The `async` library calls an app makes at startup (Vapor, Hummingbird):
/// they run the blocking work on a thread of their own, and cancelling the
/// task cancels the run like `migrator.cancellation` does.
@Suite("Async Migrator")
struct AsyncMigratorTests {
    @Test(arguments: TestBackend.allCases)
    func upgradeCurrentDowngradeAndStampAwaitTheirResults(_ backend: TestBackend) async throws {
        let project = try CLIProject(backend)
        try project.write("a00000000001", upgrade: "CREATE TABLE a_t (id INTEGER);", downgrade: "DROP TABLE a_t;")
        try project.write(
            "a00000000002", revises: ["a00000000001"], upgrade: "CREATE TABLE b_t (id INTEGER);",
            downgrade: "DROP TABLE b_t;")
        let migrator = Migrator(try MigrateConfig.load(project.folder + "/migrate.ini", environment: [:]))
        let threads = Locked<[String]>([])
        migrator.observer = { _ in threads.update { $0.append(Thread.current.name ?? "") } }

        let report = try await migrator.upgrade(to: "head")
        #expect(report.heads == ["a00000000002"])
        #expect(report.steps.map(\.step.revision) == ["a00000000001", "a00000000002"])
        #expect(threads.value == Array(repeating: "migrate", count: 4), "the work runs on the migration's own thread")
        #expect(try await migrator.current().heads == ["a00000000002"])

        let down = try await migrator.downgrade(to: "-1")
        #expect(down.heads == ["a00000000001"])
        #expect(try project.versionRows() == ["a00000000001:applied"])
        #expect(try !project.tableExists("b_t"))

        #expect(try await migrator.stamp(["a00000000002"]) == ["a00000000002"])
        #expect(try await migrator.stamp(["base"]) == [])
        #expect(try project.versionRows() == [])
    }

    /// Two app instances start at once: the migration lock lets one apply
    /// each revision, and both start.
    @Test(arguments: TestBackend.allCases)
    func twoInstancesStartingAtOnceApplyEachRevisionOnce(_ backend: TestBackend) async throws {
        let project = try CLIProject(backend, extraConfig: "lock_timeout = 30")
        try project.write("c00000000001", upgrade: "CREATE TABLE c_t (id INTEGER);", downgrade: "DROP TABLE c_t;")
        let config = try MigrateConfig.load(project.folder + "/migrate.ini", environment: [:])
        async let first = Migrator(config).upgrade(to: "head")
        async let second = Migrator(config).upgrade(to: "head")
        let reports = try await [first, second]
        #expect(reports.map(\.steps.count).sorted() == [0, 1])
        #expect(reports.allSatisfy { $0.heads == ["c00000000001"] })
        #expect(try project.versionRows() == ["c00000000001:applied"])
    }

    @Test(arguments: TestBackend.allCases)
    func cancellingTheTaskCancelsTheRunningStatementAndFreesTheLock(_ backend: TestBackend) async throws {
        let project = try CLIProject(backend, extraConfig: "lock_timeout = 5")
        let long = try project.write(
            "t00000000001", message: "Long one",
            upgrade: "CREATE TABLE during_t (id INTEGER);\n\(LongStatement.sql(backend))", downgrade: "DROP TABLE during_t;")
        let config = try MigrateConfig.load(project.folder + "/migrate.ini", environment: [:])
        let started = Locked(false)
        let task = Task {
            let migrator = Migrator(config)
            migrator.observer = { if case .willRun = $0 { started.update { $0 = true } } }
            return try await migrator.upgrade(to: "head")
        }
        let watcher = try project.connect()
        defer { watcher.close() }
        #expect(
            try eventually(within: 30) {
                try started.value && LongStatement.isRunning(backend, on: watcher, output: "(Long one) ...")
            })
        let cancelled = Date()
        task.cancel()
        let result = await task.result
        #expect(Date().timeIntervalSince(cancelled) < 15, "the statement is cancelled on the server, not waited for")
        let error = #expect(throws: RunError.self) { try result.get() }
        #expect(error?.errorID == "run.interrupted")
        if backend.dialect.hasTransactionalDDL {
            #expect(try project.versionRows() == [])
        } else {
            #expect(try project.versionRows() == ["t00000000001:applying"])
            try watcher.execute("DROP TABLE during_t")
        }

        // The lock is free: a new Migrator (a restarted app) does not wait for it.
        let text = try String(contentsOfFile: long, encoding: .utf8)
        try text.replacingOccurrences(of: LongStatement.sql(backend), with: "SELECT 1;")
            .write(toFile: long, atomically: true, encoding: .utf8)
        let restarted = Date()
        try await Migrator(config).upgrade(to: "head")
        #expect(Date().timeIntervalSince(restarted) < 4)
        #expect(try project.versionRows() == ["t00000000001:applied"])
    }

    /// A task cancelled before the call starts never touches the database.
    @Test func aTaskCancelledBeforeTheCallRunsNothing() async throws {
        let project = try CLIProject(.sqlite)
        try project.write("d00000000001", upgrade: "CREATE TABLE d_t (id INTEGER);", downgrade: "DROP TABLE d_t;")
        let config = try MigrateConfig.load(project.folder + "/migrate.ini", environment: [:])
        let task = Task {
            while !Task.isCancelled { await Task.yield() }
            return try await Migrator(config).upgrade(to: "head")
        }
        task.cancel()
        let result = await task.result
        #expect(throws: RunError.self) { try result.get() }
        #expect(try !project.tableExists("d_t"))
    }
}
