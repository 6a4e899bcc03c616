import Foundation
import Testing

/// The rest of the Alembic vocabulary: show, history ranges, stamp --purge,
/// revision options, ambiguous targets.
@Suite("Command surface")
struct CommandSurfaceTests {
    @Test(arguments: TestBackend.allCases)
    func stampPurgeShowHistoryRanges(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        try project.write("ab0000000001", message: "One", upgrade: "CREATE TABLE one_t (id INTEGER);", downgrade: "DROP TABLE one_t;")
        try project.write(
            "ab0000000002", revises: ["ab0000000001"], message: "Two", upgrade: "CREATE TABLE two_t (id INTEGER);",
            downgrade: "DROP TABLE two_t;")
        try project.write(
            "cd0000000003", revises: ["ab0000000002"], message: "Three", upgrade: "CREATE TABLE three_t (id INTEGER);",
            downgrade: "DROP TABLE three_t;")

        var result = try project.run("upgrade", "ab")
        #expect(result.status == 64)
        #expect(result.stderr.contains("error[graph.ambiguous-target]"), "\(result.stderr)")
        #expect(result.stderr.contains("ab0000000001") && result.stderr.contains("ab0000000002"))

        result = try project.run("upgrade", "ab0000000002")
        #expect(result.status == 0, "\(result.stderr)")
        result = try project.run("history", "-r", "current:")
        #expect(
            result.stdout == """
                ab0000000002 -> cd0000000003 (head), Three
                ab0000000001 -> ab0000000002, Two

                """, "\(result.stderr)")
        result = try project.run("history", "-r", ":ab0000000001")
        #expect(result.stdout == "<base> -> ab0000000001, One\n")

        result = try project.run("show", "cd")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Rev: cd0000000003 (head)"))
        #expect(result.stdout.contains("Parent: ab0000000002"))
        #expect(result.stdout.contains("CREATE TABLE three_t (id INTEGER);"))

        // A revision the files no longer define: stamp refuses, --purge rewrites.
        let connection = try project.connect()
        try connection.execute(
            "INSERT INTO migrate_version (revision, checksum, applied_at, execution_ms, state) VALUES ('ffff00000000', NULL, CURRENT_TIMESTAMP, 0, 'applied')"
        )
        connection.close()
        result = try project.run("upgrade", "head")
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[run.unknown-revision]: The database has revision ffff00000000 applied"), "\(result.stderr)")
        result = try project.run("stamp", "ab0000000001")
        #expect(result.status == 1)
        result = try project.run("stamp", "--purge", "ab0000000001")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try project.versionRows() == ["ab0000000001:applied"])
        #expect(try project.tableExists("two_t"), "stamp never runs SQL")
    }

    @Test func revisionOptionsWriteTheHeader() throws {
        let project = try CLIProject(.sqlite)
        var result = try project.run("revision", "-m", "Root", "--rev-id", "root00000001")
        #expect(result.status == 0, "\(result.stderr)")
        result = try project.run("revision", "-m", "Second", "--rev-id", "sec000000002")
        result = try project.run("revision", "-m", "Side branch", "--rev-id", "side00000003", "--head", "root00000001")
        #expect(result.status == 64)
        #expect(result.stderr.contains("error[revision.not-a-head]"), "\(result.stderr)")
        result = try project.run(
            "revision", "-m", "Side branch!", "--rev-id", "side00000003", "--head", "root00000001", "--splice",
            "--branch-label", "side", "--depends-on", "sec0")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: project.versions + "/side00000003_side_branch.sql", encoding: .utf8)
        #expect(text.contains("-- Revises: root00000001\n"))
        #expect(text.contains("-- Branch Labels: side\n"))
        #expect(text.contains("-- Depends On: sec000000002\n"))
        result = try project.run("revision", "-m", "After", "--rev-id", "x00000000004")
        #expect(result.status == 64)
        #expect(result.stderr.contains("Multiple heads (sec000000002, side00000003)"), "\(result.stderr)")
        result = try project.run("revision", "-m", "On side", "--rev-id", "x00000000004", "--head", "side@head")
        #expect(result.status == 0, "\(result.stderr)")
        result = try project.run("revision", "-m", "Dup", "--rev-id", "x00000000004", "--head", "side@head")
        #expect(result.status == 1)
        #expect(result.stderr.contains("revision.duplicate-id"))
        result = try project.run("heads")
        #expect(
            result.stdout == """
                root00000001 -> sec000000002 (head), Second
                side00000003 -> x00000000004 (head), On side

                """, "\(result.stdout)")
    }

    @Test func headsResolvingDependenciesAndMergeOfOneHead() throws {
        let project = try CLIProject(.sqlite)
        try project.write("root00000001", upgrade: "SELECT 1;")
        try project.write("lib000000002", revises: ["root00000001"], upgrade: "SELECT 1;", header: "-- Branch Labels: lib")
        try project.write("app000000003", revises: [], upgrade: "SELECT 1;", header: "-- Depends On: lib000000002")
        var result = try project.run("heads")
        #expect(result.stdout.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 2, "\(result.stdout)")
        result = try project.run("heads", "--resolve-dependencies")
        #expect(result.stdout == "<base> -> app000000003 (head), Revision app000000003\n", "\(result.stdout)")

        result = try project.run("merge", "-m", "Nothing", "app000000003")
        #expect(result.status == 64)
        #expect(result.stderr.contains("error[merge.single-head]"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.versions).count == 3)
    }
}
