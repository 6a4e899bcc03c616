import Foundation
import Testing

@testable import MigrateKit

/// A revision tracked outside a transaction (`transaction=false`, and every
/// revision on MySQL) is settled by one write that also records its last
/// statement's progress: the row ends `applied` with every statement counted,
/// and a failure of the last statement still leaves the others counted.
@Suite("Tracked revision rows")
struct TrackedRevisionRowTests {
    static let id = "k00000000001"
    static let statements = ["CREATE TABLE k_t (id INTEGER)", "INSERT INTO k_t VALUES (1)", "INSERT INTO k_t VALUES (2)"]

    static func progress(_ project: CLIProject) throws -> (state: String, completed: Int?, checksum: String?) {
        let connection = try project.connect()
        defer { connection.close() }
        let row = try #require(
            connection.query("SELECT state, completed_statements, completed_checksum FROM migrate_version").first)
        return (row[0].string ?? "", row[1].int, row[2].string)
    }

    /// What the row records after the first `count` statements.
    static func checksum(after count: Int) -> String {
        StatementPrefix.checksums(of: statements.enumerated().map { SQLStatement(text: $1, line: $0 + 1) })[count]
    }

    @Test(arguments: TestBackend.allCases)
    func settledRowCountsEveryStatement(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        let path = try project.write(
            Self.id, upgrade: Self.statements.map { $0 + ";" }.joined(separator: "\n"), downgrade: "DROP TABLE k_t;")
        try project.markNonTransactional(path, downgradeToo: true)
        let upgraded = try project.run("upgrade", "head")
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        let row = try Self.progress(project)
        #expect(row.state == "applied")
        #expect(row.completed == 3)
        #expect(row.checksum == Self.checksum(after: 3))
        let clean = try project.run("current", "--check-clean")
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(try project.run("downgrade", "base").status == 0)
        #expect(try project.versionRows().isEmpty)
    }

    @Test(arguments: TestBackend.allCases)
    func failedLastStatementLeavesTheOthersCounted(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        let broken = Self.statements.dropLast().map { $0 + ";" } + ["INSERT INTO missing_t VALUES (2);"]
        let path = try project.write(Self.id, upgrade: broken.joined(separator: "\n"), downgrade: "DROP TABLE k_t;")
        try project.markNonTransactional(path, downgradeToo: true)
        let failed = try project.run("upgrade", "head")
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("2 of 3 statements done"), "\(failed.stderr)")
        let row = try Self.progress(project)
        #expect(row.state == "applying" && row.completed == 2 && row.checksum == Self.checksum(after: 2))

        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "missing_t", with: "k_t").write(toFile: path, atomically: true, encoding: .utf8)
        let resumed = try project.run("upgrade", "head")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("at statement 3 of 3"), "\(resumed.stdout)")
        let settled = try Self.progress(project)
        #expect(settled.state == "applied" && settled.completed == 3 && settled.checksum == Self.checksum(after: 3))
    }
}
