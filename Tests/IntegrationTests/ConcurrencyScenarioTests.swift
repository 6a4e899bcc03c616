import Foundation
import Testing

/// Several deployments upgrading one database at the same moment: each
/// revision is applied exactly once and every process exits 0.
@Suite("Concurrent upgrades", .serialized)
struct ConcurrencyScenarioTests {
    static let processes = 8
    static let revisions = 50

    @Test(arguments: TestBackend.allCases)
    func eightProcessesApplyEachRevisionOnce(_ backend: TestBackend) throws {
        for round in 1...5 {
            let project = try CLIProject(backend)
            var parent: [String] = []
            for index in 1...Self.revisions {
                let id = String(format: "c%011d", index)
                let concurrently = backend == .postgresql && round == 5 && index == Self.revisions / 2
                try project.write(
                    id, revises: parent,
                    upgrade: concurrently
                        ? "CREATE INDEX CONCURRENTLY idx_t\(index - 1) ON t\(index - 1) (id);"
                        : "CREATE TABLE t\(index) (id INTEGER);",
                    downgrade: concurrently ? "DROP INDEX idx_t\(index - 1);" : "DROP TABLE t\(index);",
                    header: "")
                if concurrently { try project.markNonTransactional("\(project.versions)/\(id)_\(id).sql") }
                parent = [id]
            }
            let results = try Self.runTogether(project, count: Self.processes, arguments: ["upgrade", "head"])
            for result in results {
                #expect(result.status == 0, "round \(round): \(result.stderr)")
                // Only the note that says who holds the lock, when the wait passes a second.
                let notes = result.stderr.split(separator: "\n")
                #expect(notes.allSatisfy { $0.hasPrefix("Waiting for the migration lock held by ") }, "round \(round): \(result.stderr)")
            }
            let applied = try project.versionRows()
            #expect(applied.count == Self.revisions, "round \(round)")
            #expect(applied.allSatisfy { $0.hasSuffix(":applied") })
            let ran = results.map { $0.stdout.components(separatedBy: "Running upgrade").count - 1 }
            #expect(ran.reduce(0, +) == Self.revisions, "round \(round): revisions run per process \(ran)")
            let connection = try project.connect()
            defer { connection.close() }
            for index in [1, Self.revisions / 2, Self.revisions] {
                #expect(
                    try backend.dialect.tableExists("t\(index)", on: connection)
                        || backend == .postgresql && round == 5 && index == Self.revisions / 2)
            }
        }
    }

    /// Starts `count` processes as close together as possible and waits for all.
    static func runTogether(_ project: CLIProject, count: Int, arguments: [String]) throws -> [CommandResult] {
        let folder = project.folder
        let group = DispatchGroup()
        let results = Locked<[Int: CommandResult]>([:])
        let failures = Locked<[String]>([])
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread {
                do {
                    let result = try CommandResult.run(arguments, in: folder)
                    results.update { $0[index] = result }
                } catch {
                    failures.update { $0.append("\(error)") }
                }
                group.leave()
            }
        }
        group.wait()
        if let failure = failures.value.first { throw TestSetupError(message: failure) }
        return (0..<count).map { results.value[$0]! }
    }
}

/// A value shared between threads of a test.
final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
