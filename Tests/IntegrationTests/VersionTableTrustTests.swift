import Foundation
import Testing

@testable import MigrateKit

/// The version table is only trusted when it is one, and its checksums do
/// not flag a checkout with other line endings as an edit.
@Suite("Version table trust")
struct VersionTableTrustTests {
    /// `version_table = users` used to fail with `no such column: revision`.
    @Test(arguments: TestBackend.allCases)
    func applicationTableIsNotTakenForTheVersionTable(_ backend: TestBackend) throws {
        let project = try CLIProject(backend, extraConfig: "version_table = users")
        try project.write("aa0000000001", upgrade: "CREATE TABLE good_t (id INTEGER);", downgrade: "DROP TABLE good_t;")
        let connection = try project.connect()
        defer { connection.close() }
        try connection.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50))")
        try connection.execute("INSERT INTO users (id, name) VALUES (1, 'ada')")
        for arguments in [["current"], ["upgrade", "head"], ["stamp", "head"]] {
            let result = try CommandResult.run(arguments, in: project.folder)
            #expect(result.status == 1, "\(arguments)")
            #expect(
                result.stderr == "error[run.not-a-version-table]: The table users exists but is not a migrate "
                    + "version table: it has no revision, checksum, applied_at, execution_ms, state columns. It is "
                    + "probably one of the application's tables; migrate leaves it alone. Set version_table in "
                    + "migrate.ini to a name no other table uses (the default is migrate_version).\n",
                "\(arguments): \(result.stderr)")
        }
        #expect(try connection.query("SELECT id, name FROM users").map { "\($0[0].string ?? ""):\($0[1].string ?? "")" } == ["1:ada"])
        // Not altered either: MySQL used to add the progress columns (and
        // commit them) before noticing the table was not a version table.
        #expect(try backend.dialect.columnNames(of: "users", on: connection).map { $0.lowercased() }.sorted() == ["id", "name"])
        #expect(try !project.tableExists("good_t"))
    }

    /// Applied with LF, checked out with CRLF (git on Windows): not an edit.
    @Test(arguments: TestBackend.allCases)
    func lineEndingsAreNotAnEdit(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        let path = try project.write(
            "aa0000000001", upgrade: "CREATE TABLE good_t (\n    id INTEGER\n);", downgrade: "DROP TABLE good_t;")
        #expect(try project.run("upgrade", "head").status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try project.run("current")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("was edited"), "\(result.stderr)")
        // A real edit is still one.
        try text.replacingOccurrences(of: "id INTEGER", with: "id BIGINT").replacingOccurrences(of: "\n", with: "\r\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try project.run("current").stderr.contains("Revision aa0000000001 (\(path)) was edited after it was applied"))
    }

    /// A CRLF file applied by the previous release, whose checksum covers the
    /// raw bytes (CRLF included), is not reported as edited either.
    @Test(arguments: TestBackend.allCases)
    func checksumOfThePreviousReleaseIsStillRead(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        let path = try project.write(
            "aa0000000001", upgrade: "CREATE TABLE good_t (\n    id INTEGER\n);", downgrade: "DROP TABLE good_t;")
        let crlf = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n")
        try crlf.write(toFile: path, atomically: true, encoding: .utf8)
        if backend == .sqlite { #expect(try project.run("database", "create").status == 0) }
        #expect(try project.run("stamp", "aa0000000001").status == 0)
        let body = try #require(RevisionScript.parse(crlf, path: path).section(.upgrade, dialect: backend.dialect.name)?.body)
        #expect(body.contains("\r\n"))
        let oldChecksum = try sha256(body)
        let connection = try project.connect()
        defer { connection.close() }
        try connection.execute("UPDATE migrate_version SET checksum = '\(oldChecksum)' WHERE revision = 'aa0000000001'")
        let result = try project.run("current")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("was edited"), "\(result.stderr)")
        try connection.execute("UPDATE migrate_version SET checksum = '\(String(repeating: "0", count: 64))'")
        #expect(try project.run("current").stderr.contains("was edited"), "a wrong checksum is still reported")
    }

    /// SHA-256 of the raw bytes, by `sha256sum`: the previous release's checksum.
    private func sha256(_ text: String) throws -> String {
        let file = NSTemporaryDirectory() + "checksum-" + UUID().uuidString
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try CommandResult.run(executable: "/usr/bin/sha256sum", [file], in: NSTemporaryDirectory())
        return String(result.stdout.prefix(64))
    }
}
