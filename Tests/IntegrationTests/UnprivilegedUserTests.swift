import Foundation
import Testing

@testable import MigrateKit

/// What a user without the rights sees. The suite runs as root, whom file
/// permissions do not stop, so the binary runs as `nobody` (setpriv); on
/// the servers a real role without privileges connects.
@Suite("Unprivileged users")
struct UnprivilegedUserTests {
    /// Runs `migrate` as `nobody` in the project folder.
    func runAsNobody(_ project: CLIProject, _ arguments: String...) throws -> CommandResult {
        try CommandResult.run(
            executable: "/usr/bin/setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", CommandResult.binary] + arguments,
            in: project.folder, timeout: 60)
    }

    func project() throws -> CLIProject {
        let project = try CLIProject(.sqlite)
        try project.write("aa0000000001", upgrade: "CREATE TABLE good_t (id INTEGER);", downgrade: "DROP TABLE good_t;")
        return project
    }

    @Test func unreadableVersionsFolderAndFileAreSaidPlainly() throws {
        let project = try project()
        chmod(project.versions, 0o000)
        defer { chmod(project.versions, 0o755) }
        var result = try runAsNobody(project, "heads")
        #expect(result.status == 1)
        #expect(
            result.stderr == "error[file.unreadable]: Cannot read the versions folder \(project.versions): "
                + "permission denied. Check that the user running migrate (nobody) may read it (and, for a folder, list "
                + "and enter it): see `ls -l`, `chmod`, `chown`.\n", "\(result.stderr)")

        chmod(project.versions, 0o755)
        let file = project.versions + "/aa0000000001_aa0000000001.sql"
        chmod(file, 0o000)
        result = try runAsNobody(project, "heads")
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("error[file.unreadable]: Cannot read the revision file \(file): permission denied."), "\(result.stderr)"
        )
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test func unwritableVersionsFolderIsSaidPlainly() throws {
        let project = try project()
        let result = try runAsNobody(project, "revision", "-m", "New", "--rev-id", "bb0000000002")
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "error[revision.cannot-write]: Cannot write '\(project.versions)/bb0000000002_new.sql': permission denied. "
                    + "Check that the user running migrate (nobody) may write it"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test func readOnlySQLiteFileAndFolderAreNamed() throws {
        let project = try project()
        let file = try #require(project.url.database)
        // A new, empty database file of root's: creating the version table is refused.
        #expect(FileManager.default.createFile(atPath: file, contents: nil))
        var result = try runAsNobody(project, "upgrade", "head")
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "error[db.read-only]: The SQLite database file '\(file)' is read-only for the "
                    + "user running migrate (nobody): attempt to write a readonly database. Make it writable"), "\(result.stderr)")
        #expect(!result.stderr.lowercased().contains("grant"), "\(result.stderr)")

        // A pending revision on a read-only file.
        #expect(try project.run("upgrade", "head").status == 0)
        try project.write("bb0000000002", revises: ["aa0000000001"], upgrade: "CREATE TABLE next_t (id INTEGER);")
        result = try runAsNobody(project, "upgrade", "head")
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("The SQLite database file '\(file)' is read-only for the user running migrate (nobody)"),
            "\(result.stderr)")
        #expect(!result.stderr.lowercased().contains("grant"), "\(result.stderr)")

        chmod(file, 0o666)  // writable, but the folder (root's, 0755) takes no journal
        result = try runAsNobody(project, "upgrade", "head")
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "The folder '\(project.folder)' of the SQLite database '\(file)' is read-only for the user running migrate (nobody), so SQLite cannot create its journal"
            ), "\(result.stderr)")
        #expect(try project.versionRows() == ["aa0000000001:applied"])
    }

    /// A role that does not own the version table: the error names the
    /// statement, the table and the GRANT, on PostgreSQL and MariaDB.
    @Test(arguments: [TestBackend.postgresql, .mysql])
    func nonOwnerIsToldWhichGrantIsMissing(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        try project.write("aa0000000001", upgrade: "CREATE TABLE good_t (id INTEGER);", downgrade: "DROP TABLE good_t;")
        #expect(try project.run("upgrade", "head").status == 0)
        try project.write("bb0000000002", revises: ["aa0000000001"], upgrade: "SELECT 1;", downgrade: "SELECT 1;")
        let role = "mr_" + UUID().uuidString.prefix(8).lowercased()
        let admin = try project.connect()
        defer { admin.close() }
        let database = try #require(project.url.database)
        if backend == .postgresql {
            try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD 'Role-pw-1'")
        } else {
            try admin.execute("CREATE USER '\(role)'@'%' IDENTIFIED BY 'Role-pw-1'")
            try admin.execute("GRANT SELECT ON `\(database)`.`good_t` TO '\(role)'@'%'")
        }
        defer {
            if backend == .postgresql {
                try? admin.execute("DROP OWNED BY \(role)")
                try? admin.execute("DROP ROLE \(role)")
            } else {
                try? admin.execute("DROP USER '\(role)'@'%'")
            }
        }
        var url = project.url
        url.user = role
        url.password = "Role-pw-1"

        var result = try project.run("upgrade", "head", "--url", url.string)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error[db.permission-denied]: "), "\(result.stderr)")
        #expect(result.stderr.contains("migrate_version"), "\(result.stderr)")
        #expect(result.stderr.contains("The statement was `"), "\(result.stderr)")
        // PostgreSQL refuses the SELECT; MariaDB hides the table from a user
        // without privileges on it, so the CREATE is what it refuses.
        let firstGrant =
            backend == .postgresql
            ? "GRANT SELECT, INSERT, UPDATE, DELETE ON migrate_version TO \"\(role)\""
            : "GRANT CREATE ON \(database).migrate_version TO '\(role)'@"
        #expect(result.stderr.contains(firstGrant), "\(result.stderr)")
        #expect(result.stderr.contains("or run migrate as the owner"), "\(result.stderr)")
        #expect(!result.stderr.contains("Role-pw-1"))

        try admin.execute(
            backend == .postgresql
                ? "GRANT SELECT ON migrate_version TO \(role)"
                : "GRANT SELECT ON `\(database)`.`migrate_version` TO '\(role)'@'%'")
        result = try project.run("upgrade", "head", "--url", url.string)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error[db.permission-denied]: "), "\(result.stderr)")
        #expect(result.stderr.contains("The statement was `INSERT INTO "), "\(result.stderr)")
        #expect(result.stderr.contains("GRANT SELECT, INSERT, UPDATE, DELETE ON "), "\(result.stderr)")
        #expect(try project.versionRows() == ["aa0000000001:applied"])
    }
}
