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
        #expect(threads.value.count == 4, "the observer sees each step start and end")
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
