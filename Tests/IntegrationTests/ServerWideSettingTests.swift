import Foundation
import Testing

@testable import MigrateKit

/// Tests that change a setting of the whole shared server (MariaDB's global
/// `read_only`), which every other test's migrate run would see. The suite
/// runs in a `swift test` process of its own, after the rest of the suite
/// (`scripts/test.sh` skips it in the first pass and runs it alone next).
@Suite("Server-wide settings", .serialized)
struct ServerWideSettingTests {
    /// `read_only` on a MariaDB server refuses writing commands even for
    /// root, which the server itself would let write; `current` still reads.
    @Test func writingCommandsRefuseAReadOnlyMySQLServer() throws {
        let project = try CLIProject(.mysql)
        try project.write("r00000000001", upgrade: "CREATE TABLE r1 (id INTEGER);", downgrade: "DROP TABLE r1;")
        try project.write("r00000000002", revises: ["r00000000001"], upgrade: "CREATE TABLE r2 (id INTEGER);")
        let config = try MigrateConfig.load(project.folder + "/migrate.ini", environment: [:])
        try Migrator(config).upgrade(to: "r00000000001")
        let admin = try project.connect()
        defer { admin.close() }
        // Other tests share this server: read_only stays on for as short a
        // time as the two calls take.
        var refusal: (any Error)?
        var current: CurrentState?
        try admin.execute("SET GLOBAL read_only = 1")
        do {
            defer { try? admin.execute("SET GLOBAL read_only = 0") }
            do { try Migrator(config).upgrade(to: "head") } catch { refusal = error }
            current = try Migrator(config).current()
        }
        let failure = try #require(refusal as? MigrateFailure)
        #expect(failure.errorID == "db.read-only-standby")
        #expect(
            failure.description.hasPrefix(
                "error[db.read-only-standby]: \(project.url.redacted) is a standby; run migrations against the primary (read_only is ON"),
            "\(failure)")
        #expect(current?.heads == ["r00000000001"])
        #expect(try project.versionRows() == ["r00000000001:applied"])
        #expect(try !project.tableExists("r2"))
    }
}
