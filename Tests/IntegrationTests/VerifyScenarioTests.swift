import Foundation
import Testing
@testable import MigrateKit

/// `migrate verify`: the stairway test on a temporary database.
@Suite("Verify")
struct VerifyScenarioTests {
    @Test(arguments: TestBackend.allCases)
    func catchesADowngradeThatLeavesSomethingBehind(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        try project.write("v00000000001", message: "Base", upgrade: "CREATE TABLE base_t (id INTEGER, name VARCHAR(20));", downgrade: "DROP TABLE base_t;")
        try project.write(
            "v00000000002", revises: ["v00000000001"], message: "Index and table",
            upgrade: "CREATE TABLE extra_t (id INTEGER NOT NULL);\nCREATE INDEX idx_name ON base_t (name);",
            downgrade: "DROP INDEX idx_name\(backend == .mysql ? " ON base_t" : "");\nDROP TABLE extra_t;")
        var result = try project.run("verify")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Verifying <base> -> v00000000001 (Base): up, down, up"))
        #expect(result.stdout.contains("Verified 2 revisions"))
        #expect(try project.versionRows() == [], "verify leaves the configured database alone")

        // Now a downgrade that forgets the index.
        try project.write(
            "v00000000002", revises: ["v00000000001"], message: "Index and table",
            upgrade: "CREATE TABLE extra_t (id INTEGER NOT NULL);\nCREATE INDEX idx_name ON base_t (name);",
            downgrade: "DROP TABLE extra_t;")
        result = try project.run("verify")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error[verify.downgrade-mismatch]: The downgrade of revision v00000000002"), "\(result.stderr)")
        #expect(result.stderr.contains("index idx_name on base_t exists but should not"), "\(result.stderr)")
        #expect(try Self.leftoverVerifyDatabases(backend, near: project.url).isEmpty)
    }

    @Test(arguments: TestBackend.allCases)
    func comparesHeadWithTheDeclaredSchema(_ backend: TestBackend) throws {
        let project = try CLIProject(backend, extraConfig: "schema = %(here)s/schema.sql")
        try project.write("w00000000001", upgrade: "CREATE TABLE notes (id INTEGER NOT NULL, body VARCHAR(50));", downgrade: "DROP TABLE notes;")
        try "CREATE TABLE notes (id INTEGER NOT NULL, body VARCHAR(50));\n"
            .write(toFile: project.folder + "/schema.sql", atomically: true, encoding: .utf8)
        var result = try project.run("verify")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("At head the schema matches the declared schema."))

        try "CREATE TABLE notes (id INTEGER NOT NULL, body VARCHAR(50), done BOOLEAN);\n"
            .write(toFile: project.folder + "/schema.sql", atomically: true, encoding: .utf8)
        result = try project.run("verify")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error[verify.head-differs-from-declared]"), "\(result.stderr)")
        #expect(result.stderr.contains("notes.done"), "\(result.stderr)")
        #expect(try Self.leftoverVerifyDatabases(backend, near: project.url).isEmpty)
    }

    /// Databases named `verify_…` still on the server (or temp folders on SQLite).
    static func leftoverVerifyDatabases(_ backend: TestBackend, near url: DatabaseURL) throws -> [String] {
        let marker = "verify_" + (url.database.map { ($0 as NSString).lastPathComponent } ?? "")
        switch backend {
        case .sqlite:
            let folders = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            return try folders.filter { $0.hasPrefix("migrate-verify-") }.filter { folder in
                try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory() + "/" + folder)
                    .contains { $0.hasPrefix(marker.replacingOccurrences(of: ".db", with: "")) }
            }
        case .postgresql, .mysql:
            let connection = try backend.dialect.connect(to: url)
            defer { connection.close() }
            let sql = backend == .postgresql
                ? "SELECT datname FROM pg_database WHERE datname LIKE 'verify_%'"
                : "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'verify\\_%'"
            return try connection.query(sql).compactMap { $0[0].string }.filter { $0.hasPrefix(marker) }
        }
    }
}
