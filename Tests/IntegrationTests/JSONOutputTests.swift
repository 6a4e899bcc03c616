import Foundation
import Testing

/// `--format json`: the documents the binary prints, decoded and checked key
/// by key.
@Suite("JSON output through the CLI")
struct JSONOutputTests {
    static let revisionKeys: Set<String> = [
        "revision", "parents", "message", "path", "branch_labels", "depends_on", "children", "create_date",
        "is_head", "is_base", "is_branch_point", "is_merge_point",
    ]

    /// root <- a (labelled `feature`), root <- b, b depends on a.
    func project(_ backend: TestBackend) throws -> CLIProject {
        let project = try CLIProject(backend)
        try project.write("r00000000001", message: "Root", upgrade: "CREATE TABLE r_t (id INTEGER);", downgrade: "DROP TABLE r_t;")
        try project.write(
            "a00000000002", revises: ["r00000000001"], message: "Branch a", upgrade: "CREATE TABLE a_t (id INTEGER);",
            downgrade: "DROP TABLE a_t;", header: "-- Branch Labels: feature")
        try project.write(
            "b00000000003", revises: ["r00000000001"], message: "Branch b", upgrade: "CREATE TABLE b_t (id INTEGER);",
            downgrade: "DROP TABLE b_t;", header: "-- Depends On: a00000000002")
        return project
    }

    /// Runs the binary and decodes its stdout as one JSON object.
    func json(_ project: CLIProject, _ arguments: String...) throws -> [String: Any] {
        let result = try CommandResult.run(arguments + ["--format", "json"], in: project.folder)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(result.stdout.hasSuffix("}\n") && result.stdout.filter { $0 == "\n" }.count == 1, "one line")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object, "\(result.stdout)")
    }

    func objects(_ value: Any?) -> [[String: Any]] { value as? [[String: Any]] ?? [] }

    @Test func graphCommands() throws {
        let project = try project(.sqlite)

        let heads = objects(try json(project, "heads")["heads"])
        #expect(heads.map { $0["revision"] as? String } == ["a00000000002", "b00000000003"])
        #expect(Set(heads[0].keys) == Self.revisionKeys)
        #expect(heads[0]["branch_labels"] as? [String] == ["feature"])
        #expect(heads[0]["is_head"] as? Bool == true)
        #expect(heads[0]["create_date"] as? String == "2026-11-23 10:00:00.000000")
        #expect(heads[1]["depends_on"] as? [String] == ["a00000000002"])
        #expect(heads[1]["parents"] as? [String] == ["r00000000001"])
        #expect((heads[1]["path"] as? String)?.hasSuffix("/migrations/versions/b00000000003_b00000000003.sql") == true)

        let history = try json(project, "history")
        #expect(Set(history.keys) == ["revisions", "current"])
        #expect(history["current"] is NSNull)
        let revisions = objects(history["revisions"])
        #expect(revisions.map { $0["revision"] as? String } == ["b00000000003", "a00000000002", "r00000000001"])
        #expect(revisions[2]["is_base"] as? Bool == true)
        #expect(revisions[2]["is_branch_point"] as? Bool == true)
        #expect(revisions[2]["children"] as? [String] == ["a00000000002", "b00000000003"])
        let ranged = objects(try json(project, "history", "-r", "r0:a0")["revisions"])
        #expect(ranged.map { $0["revision"] as? String } == ["a00000000002", "r00000000001"])

        let branches = objects(try json(project, "branches")["branches"])
        #expect(branches.count == 1)
        #expect(Set(branches[0].keys) == ["branch_point", "children"])
        #expect((branches[0]["branch_point"] as? [String: Any])?["revision"] as? String == "r00000000001")
        #expect(objects(branches[0]["children"]).map { $0["message"] as? String } == ["Branch a", "Branch b"])

        let show = try json(project, "show", "feature")
        #expect(Set(show.keys) == Self.revisionKeys.union(["sections"]))
        #expect(show["revision"] as? String == "a00000000002")
        let sections = objects(show["sections"])
        #expect(sections.map { $0["direction"] as? String } == ["upgrade", "downgrade"])
        #expect(sections[0]["sql"] as? String == "CREATE TABLE a_t (id INTEGER);")
        #expect(sections[0]["dialect"] is NSNull)
        #expect(sections[0]["transactional"] as? Bool == true)
    }

    @Test func currentAndHistoryOfADatabase() throws {
        let project = try project(.sqlite)
        var current = try json(project, "current")
        #expect(Set(current.keys) == ["database", "heads", "applied", "warnings"])
        #expect(objects(current["heads"]).isEmpty && objects(current["applied"]).isEmpty)
        #expect(current["database"] as? String == project.url.string)

        #expect(try project.run("upgrade", "feature@head").status == 0)
        current = try json(project, "current")
        #expect(objects(current["heads"]).map { $0["revision"] as? String } == ["a00000000002"])
        let applied = objects(current["applied"])
        #expect(applied.map { $0["revision"] as? String } == ["r00000000001", "a00000000002"])
        #expect(Set(applied[0].keys) == ["revision", "state", "applied_at", "execution_ms", "checksum"])
        #expect(applied[0]["state"] as? String == "applied")
        #expect(applied[0]["applied_at"] is String && applied[0]["execution_ms"] is Int)
        #expect((applied[0]["checksum"] as? String)?.count == 64)
        #expect(current["warnings"] as? [String] == [])

        let history = try json(project, "history", "--indicate-current")
        #expect(history["current"] as? [String] == ["a00000000002"])

        // An edited applied revision shows up as a warning.
        let path = project.versions + "/r00000000001_r00000000001.sql"
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "r_t (id", with: "r_t (x INTEGER, id")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let warnings = try json(project, "current")["warnings"] as? [String] ?? []
        #expect(warnings.count == 1 && warnings[0].contains("Revision r00000000001"), "\(warnings)")
    }

    @Test func errorsStayOnStderrWithTheSameExitCodes() throws {
        let project = try project(.sqlite)
        var result = try project.run("show", "zzzz", "--format", "json")
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error[graph.unknown-target]"), "\(result.stderr)")
        result = try project.run("upgrade", "head", "--format", "json")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error[graph.multiple-heads]"), "\(result.stderr)")
        result = try project.run("heads", "--format", "yaml")
        #expect(result.status == 64)
        result = try project.run("upgrade", "head", "--sql", "--format", "json")
        #expect(result.status == 64)
    }

    @Test(arguments: TestBackend.allCases)
    func upgradeAndDowngradeReportWhatRan(_ backend: TestBackend) throws {
        let project = try project(backend)
        var run = try json(project, "upgrade", "heads")
        #expect(Set(run.keys) == ["direction", "target", "steps", "total_ms", "heads", "warnings"])
        #expect(run["direction"] as? String == "upgrade")
        #expect(run["target"] as? String == "heads")
        let steps = objects(run["steps"])
        #expect(steps.map { $0["revision"] as? String } == ["r00000000001", "a00000000002", "b00000000003"])
        #expect(Set(steps[0].keys) == ["revision", "parents", "message", "path", "execution_ms"])
        #expect(steps[1]["message"] as? String == "Branch a")
        #expect(steps[1]["parents"] as? [String] == ["r00000000001"])
        let total = run["total_ms"] as? Int ?? -1
        #expect(total >= steps.compactMap { $0["execution_ms"] as? Int }.reduce(0, +))
        // b depends on a, so a is applied but not a current head (Alembic's
        // table would hold b alone).
        #expect(objects(run["heads"]).map { $0["revision"] as? String } == ["b00000000003"])
        #expect(try project.versionRows() == ["a00000000002:applied", "b00000000003:applied", "r00000000001:applied"])

        run = try json(project, "upgrade", "heads")
        #expect(objects(run["steps"]).isEmpty)

        run = try json(project, "downgrade", "r00000000001")
        #expect(run["direction"] as? String == "downgrade")
        #expect(objects(run["steps"]).map { $0["revision"] as? String } == ["b00000000003", "a00000000002"])
        #expect(objects(run["heads"]).map { $0["revision"] as? String } == ["r00000000001"])
        #expect(try project.versionRows() == ["r00000000001:applied"])
    }
}
