import Foundation
import Testing

@testable import MigrateKit

/// Issue 11, part 2: changes that can lose data are named in the file and
/// on the console, and the downgrade of a widening fails rather than cut a
/// value that no longer fits.
@Suite("Lossy changes are named and never silent")
struct DataLossScenarioTests {
    static let users = "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50), fax VARCHAR(20), age BIGINT);"

    @Test(arguments: TestBackend.allCases)
    func lossyChangesAreMarkedInTheFileAndOnTheConsole(_ backend: TestBackend) throws {
        let project = try RenameScenarioTests.project(
            backend, old: Self.users, seed: "",
            new: "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, age INTEGER);")
        let generated = try project.expectSuccess("revision", "--autogenerate", "-m", "Narrow")
        let path = try #require(project.revisionFiles().first { !$0.contains("aaaa00000001") })
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let upgrade = String(text[..<(text.range(of: "-- migrate:downgrade")?.lowerBound ?? text.endIndex)])
        let lines = [
            "DATA LOSS: drops column users.fax",
            "DATA LOSS: narrows type \(backend.spelling("VARCHAR(50)")) to \(backend.spelling("VARCHAR(20)")) on users.name; "
                + "sets NOT NULL on users.name, which may hold NULLs",
            "DATA LOSS: narrows type \(backend.spelling("BIGINT")) to \(backend.spelling("INTEGER")) on users.age",
        ]
        for line in lines {
            #expect(upgrade.contains("-- " + line + "\n"), "\(text)")
            #expect(generated.stderr.contains("warning: " + line + "\n"), "\(generated.stderr)")
        }
        // The downgrade adds back and widens: nothing lost there.
        let downgrade = text[(text.range(of: "-- migrate:downgrade")?.upperBound ?? text.endIndex)...]
        #expect(!downgrade.contains("DATA LOSS"), "\(text)")
    }

    /// Widen, store a value only the wide type holds, downgrade: PostgreSQL
    /// and MySQL refuse with the statement named; the value and the version
    /// table stay as they were. SQLite does not enforce declared lengths:
    /// the downgrade runs and the value is kept whole.
    @Test(arguments: TestBackend.allCases)
    func downgradeOfAWideningNeverTruncates(_ backend: TestBackend) throws {
        let project = try AutogenerateProject(backend)
        let narrow = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text VARCHAR(10));"
        try project.write("aaaa00000001", message: "Notes", upgrade: narrow)
        try project.expectSuccess("upgrade", "head")
        try project.declare(narrow.replacingOccurrences(of: "VARCHAR(10)", with: "VARCHAR(100)"))
        try project.expectSuccess("revision", "--autogenerate", "-m", "Widen", "--rev-id", "bbbb00000002")
        try project.expectSuccess("upgrade", "head")
        let long = String(repeating: "x", count: 60)
        try project.execute("INSERT INTO notes (id, text) VALUES (1, '\(long)')")

        let downgrade = try project.run("downgrade", "-1")
        let stored = try RenameScenarioTests.values(project, "SELECT text FROM notes")
        #expect(stored == [long])
        if backend == .sqlite {
            #expect(downgrade.status == 0, "\(downgrade.stderr)")
            #expect(try project.project.versionRows() == ["aaaa00000001:applied"])
            return
        }
        #expect(downgrade.status == 1, "\(downgrade.stdout)\(downgrade.stderr)")
        #expect(downgrade.stderr.contains("ALTER TABLE notes"), "\(downgrade.stderr)")
        #expect(
            downgrade.stderr.contains("value too long for type character varying(10)")
                || downgrade.stderr.contains("Data too long") || downgrade.stderr.contains("Data truncated"),
            "\(downgrade.stderr)")
        // PostgreSQL rolled back; MySQL (no transactional DDL) shows the
        // downgrade it did not finish, as for any failure there.
        let rows = try project.project.versionRows()
        #expect(rows == ["aaaa00000001:applied", "bbbb00000002:\(backend == .mysql ? "reverting" : "applied")"], "\(rows)")
        let current = try project.run("current")
        #expect(current.stdout.contains("bbbb00000002"), "\(current.stdout)\(current.stderr)")

        // Once the value fits, the same downgrade runs to the end.
        try project.execute("UPDATE notes SET text = 'short'")
        let again = try project.run("downgrade", "-1")
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(try project.project.versionRows() == ["aaaa00000001:applied"])
        #expect(try RenameScenarioTests.values(project, "SELECT text FROM notes") == ["short"])
    }
}

extension TestBackend {
    /// A type as this backend's inspector reports it.
    func spelling(_ type: String) -> String {
        switch self {
        case .sqlite: type
        case .postgresql:
            type.replacingOccurrences(of: "VARCHAR", with: "character varying").replacingOccurrences(of: "BIGINT", with: "bigint")
                .replacingOccurrences(of: "INTEGER", with: "integer")
        case .mysql:
            type.lowercased().replacingOccurrences(of: "integer", with: "int")
        }
    }
}
