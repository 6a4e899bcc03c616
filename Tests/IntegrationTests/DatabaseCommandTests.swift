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
