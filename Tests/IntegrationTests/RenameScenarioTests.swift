import Foundation
import Testing

@testable import MigrateKit

/// Issue 11, part 1: a renamed table or column keeps its rows on every
/// database. Autogenerate refuses a suspected rename nobody answered,
/// writes a confirmed one as `RENAME`, and the downgrade renames back.
@Suite("Renames keep the data")
struct RenameScenarioTests {
    static let notes = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text VARCHAR(100), completed VARCHAR(20));"
    static let seed = "INSERT INTO notes (id, text, completed) VALUES (1, 'buy milk', 'yes'), (2, 'call', 'no');"

    /// A project at head on `old`, seeded, with `new` declared.
    static func project(_ backend: TestBackend, old: String, seed: String, new: String) throws -> AutogenerateProject {
        let project = try AutogenerateProject(backend)
        try project.write("aaaa00000001", message: "Old schema", upgrade: old)
        try project.expectSuccess("upgrade", "head")
        try project.execute(seed)
        try project.declare(new)
        return project
    }

    static func values(_ project: AutogenerateProject, _ sql: String) throws -> [String] {
        let connection = try project.project.connect()
        defer { connection.close() }
        return try connection.query(sql).map { $0.map { $0.string ?? "NULL" }.joined(separator: "|") }
    }

    /// Generates with `arguments`, upgrades, checks, downgrades: the values
    /// read by `afterUpgrade` and `afterDowngrade` survive both ways.
    static func roundTrip(
        _ project: AutogenerateProject, _ arguments: [String], afterUpgrade: String, afterDowngrade: String,
        expected: [String]
    ) throws -> String {
        let old = try project.inspect()
        let generated = try CommandResult.run(["revision", "--autogenerate", "-m", "Rename"] + arguments, in: project.folder)
        #expect(generated.status == 0, "\(generated.stderr)")
        let path = try #require(project.revisionFiles().first { !$0.contains("aaaa00000001") })
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try project.expectSuccess("upgrade", "head")
        #expect(try values(project, afterUpgrade) == expected, "\(text)")
        let check = try project.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)\n\(text)")
        try project.expectSuccess("downgrade", "-1")
        #expect(try values(project, afterDowngrade) == expected, "\(text)")
        #expect(try project.inspect() == old, "\(text)")
        return text
    }

    @Test(arguments: TestBackend.allCases)
    func suspectedRenameWithoutAnAnswerIsRefused(_ backend: TestBackend) throws {
        let project = try Self.project(
            backend, old: Self.notes, seed: Self.seed, new: Self.notes.replacingOccurrences(of: "completed", with: "done"))
        let refused = try project.run("revision", "--autogenerate", "-m", "Rename")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error[autogenerate.suspected-rename]"), "\(refused.stderr)")
        #expect(refused.stderr.contains("notes.completed to notes.done: pass --rename notes.completed=notes.done"), "\(refused.stderr)")
        #expect(try project.revisionFiles().count == 1)
    }

    @Test(arguments: TestBackend.allCases)
    func renamedColumnKeepsItsValues(_ backend: TestBackend) throws {
        let project = try Self.project(
            backend, old: Self.notes, seed: Self.seed, new: Self.notes.replacingOccurrences(of: "completed", with: "done"))
        let text = try Self.roundTrip(
            project, ["--rename", "notes.completed=notes.done"],
            afterUpgrade: "SELECT id, done FROM notes ORDER BY id", afterDowngrade: "SELECT id, completed FROM notes ORDER BY id",
            expected: ["1|yes", "2|no"])
        #expect(text.contains("ALTER TABLE notes RENAME COLUMN completed TO done;"), "\(text)")
        #expect(text.contains("ALTER TABLE notes RENAME COLUMN done TO completed;"), "\(text)")
        #expect(!text.contains("DROP COLUMN"), "\(text)")
    }

    @Test(arguments: TestBackend.allCases)
    func renameWithATypeChangeKeepsItsValues(_ backend: TestBackend) throws {
        let new = Self.notes.replacingOccurrences(of: "completed VARCHAR(20)", with: "done VARCHAR(50) NOT NULL")
        let project = try Self.project(backend, old: Self.notes, seed: Self.seed, new: new)
        let text = try Self.roundTrip(
            project, ["--rename", "notes.completed=done"],
            afterUpgrade: "SELECT id, done FROM notes ORDER BY id", afterDowngrade: "SELECT id, completed FROM notes ORDER BY id",
            expected: ["1|yes", "2|no"])
        #expect(text.contains("RENAME COLUMN completed TO done"), "\(text)")
        #expect(text.contains("-- DATA LOSS: sets NOT NULL on notes.done"), "\(text)")
    }

    @Test(arguments: TestBackend.allCases)
    func renamedReferencedTableKeepsItsRowsAndReferences(_ backend: TestBackend) throws {
        let old = """
            CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(50));
            CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER,
                CONSTRAINT books_author_fk FOREIGN KEY (author_id) REFERENCES authors (id));
            """
        let seed = "INSERT INTO authors (id, name) VALUES (1, 'Le Guin'); INSERT INTO books (id, author_id) VALUES (10, 1);"
        let project = try Self.project(backend, old: old, seed: seed, new: old.replacingOccurrences(of: "authors", with: "writers"))
        let refused = try project.run("revision", "--autogenerate", "-m", "Rename")
        #expect(refused.stderr.contains("--rename authors=writers"), "\(refused.stderr)")
        let text = try Self.roundTrip(
            project, ["--rename", "authors=writers"],
            afterUpgrade: "SELECT b.id, w.name FROM books b JOIN writers w ON w.id = b.author_id",
            afterDowngrade: "SELECT b.id, a.name FROM books b JOIN authors a ON a.id = b.author_id", expected: ["10|Le Guin"])
        #expect(text.contains("ALTER TABLE authors RENAME TO writers;"), "\(text)")
        #expect(!text.contains("DROP TABLE"), "\(text)")
        let declared = try project.declaredSchema()
        #expect(declared.tables["books"]?.foreignKeys.first?.referencedTable == "writers")
    }

    /// `--no-rename`: the drop and add the schema shows, named as data loss.
    @Test(arguments: TestBackend.allCases)
    func noRenameWritesTheDropAndAddMarkedAsDataLoss(_ backend: TestBackend) throws {
        let project = try Self.project(
            backend, old: Self.notes, seed: Self.seed, new: Self.notes.replacingOccurrences(of: "completed", with: "done"))
        let generated = try project.expectSuccess("revision", "--autogenerate", "-m", "Replace", "--no-rename")
        #expect(generated.stderr.contains("warning: DATA LOSS: drops column notes.completed\n"), "\(generated.stderr)")
        let path = try #require(project.revisionFiles().first { !$0.contains("aaaa00000001") })
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("-- DATA LOSS: drops column notes.completed\n"), "\(text)")
        #expect(!text.contains("RENAME"), "\(text)")
    }

    @Test func renameThatTheSchemasDoNotShowIsAnError() throws {
        let project = try Self.project(
            .sqlite, old: Self.notes, seed: Self.seed, new: Self.notes.replacingOccurrences(of: "completed", with: "done"))
        let wrong = try project.run("revision", "--autogenerate", "-m", "R", "--rename", "notes.finished=notes.done")
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("error[autogenerate.rename-does-not-apply]"), "\(wrong.stderr)")
        #expect(wrong.stderr.contains("no column notes.finished"), "\(wrong.stderr)")
        let malformed = try project.run("revision", "--autogenerate", "-m", "R", "--rename", "notes.completed")
        #expect(malformed.status == 64, "\(malformed.stderr)")
        #expect(try project.revisionFiles().count == 1)
    }

    /// On a terminal the question is asked; `y` writes the rename.
    @Test func terminalAsksAndYesRenames() throws {
        let project = try Self.project(
            .sqlite, old: Self.notes, seed: Self.seed, new: Self.notes.replacingOccurrences(of: "completed", with: "done"))
        let command = "\(CommandResult.binary) revision --autogenerate -m Rename"
        let result = try CommandResult.run(
            executable: "/bin/sh", ["-c", "printf 'y\\n' | script -qec '\(command)' /dev/null"], in: project.folder,
            timeout: 60)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Did you rename notes.completed to notes.done? [y/N]"), "\(result.stdout)")
        let path = try #require(project.revisionFiles().first { !$0.contains("aaaa00000001") })
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("RENAME COLUMN completed TO done"), "\(text)")
    }
}
