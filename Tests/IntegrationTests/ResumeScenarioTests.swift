import Foundation
import Testing

/// A revision that ran outside a transaction and failed halfway resumes at
/// the first statement that did not complete, once the file is fixed, if
/// the statements that completed are unchanged (issue 9).
@Suite("Resuming half-applied revisions")
struct ResumeScenarioTests {
    static let first = "r00000000001"
    static let second = "r00000000002"

    /// Four statements; the third fails until it is fixed.
    static func writeFailing(_ project: CLIProject, third: String = "INSERT INTO missing_t VALUES (1);") throws -> String {
        try project.write(first, upgrade: "CREATE TABLE base_t (id INTEGER);", downgrade: "DROP TABLE base_t;")
        let path = try project.write(
            second, revises: [first],
            upgrade: "CREATE TABLE a_t (id INTEGER);\nINSERT INTO a_t VALUES (1);\n\(third)\nCREATE TABLE b_t (id INTEGER);",
            downgrade: "DROP TABLE b_t;\nDROP TABLE a_t;")
        try project.markNonTransactional(path, downgradeToo: true)
        return path
    }

    static func replace(_ old: String, with new: String, in path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func count(_ project: CLIProject, _ table: String) throws -> Int {
        let connection = try project.connect()
        defer { connection.close() }
        return try connection.scalar("SELECT COUNT(*) FROM \(table)")?.int ?? -1
    }

    @Test(arguments: TestBackend.allCases)
    func fixedStatementResumesWhereItStopped(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        let path = try Self.writeFailing(project)
        let failed = try project.run("upgrade", "head")
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("error[run.statement-failed]"), "\(failed.stderr)")
        #expect(failed.stderr.contains("2 of 4 statements done"), "\(failed.stderr)")
        #expect(failed.stderr.contains("`migrate upgrade`"), "\(failed.stderr)")
        #expect(try project.versionRows() == ["\(Self.first):applied", "\(Self.second):applying"])

        let current = try project.run("current")
        #expect(current.status == 0)
        #expect(current.stdout.contains("\(Self.second) (applying: 2 of 4 statements done)"), "\(current.stdout)")
        let check = try project.run("current", "--check-clean")
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stderr.contains("error[current.not-clean]"), "\(check.stderr)")

        // Not fixed yet: it fails again at the same statement, without
        // running the two completed ones again.
        let again = try project.run("upgrade", "head")
        #expect(again.status == 1)
        #expect(again.stderr.contains("missing_t"), "\(again.stderr)")
        #expect(try Self.count(project, "a_t") == 1)

        try Self.replace("INSERT INTO missing_t VALUES (1);", with: "INSERT INTO a_t VALUES (2);", in: path)
        let resumed = try project.run("upgrade", "head")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("Resuming upgrade \(Self.first) -> \(Self.second)"), "\(resumed.stdout)")
        #expect(resumed.stdout.contains("at statement 3 of 4"), "\(resumed.stdout)")
        #expect(try Self.count(project, "a_t") == 2, "the completed INSERT ran once")
        #expect(try project.tableExists("b_t"))
        #expect(try project.versionRows() == ["\(Self.first):applied", "\(Self.second):applied"])
        let clean = try project.run("current", "--check-clean")
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stderr.isEmpty, "the fixed file is recorded as applied: \(clean.stderr)")
    }

    @Test(arguments: TestBackend.allCases)
    func changedCompletedStatementIsRefused(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        let path = try Self.writeFailing(project)
        #expect(try project.run("upgrade", "head").status == 1)
        try Self.replace("INSERT INTO a_t VALUES (1);", with: "INSERT INTO a_t VALUES (7);", in: path)
        let refused = try project.run("upgrade", "head")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("error[run.resume-prefix-changed]: Revision \(Self.second)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("first 2 statements"), "\(refused.stderr)")
        #expect(refused.stderr.contains("`migrate stamp"), "\(refused.stderr)")
        #expect(try Self.count(project, "a_t") == 1)
        #expect(try project.versionRows() == ["\(Self.first):applied", "\(Self.second):applying"])
        // Put it back as it was, fix the failing one: it resumes.
        try Self.replace("INSERT INTO a_t VALUES (7);", with: "INSERT INTO a_t VALUES (1);", in: path)
        try Self.replace("INSERT INTO missing_t VALUES (1);", with: "SELECT 1;", in: path)
        let resumed = try project.run("upgrade", "head")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try project.versionRows() == ["\(Self.first):applied", "\(Self.second):applied"])
    }

    @Test(arguments: TestBackend.allCases)
    func downgradeResumesToo(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        let path = try Self.writeFailing(project, third: "SELECT 1;")
        try Self.replace("DROP TABLE b_t;\nDROP TABLE a_t;", with: "DROP TABLE b_t;\nDROP TABLE no_such_t;\nDROP TABLE a_t;", in: path)
        #expect(try project.run("upgrade", "head").status == 0)
        let failed = try project.run("downgrade", "-1")
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("1 of 3 statements done"), "\(failed.stderr)")
        #expect(try project.versionRows() == ["\(Self.first):applied", "\(Self.second):reverting"])
        let current = try project.run("current")
        #expect(current.stdout.contains("\(Self.second) (reverting: 1 of 3 statements done)"), "\(current.stdout)")
        // An upgrade does not go on top of a half-reverted revision.
        let upgrade = try project.run("upgrade", "head")
        #expect(upgrade.status == 1)
        #expect(upgrade.stderr.contains("error[run.half-applied]"), "\(upgrade.stderr)")
        #expect(upgrade.stderr.contains("`migrate downgrade"), "\(upgrade.stderr)")

        try Self.replace("DROP TABLE no_such_t;\n", with: "", in: path)
        let resumed = try project.run("downgrade", "-1")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("Resuming downgrade \(Self.second) -> \(Self.first)"), "\(resumed.stdout)")
        #expect(try project.versionRows() == ["\(Self.first):applied"])
        #expect(try !project.tableExists("a_t") && !project.tableExists("b_t"))
    }

    /// A version table written by the previous release has no progress
    /// columns: it is read as it is, and they are added on the first write.
    @Test(arguments: TestBackend.allCases)
    func previousReleaseVersionTableKeepsWorking(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        let dialect = backend.dialect
        let types = dialect.versionTableTypes
        let connection = try project.connect()
        try connection.execute(
            """
            CREATE TABLE migrate_version (
                revision \(types.revision) NOT NULL PRIMARY KEY, checksum \(types.text),
                applied_at \(types.timestamp) NOT NULL, execution_ms \(types.integer) NOT NULL,
                state \(types.revision) NOT NULL)
            """)
        try connection.execute(
            "INSERT INTO migrate_version (revision, checksum, applied_at, execution_ms, state) "
                + "VALUES ('\(Self.first)', NULL, CURRENT_TIMESTAMP, 5, 'applied')")
        try connection.execute("CREATE TABLE base_t (id INTEGER)")
        connection.close()
        try project.write(Self.first, upgrade: "CREATE TABLE base_t (id INTEGER);", downgrade: "DROP TABLE base_t;")
        try project.write(Self.second, revises: [Self.first], upgrade: "CREATE TABLE c_t (id INTEGER);", downgrade: "DROP TABLE c_t;")

        let current = try project.run("current")
        #expect(current.status == 0, "\(current.stderr)")
        #expect(current.stdout.contains(Self.first), "\(current.stdout)")
        let upgraded = try project.run("upgrade", "head")
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        #expect(try project.versionRows() == ["\(Self.first):applied", "\(Self.second):applied"])
        let reopened = try project.connect()
        defer { reopened.close() }
        #expect(try reopened.query("SELECT completed_statements, completed_checksum FROM migrate_version").count == 2)
        #expect(try project.run("downgrade", "base").status == 0)
    }
}
