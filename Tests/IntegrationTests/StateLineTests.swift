import Foundation
import Testing

@testable import MigrateKit

/// `current` always says the state, names revisions the files do not know,
/// and commands say where a database they cannot find was looked for.
@Suite("State lines")
struct StateLineTests {
    @Test(arguments: TestBackend.allCases)
    func currentOnAFreshDatabaseSaysBase(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        try project.write("sl0000000001", upgrade: "CREATE TABLE sl_t (id INTEGER);", downgrade: "DROP TABLE sl_t;")
        var result = try project.run("current")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "base (nothing applied)\n")
        #expect(try project.run("upgrade", "head").status == 0)
        result = try project.run("current")
        #expect(result.stdout == "sl0000000001 (head)\n")
    }

    /// Another project's database: the warning comes first and names the
    /// likely cause; the state lists the unknown revision.
    @Test(arguments: TestBackend.allCases)
    func anotherProjectsDatabaseIsNamed(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        try project.write("sl0000000001", upgrade: "CREATE TABLE sl_t (id INTEGER);", downgrade: "DROP TABLE sl_t;")
        #expect(try project.run("upgrade", "head").status == 0)
        let connection = try project.connect()
        try connection.execute("UPDATE migrate_version SET revision = 'ffff00000099'")
        connection.close()
        let result = try project.run("current")
        #expect(result.stdout == "ffff00000099 (unknown: no revision file defines it)\n", "\(result.stdout)")
        let firstLine = try #require(result.stderr.split(separator: "\n").first)
        #expect(firstLine.hasPrefix("warning: revision ffff00000099 is applied but no file in"), "\(result.stderr)")
        #expect(firstLine.contains("the URL likely names the wrong database, or one that another project migrates"))
        #expect(try project.run("current", "--check-clean").status == 1)
    }

    /// The `-c` footgun: `.env` beside the INI names `sqlite:///./test.db`,
    /// read from the working directory. Reading commands and `downgrade`
    /// say where they looked and create nothing; `stamp` refuses; `upgrade`
    /// says where it creates the file.
    @Test func relativeSQLitePathFromAnotherFolder() throws {
        let project = try CLIProject(.sqlite)
        try project.write("sl0000000001", upgrade: "CREATE TABLE sl_t (id INTEGER);", downgrade: "DROP TABLE sl_t;")
        try "DATABASE_URL=sqlite:///./test.db\n".write(toFile: project.folder + "/.env", atomically: true, encoding: .utf8)
        let elsewhere = project.folder + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let expected = elsewhere + "/test.db"
        func migrate(_ arguments: String...) throws -> CommandResult {
            try CommandResult.run(["-c", "../migrate.ini"] + arguments, in: elsewhere)
        }
        for arguments in [["current"], ["inspect"], ["downgrade", "base"]] {
            let result = try migrate(arguments[0], arguments.count > 1 ? arguments[1] : "--verbose")
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(
                result.stderr.contains(
                    "note: No database at \(expected) (the relative path ./test.db is read from the working directory, \(elsewhere))"),
                "\(arguments): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: expected), "\(arguments) created the file")
        }
        var result = try migrate("stamp", "head")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error[db.unknown-database]: No database at \(expected)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: expected))
        result = try migrate("upgrade", "head")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("note: Creating the database \(expected)"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: expected))
        #expect(try migrate("current").stdout == "sl0000000001 (head)\n")
    }

    /// `database drop --yes` says how many connections it ended.
    @Test(arguments: [TestBackend.postgresql, .mysql])
    func dropSaysHowManyConnectionsItEnded(_ backend: TestBackend) throws {
        let name = "migrate_drop_" + UUID().uuidString.prefix(8).lowercased()
        let url = try backend.serverURL().with(database: name)
        defer { backend.dispose(url) }
        let folder = NSTemporaryDirectory()
        let environment = ["DATABASE_URL": url.string]
        #expect(try CommandResult.run(["database", "create"], in: folder, environment: environment).status == 0)
        let first = try backend.dialect.connect(to: url)
        let second = try backend.dialect.connect(to: url)
        defer {
            first.close()
            second.close()
        }
        _ = try first.query("SELECT 1")
        var result = try CommandResult.run(["database", "drop", "--yes"], in: folder, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Dropped database \(url.redacted) (ended 2 other connections).\n", "\(result.stdout)")
        #expect(try CommandResult.run(["database", "create"], in: folder, environment: environment).status == 0)
        result = try CommandResult.run(["database", "drop", "--yes"], in: folder, environment: environment)
        #expect(result.stdout == "Dropped database \(url.redacted) (no other connections).\n", "\(result.stdout)")
    }

    /// A failing statement: the `error[id]` line first, every detail on an
    /// indented line after it.
    @Test(arguments: TestBackend.allCases)
    func statementErrorDetailsAreIndented(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        try project.write(
            "sl0000000001", upgrade: "CREATE TABLE sl_t (id INTEGER);\nSELECT * FROM sl_missing\n  WHERE 1 = 1;",
            downgrade: "DROP TABLE sl_t;")
        let result = try project.run("upgrade", "head")
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        let first = try #require(lines.firstIndex { $0.hasPrefix("error[") }, "\(result.stderr)")
        #expect(lines[first].hasPrefix("error[run.statement-failed]: "))
        #expect(lines.count > first + 1, "\(result.stderr)")
        for line in lines[(first + 1)...] { #expect(line.hasPrefix("  "), "not indented: \(line)") }
        #expect(result.stderr.contains("  Nothing was changed") || backend == .mysql, "\(result.stderr)")
    }
}
