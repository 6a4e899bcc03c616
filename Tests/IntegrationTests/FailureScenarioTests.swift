import Foundation
import Testing

/// Bad input and failing statements: one clear message, the right exit code,
/// and a database and version table left consistent.
@Suite("Failures through the CLI")
struct FailureScenarioTests {
    @Test(arguments: TestBackend.allCases)
    func failingStatementMidRevision(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        try project.write("f00000000001", upgrade: "CREATE TABLE first_t (id INTEGER);", downgrade: "DROP TABLE first_t;")
        let path = try project.write(
            "f00000000002", revises: ["f00000000001"],
            upgrade: "CREATE TABLE second_t (id INTEGER);\nCREAT TABLE broken (id INTEGER);\nCREATE TABLE third_t (id INTEGER);",
            downgrade: "DROP TABLE second_t;")
        let result = try project.run("upgrade", "head")
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("error[run.statement-failed]: Upgrade of revision f00000000002 failed at \(path):9:"),
            "\(result.stderr)")
        #expect(result.stderr.contains("statement: CREAT TABLE broken (id INTEGER)"))
        #expect(try !project.tableExists("third_t"))
        if backend.dialect.hasTransactionalDDL {
            // The whole run is one transaction: nothing happened.
            #expect(result.stderr.contains("Nothing was changed: the run was rolled back."))
            #expect(try !project.tableExists("first_t") && !project.tableExists("second_t"))
            #expect(try project.versionRows() == [])
        } else {
            // MySQL commits DDL: the half-applied revision is recorded with its progress.
            #expect(result.stderr.contains("is marked 'applying' in the version table, with 1 of 3 statements done"), "\(result.stderr)")
            #expect(result.stderr.contains("line 8: CREATE TABLE second_t (id INTEGER)"))
            #expect(result.stderr.contains("`migrate stamp f00000000001`"))
            #expect(try project.tableExists("first_t") && project.tableExists("second_t"))
            #expect(try project.versionRows() == ["f00000000001:applied", "f00000000002:applying"])
            // Run again unfixed, it resumes at the failing statement (the
            // first one would fail now: second_t exists).
            let again = try project.run("upgrade", "head")
            #expect(again.status == 1)
            #expect(
                again.stderr.hasPrefix("error[run.statement-failed]: Upgrade of revision f00000000002 failed at \(path):9:"),
                "\(again.stderr)")
            let stamped = try project.run("stamp", "f00000000001")
            #expect(stamped.status == 0, "\(stamped.stderr)")
            #expect(try project.versionRows() == ["f00000000001:applied"])
        }
    }

    @Test(arguments: TestBackend.allCases)
    func transactionPerMigrationKeepsEarlierRevisions(_ backend: TestBackend) throws {
        let project = try CLIProject(backend, extraConfig: "transaction_per_migration = true")
        try project.write("p00000000001", upgrade: "CREATE TABLE kept (id INTEGER);", downgrade: "DROP TABLE kept;")
        try project.write("p00000000002", revises: ["p00000000001"], upgrade: "CREATE TABLE t (id INTEGER);\nSELEC 1;")
        let result = try project.run("upgrade", "head")
        #expect(result.status == 1)
        #expect(try project.tableExists("kept"))
        if backend.dialect.hasTransactionalDDL {
            #expect(result.stderr.contains("p00000000001 committed before it and stay applied"), "\(result.stderr)")
            #expect(try !project.tableExists("t"))
            #expect(try project.versionRows() == ["p00000000001:applied"])
        }
    }

    @Test(arguments: TestBackend.allCases)
    func badGraphsAndTargets(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        try project.write("g00000000001", upgrade: "CREATE TABLE g (id INTEGER);", downgrade: "DROP TABLE g;")
        var result = try project.run("upgrade", "zzzz")
        #expect(result.status == 64)
        #expect(result.stderr.contains("error[graph.unknown-target]"), "\(result.stderr)")

        result = try project.run("downgrade", "-2")
        #expect(result.status == 1)
        #expect(result.stderr.contains("graph.below-base"), "\(result.stderr)")

        let orphan = try project.write("g00000000002", revises: ["nope"], upgrade: "SELECT 1;")
        result = try project.run("upgrade", "head")
        #expect(result.status == 1)
        #expect(result.stderr.contains(orphan) && result.stderr.contains("nope"), "\(result.stderr)")
        try FileManager.default.removeItem(atPath: orphan)

        let noUpgrade = project.versions + "/g00000000003_x.sql"
        try "-- x\n--\n-- Revision ID: g00000000003\n-- Revises: g00000000001\n\nCREATE TABLE x (id INTEGER);\n"
            .write(toFile: noUpgrade, atomically: true, encoding: .utf8)
        result = try project.run("upgrade", "head")
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[revision.sql-outside-section]: \(noUpgrade):6:"), "\(result.stderr)")
        try "-- x\n--\n-- Revision ID: g00000000003\n-- Revises: g00000000001\n\n-- migrate:downgrade\nSELECT 1;\n"
            .write(toFile: noUpgrade, atomically: true, encoding: .utf8)
        result = try project.run("upgrade", "head")
        #expect(result.status == 1)
        #expect(result.stderr.contains("revision.no-upgrade-section") && result.stderr.contains(noUpgrade), "\(result.stderr)")
        try FileManager.default.removeItem(atPath: noUpgrade)

        try project.write("g00000000001", message: "duplicate", upgrade: "SELECT 1;")
        let copy = project.versions + "/g00000000001_copy.sql"
        try FileManager.default.copyItem(atPath: project.versions + "/g00000000001_g00000000001.sql", toPath: copy)
        result = try project.run("heads")
        #expect(result.status == 1)
        #expect(result.stderr.contains("g00000000001") && result.stderr.contains(copy), "\(result.stderr)")
        try FileManager.default.removeItem(atPath: copy)

        try project.write("c00000000001", revises: ["c00000000002"], upgrade: "SELECT 1;")
        try project.write("c00000000002", revises: ["c00000000001"], upgrade: "SELECT 1;")
        result = try project.run("heads")
        #expect(result.status == 1)
        #expect(result.stderr.contains("graph.cycle"), "\(result.stderr)")
        #expect(try project.versionRows() == [])
        #expect(try !project.tableExists("g"))
    }
}

/// Failures that do not depend on the database.
@Suite("Configuration failures")
final class ConfigurationFailureTests {
    let folder = NSTemporaryDirectory() + "migrate-cfg-" + UUID().uuidString

    init() throws {
        try FileManager.default.createDirectory(atPath: folder + "/migrations/versions", withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func noConfigFile() throws {
        let result = try CommandResult.run(["current"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[config.not-found]"), "\(result.stderr)")
        #expect(result.stderr.contains("migrate init"))
    }

    @Test func unknownSchemeAndRedaction() throws {
        try "[migrate]\nscript_location = %(here)s/migrations\n".write(toFile: folder + "/migrate.ini", atomically: true, encoding: .utf8)
        var result = try CommandResult.run(["current", "--url", "oracle://scott:tiger42@db/x"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("url.unknown-scheme"), "\(result.stderr)")
        #expect(!result.stderr.contains("tiger42"))
        result = try CommandResult.run(
            ["current"], in: folder, environment: ["DATABASE_URL": "postgresql://app:hunter2secret@127.0.0.1:1/app?connect_timeout=2"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("app:***@"), "\(result.stderr)")
        #expect(!result.stderr.contains("hunter2secret"))
    }

    @Test func unwritableSQLitePath() throws {
        try "[migrate]\nscript_location = %(here)s/migrations\nurl = sqlite:////nonexistent-folder/x/app.db\n"
            .write(toFile: folder + "/migrate.ini", atomically: true, encoding: .utf8)
        let result = try CommandResult.run(["upgrade", "head"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent-folder/x/app.db"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent-folder"))
    }

    @Test func currentCreatesNoSQLiteFile() throws {
        try "[migrate]\nscript_location = %(here)s/migrations\nurl = sqlite:///absent.db\n"
            .write(toFile: folder + "/migrate.ini", atomically: true, encoding: .utf8)
        let result = try CommandResult.run(["current", "--verbose"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("base (nothing applied)"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/absent.db"))
    }

    @Test func missingScriptLocation() throws {
        try "[migrate]\nurl = sqlite:///x.db\n".write(toFile: folder + "/migrate.ini", atomically: true, encoding: .utf8)
        let result = try CommandResult.run(["heads"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("script_location"), "\(result.stderr)")
    }

    @Test func initRefusesNonEmptyFolder() throws {
        var result = try CommandResult.run(["init", "fresh"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/fresh/script.sql.template"))
        #expect(FileManager.default.fileExists(atPath: folder + "/migrate.ini"))
        #expect(try String(contentsOfFile: folder + "/fresh/.gitignore", encoding: .utf8) == ".migrate-cache/\n")
        let before = try String(contentsOfFile: folder + "/fresh/script.sql.template", encoding: .utf8)
        result = try CommandResult.run(["init", "fresh"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("init.folder-not-empty"))
        #expect(try String(contentsOfFile: folder + "/fresh/script.sql.template", encoding: .utf8) == before)
    }

    @Test func usageErrorsExit64() throws {
        let result = try CommandResult.run(["upgrade", "head", "--no-such-option"], in: folder)
        #expect(result.status == 64)
        let drop = try CommandResult.run(["database", "drop", "--url", "sqlite:///x.db"], in: folder)
        #expect(drop.status == 64)
        #expect(drop.stderr.contains("--yes"))
    }
}
