import Foundation
import Testing

@testable import MigrateKit

/// Writing commands refuse a server that only reads — a PostgreSQL hot
/// standby, a MySQL/MariaDB server with `read_only` on — before doing
/// anything; read-only commands keep working there.
@Suite("Standbys", .serialized)
struct StandbyScenarioTests {
    /// `upgrade`, `downgrade` and `stamp` against the streaming replica that
    /// `scripts/test.sh` starts: `error[db.read-only-standby]`, exit 1.
    @Test func writingCommandsRefuseAHotStandby() throws {
        let project = try CLIProject(.postgresql)
        try project.write("h00000000001", upgrade: "CREATE TABLE h1 (id INTEGER);", downgrade: "DROP TABLE h1;")
        #expect(try project.run("upgrade", "head").status == 0)
        try project.write("h00000000002", revises: ["h00000000001"], upgrade: "CREATE TABLE h2 (id INTEGER);")
        let standby = try PooledServers.standby(project.url)
        try Self.waitForReplay(of: "h00000000001", on: standby)

        let expected =
            "error[db.read-only-standby]: \(standby.redacted) is a standby; run migrations against the "
            + "primary (pg_is_in_recovery() is true"
        for arguments in [["upgrade", "head"], ["downgrade", "base"], ["stamp", "h00000000002"]] {
            let result = try CommandResult.run(arguments + ["--url", standby.string], in: project.folder)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.hasPrefix(expected), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("migrate-test-pw"))
        }
        let current = try project.run("current", "--url", standby.string)
        #expect(current.status == 0, "\(current.stderr)")
        #expect(current.stdout.contains("h00000000001"), "\(current.stdout)")
        #expect(try project.versionRows() == ["h00000000001:applied"])
    }

    /// Waits until the standby has replayed the revision's version row.
    static func waitForReplay(of revision: String, on standby: DatabaseURL) throws {
        let deadline = Date().addingTimeInterval(120)
        var lastError: (any Error)?
        while Date() < deadline {
            do {
                let connection = try PostgreSQLDialect().connect(to: standby)
                defer { connection.close() }
                let found = try connection.scalar("SELECT count(*) FROM migrate_version WHERE revision = '\(revision)'")
                if found?.string == "1" { return }
            } catch {
                lastError = error
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TestSetupError(message: "the standby did not replay \(revision) within 120 s: \(lastError.map { "\($0)" } ?? "")")
    }
}
