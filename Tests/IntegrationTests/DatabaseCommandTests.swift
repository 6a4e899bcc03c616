import Foundation
import Testing

@testable import MigrateKit

/// `migrate database create|exists|drop`, as test suites in any language use them.
@Suite("Database commands")
struct DatabaseCommandTests {
    @Test(arguments: TestBackend.allCases)
    func createExistsDrop(_ backend: TestBackend) throws {
        let folder = NSTemporaryDirectory() + "migrate-dbcmd-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = "migrate_dbcmd_" + UUID().uuidString.prefix(8).lowercased()
        let url: DatabaseURL =
            backend == .sqlite
            ? try DatabaseURL.parse("sqlite:///\(folder)/\(name).db")
            : try backend.serverURL().with(database: name)
        defer { backend.dispose(url) }
        // No migrate.ini here: DATABASE_URL alone names the database.
        let environment = ["DATABASE_URL": url.string]
        func migrate(_ arguments: String...) throws -> CommandResult {
            try CommandResult.run(arguments, in: folder, environment: environment)
        }

        var result = try migrate("database", "exists")
        #expect(result.status == 1, "\(result.stderr)")
        result = try migrate("database", "create")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Created database"))
        #expect(try backend.dialect.databaseExists(url))
        #expect(try migrate("database", "exists").status == 0)

        result = try migrate("database", "create")
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[db.already-exists]"), "\(result.stderr)")
        #expect(try migrate("database", "create", "--if-not-exists").status == 0)

        result = try migrate("database", "drop")
        #expect(result.status == 64)
        #expect(try backend.dialect.databaseExists(url), "drop without --yes must not drop")
        result = try migrate("database", "drop", "--yes")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try !backend.dialect.databaseExists(url))
        #expect(try migrate("database", "exists").status == 1)
        #expect(try migrate("database", "drop", "--yes", "--if-exists").status == 0)
        result = try migrate("database", "drop", "--yes")
        #expect(result.status == 1)
        #expect(!result.stderr.isEmpty && !result.stderr.contains(url.password ?? "\u{0}"))
    }

    @Test(arguments: [TestBackend.postgresql, .mysql])
    func wrongPasswordAndUnknownDatabaseAreOneRedactedLine(_ backend: TestBackend) throws {
        let project = try CLIProject(.sqlite)
        var wrong = try backend.serverURL()
        wrong.password = "definitely-wrong-pw"
        var result = try project.run("current", "--url", wrong.string)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[db.authentication]"), "\(result.stderr)")
        #expect(result.stderr.contains(":***@"))
        #expect(!result.stderr.contains("definitely-wrong-pw"))
        #expect(result.stderr.split(separator: "\n").count == 1)

        let missing = try backend.serverURL().with(database: "migrate_no_such_db")
        result = try project.run("database", "exists", "--url", missing.string)
        #expect(result.status == 1)
        result = try project.run("upgrade", "head", "--url", missing.string)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[db.unknown-database]"), "\(result.stderr)")
        #expect(result.stderr.contains("database 'migrate_no_such_db' does not exist; create it with `migrate database create`"))
    }
}

/// A user without the right to create tables gets one readable line.
@Suite("Permissions")
struct PermissionTests {
    @Test(arguments: [TestBackend.postgresql, .mysql])
    func permissionDeniedOnDDL(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        try project.write("pd0000000001", upgrade: "CREATE TABLE t (id INTEGER);", downgrade: "DROP TABLE t;")
        let user = "migrate_ro_" + UUID().uuidString.prefix(6).lowercased()
        let admin = try backend.dialect.connect(to: project.url)
        defer {
            try? admin.execute(backend == .postgresql ? "DROP OWNED BY \(user)" : "SELECT 1")
            try? admin.execute(backend == .postgresql ? "DROP ROLE \(user)" : "DROP USER '\(user)'@'%'")
            admin.close()
        }
        if backend == .postgresql {
            try admin.execute("CREATE ROLE \(user) LOGIN PASSWORD 'ro-secret-pw'")
            try admin.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        } else {
            try admin.execute("CREATE USER '\(user)'@'%' IDENTIFIED BY 'ro-secret-pw'")
            try admin.execute("GRANT SELECT ON `\(project.url.database!)`.* TO '\(user)'@'%'")
        }
        var limited = project.url
        limited.user = user
        limited.password = "ro-secret-pw"
        let result = try project.run("upgrade", "head", "--url", limited.string)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("error[db.permission-denied]: Cannot create the version table migrate_version:"), "\(result.stderr)")
        #expect(
            result.stderr.contains(backend == .postgresql ? "GRANT USAGE, CREATE ON SCHEMA public TO " : "GRANT CREATE ON "),
            "\(result.stderr)")
        #expect(result.stderr.lowercased().contains("denied"))
        #expect(!result.stderr.contains("ro-secret-pw"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try !project.tableExists("t") && !project.tableExists("migrate_version"))
    }
}
