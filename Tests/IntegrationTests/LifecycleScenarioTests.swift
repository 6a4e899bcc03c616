import Foundation
import Testing

/// init → revision → upgrade → current → history → downgrade → stamp, through
/// the `migrate` binary, on every database.
@Suite("Lifecycle through the CLI")
struct LifecycleScenarioTests {
    @Test(arguments: TestBackend.allCases)
    func revisionUpgradeDowngradeStamp(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        var result = try project.run("revision", "-m", "Create notes table", "--rev-id", "aaaa00000001")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("aaaa00000001_create_notes_table.sql"))
        let first = project.versions + "/aaaa00000001_create_notes_table.sql"
        let template = try String(contentsOfFile: first, encoding: .utf8)
        #expect(template.contains("-- Revision ID: aaaa00000001"))
        try template.replacingOccurrences(
            of: "-- migrate:upgrade\n",
            with: "-- migrate:upgrade\nCREATE TABLE notes (id INTEGER PRIMARY KEY, text VARCHAR(100), completed BOOLEAN);\n"
        ).replacingOccurrences(of: "-- migrate:downgrade\n", with: "-- migrate:downgrade\nDROP TABLE notes;\n")
            .write(toFile: first, atomically: true, encoding: .utf8)
        try project.write(
            "bbbb00000002", revises: ["aaaa00000001"], message: "Create users",
            upgrade: "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL UNIQUE);",
            downgrade: "DROP TABLE users;")

        result = try project.run("upgrade", "head")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Running upgrade <base> -> aaaa00000001 (Create notes table) ..."))
        #expect(result.stdout.contains("Running upgrade aaaa00000001 -> bbbb00000002 (Create users) ..."))
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(try project.tableExists("notes") && project.tableExists("users"))
        #expect(try project.versionRows() == ["aaaa00000001:applied", "bbbb00000002:applied"])

        result = try project.run("upgrade", "head")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Nothing to upgrade: the database is at bbbb00000002."))

        result = try project.run("current")
        #expect(result.stdout == "bbbb00000002 (head)\n")

        result = try project.run("history", "--indicate-current")
        #expect(
            result.stdout == """
                aaaa00000001 -> bbbb00000002 (head) (current), Create users
                <base> -> aaaa00000001, Create notes table

                """)

        result = try project.run("downgrade", "-1")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Running downgrade bbbb00000002 -> aaaa00000001 (Create users) ..."))
        #expect(try !project.tableExists("users") && project.tableExists("notes"))
        #expect(try project.versionRows() == ["aaaa00000001:applied"])

        result = try project.run("downgrade", "base")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try !project.tableExists("notes"))
        #expect(try project.versionRows() == [])

        result = try project.run("stamp", "bbbb")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try project.versionRows() == ["aaaa00000001:applied", "bbbb00000002:applied"])
        #expect(try !project.tableExists("notes"), "stamp must not run SQL")

        result = try project.run("stamp", "base")
        #expect(try project.versionRows() == [])
        result = try project.run("upgrade", "+1")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try project.versionRows() == ["aaaa00000001:applied"])
    }

    @Test(arguments: TestBackend.allCases)
    func editedRevisionIsReported(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        let path = try project.write("cccc00000001", upgrade: "CREATE TABLE t1 (id INTEGER);", downgrade: "DROP TABLE t1;")
        #expect(try project.run("upgrade", "head").status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "(id INTEGER)", with: "(id INTEGER, x INTEGER)")
            .write(toFile: path, atomically: true, encoding: .utf8)
        for command in ["current", "upgrade"] {
            let result = try project.run(command, command == "upgrade" ? "head" : "--verbose")
            #expect(result.status == 0)
            #expect(
                result.stderr.contains("Revision cccc00000001 (\(path)) was edited after it was applied"), "\(command): \(result.stderr)")
        }
    }

    @Test(arguments: TestBackend.allCases)
    func branchesAndMergeApplyInOrder(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        try project.write("r00000000001", upgrade: "CREATE TABLE base_t (id INTEGER);", downgrade: "DROP TABLE base_t;")
        try project.write(
            "a00000000002", revises: ["r00000000001"], upgrade: "CREATE TABLE a_t (id INTEGER);", downgrade: "DROP TABLE a_t;")
        try project.write(
            "b00000000003", revises: ["r00000000001"], upgrade: "CREATE TABLE b_t (id INTEGER);", downgrade: "DROP TABLE b_t;")
        var result = try project.run("upgrade", "head")
        #expect(result.status == 1)
        #expect(result.stderr.contains("Multiple heads (a00000000002, b00000000003)"), "\(result.stderr)")
        #expect(try project.versionRows() == [])

        result = try project.run("merge", "-m", "Join", "--rev-id", "m00000000004", "heads")
        #expect(result.status == 0, "\(result.stderr)")
        result = try project.run("upgrade", "head")
        #expect(result.status == 0, "\(result.stderr)")
        let order = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Running") }
        #expect(
            order.map { String($0.components(separatedBy: " -> ")[1].prefix(12)) } == [
                "r00000000001", "a00000000002", "b00000000003", "m00000000004",
            ])
        #expect(result.stdout.contains("Running upgrade (a00000000002, b00000000003) -> m00000000004"))
        result = try project.run("downgrade", "-1")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try project.versionRows() == ["a00000000002:applied", "b00000000003:applied", "r00000000001:applied"])
        result = try project.run("current")
        #expect(result.stdout == "a00000000002\nb00000000003\n")
    }
}
