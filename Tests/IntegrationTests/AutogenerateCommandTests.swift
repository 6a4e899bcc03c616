import Foundation
import Testing

@testable import MigrateKit

/// `revision --autogenerate` and `check` beyond the corpus: nothing to do,
/// suspected renames, errors in the declared schema, and the project's own example.
@Suite("Autogenerate and check through the CLI")
struct AutogenerateCommandTests {
    @Test(arguments: TestBackend.allCases)
    func nothingDiffersWritesNoFile(_ backend: TestBackend) throws {
        let project = try AutogenerateProject(backend)
        try project.write("aaaa00000001", message: "Notes", upgrade: CorpusCase.base)
        try project.expectSuccess("upgrade", "head")
        try project.declare(CorpusCase.base)
        let result = try project.expectSuccess("revision", "--autogenerate", "-m", "Nothing")
        #expect(result.stdout == "No changes detected; no revision written.\n")
        #expect(try project.revisionFiles().count == 1)
        let check = try project.expectSuccess("check")
        #expect(check.stdout == "No differences: the database matches the declared schema.\n")
        let empty = try project.expectSuccess("revision", "--autogenerate", "--empty", "-m", "Empty anyway")
        #expect(empty.stdout.hasPrefix("Generated "))
        #expect(try project.revisionFiles().count == 2)
    }

    /// The declared schema is cached under the migrations folder, and an
    /// edit to schema.sql is seen at once.
    @Test(arguments: TestBackend.allCases)
    func cacheFollowsTheDeclaredFiles(_ backend: TestBackend) throws {
        let project = try AutogenerateProject(backend)
        try project.write("aaaa00000001", message: "Notes", upgrade: CorpusCase.base)
        try project.expectSuccess("upgrade", "head")
        try project.declare(CorpusCase.base)
        try project.expectSuccess("check")
        let cache = project.folder + "/migrations/.migrate-cache/declared-\(backend.dialect.name).json"
        #expect(FileManager.default.fileExists(atPath: cache))
        try project.expectSuccess("check")
        try project.declare("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(60));")
        #expect(try project.run("check").status == 1)
        try project.declare(CorpusCase.base)
        try project.expectSuccess("check")
    }

    @Test(arguments: TestBackend.allCases)
    func checkListsDifferencesAndExitsOne(_ backend: TestBackend) throws {
        let project = try AutogenerateProject(backend)
        try project.write("aaaa00000001", message: "Notes", upgrade: CorpusCase.base)
        try project.expectSuccess("upgrade", "head")
        try project.declare(CorpusCase.base + "\nCREATE TABLE tag (id INTEGER PRIMARY KEY);")
        let check = try project.run("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("tag"), "\(check.stdout)")

        let json = try project.run("check", "--format", "json")
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["matches"] as? Bool == false, "\(json.stdout)")
        let changes = object?["changes"] as? [[String: String]] ?? []
        #expect(changes.map { $0["table"] } == ["tag"], "\(json.stdout)")
        #expect(changes.first?["summary"]?.contains("tag") == true)
        try project.declare(CorpusCase.base)
        let clean = try project.run("check", "--format", "json")
        #expect(clean.status == 0)
        #expect(clean.stdout == "{\"changes\":[],\"matches\":true,\"not_compared\":[]}\n")
    }

    /// Generated SQL is the dialect's own: it goes into a section marked
    /// with the dialect, and the plain section that other databases run
    /// holds only a comment.
    @Test(arguments: TestBackend.allCases)
    func generatedSQLGoesIntoTheDialectsSection(_ backend: TestBackend) throws {
        let project = try AutogenerateProject(backend)
        try project.declare(CorpusCase.base)
        try project.expectSuccess("revision", "--autogenerate", "-m", "Base")
        let text = try String(contentsOfFile: try project.revisionFiles()[0], encoding: .utf8)
        let name = backend.dialect.name
        let script = try RevisionScript.parse(text, path: "generated.sql")
        let splitter = StatementSplitter(flavor: backend.dialect.splitterFlavor)
        let plain = script.sections.filter { $0.dialect == nil }
        let own = script.sections.filter { $0.dialect == name }
        #expect(try plain.count == 2 && plain.allSatisfy { try splitter.split($0.body).isEmpty }, "\(text)")
        #expect(try own.count == 2 && own.allSatisfy { try !splitter.split($0.body).isEmpty }, "\(text)")
        #expect(text.contains("-- migrate:upgrade dialect=\(name)\n"), "\(text)")
        try project.expectSuccess("upgrade", "head")
        try project.expectSuccess("check")
    }

    /// A table left out by `exclude_tables` is named in a warning, and
    /// `check --strict` fails on it.
    @Test(arguments: TestBackend.allCases)
    func excludedTablesAreNamedAndStrictCheckFails(_ backend: TestBackend) throws {
        let project = try AutogenerateProject(backend, extraConfig: "exclude_tables = legacy_*")
        try project.write("aaaa00000001", message: "Notes", upgrade: CorpusCase.base)
        try project.expectSuccess("upgrade", "head")
        try project.execute("CREATE TABLE legacy_orders (id INTEGER PRIMARY KEY)")
        try project.declare(CorpusCase.base)
        let check = try project.expectSuccess("check")
        #expect(check.stderr.contains("warning: not compared") && check.stderr.contains("excluded table legacy_orders"), "\(check.stderr)")
        #expect(!check.stderr.contains("migrate_version"), "\(check.stderr)")
        let strict = try project.run("check", "--strict")
        #expect(strict.status == 1, "\(strict.stdout)\(strict.stderr)")
        let inspect = try project.expectSuccess("inspect")
        #expect(inspect.stderr.contains("excluded table legacy_orders"), "\(inspect.stderr)")
    }

    @Test(arguments: TestBackend.allCases)
    func notAtHeadIsAnError(_ backend: TestBackend) throws {
        let project = try AutogenerateProject(backend)
        try project.write("aaaa00000001", message: "Notes", upgrade: CorpusCase.base)
        try project.declare(CorpusCase.base)
        let check = try project.run("check")
        #expect(check.status == 1)
        #expect(check.stderr.contains("error[autogenerate.not-at-head]"), "\(check.stderr)")
        #expect(check.stderr.contains("run `migrate upgrade head` first"))
        let revision = try project.run("revision", "--autogenerate", "-m", "Too early")
        #expect(revision.status == 1)
        #expect(try project.revisionFiles().count == 1)
    }

    @Test(arguments: TestBackend.allCases)
    func confirmedRenameIsWrittenAsARename(_ backend: TestBackend) throws {
        let project = try AutogenerateProject(backend)
        try project.write("aaaa00000001", message: "Notes", upgrade: CorpusCase.base)
        try project.expectSuccess("upgrade", "head")
        try project.declare("CREATE TABLE t (id INTEGER PRIMARY KEY, full_name VARCHAR(50));")
        try project.expectSuccess("revision", "--autogenerate", "-m", "Rename name", "--rename", "t.name=t.full_name")
        let path = try #require(project.revisionFiles().last { !$0.contains("aaaa00000001") })
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("RENAME COLUMN"), "\(text)")
        #expect(text.contains("full_name"))
    }

    @Test(arguments: TestBackend.allCases)
    func declaredSchemaErrorNamesFileAndLine(_ backend: TestBackend) throws {
        let project = try AutogenerateProject(backend)
        try project.write("aaaa00000001", message: "Notes", upgrade: CorpusCase.base)
        try project.expectSuccess("upgrade", "head")
        try project.declare(
            """
            -- the app's tables
            CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50));

            CREATE TABLE broken (id INTEGER PRIMARY KEY,, oops);
            """)
        let check = try project.run("check")
        #expect(check.status == 1)
        #expect(check.stderr.contains("error[schema.statement-failed]"), "\(check.stderr)")
        #expect(check.stderr.contains(project.folder + "/schema.sql:4"), "\(check.stderr)")
        #expect(try project.count("t") == 0)
    }

    /// With `dev_url`, the declared schema is applied there (PostgreSQL: in a
    /// temporary schema; MySQL: a temporary database on that server) and
    /// nothing is left behind.
    @Test(arguments: [TestBackend.postgresql, .mysql])
    func devURLIsUsedAndLeftClean(_ backend: TestBackend) throws {
        let devFolder = NSTemporaryDirectory()
        let dev = try backend.makeDatabase(in: devFolder)
        defer { backend.dispose(dev) }
        let devLine = "dev_url = " + dev.string.replacingOccurrences(of: "%", with: "%%")
        let project = try CLIProject(backend, extraConfig: "schema = %(here)s/schema.sql\n" + devLine)
        try project.write("aaaa00000001", upgrade: CorpusCase.base)
        #expect(try project.run("upgrade", "head").status == 0)
        try CorpusCase.base.write(toFile: project.folder + "/schema.sql", atomically: true, encoding: .utf8)
        let check = try project.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let connection = try backend.dialect.connect(to: dev)
        defer { connection.close() }
        #expect(try backend.dialect.inspector.inspect(connection).tables.isEmpty)
        if backend == .postgresql {
            let leftovers = try connection.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'migrate_scratch_%'")
            #expect(leftovers.isEmpty)
        }
    }

    @Test func noSchemaConfiguredIsAClearError() throws {
        let project = try CLIProject(.sqlite)
        try project.write("aaaa00000001", upgrade: CorpusCase.base)
        let result = try project.run("revision", "--autogenerate", "-m", "x")
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[autogenerate.no-schema]"))
        #expect(result.stderr.contains("schema = schema.sql"))
    }

    @Test func schemaFolderIsReadInNameOrder() throws {
        let project = try CLIProject(.sqlite, extraConfig: "schema = %(here)s/schema")
        try project.write("aaaa00000001", upgrade: CorpusCase.base + "\n" + CorpusCase.parent + "\n" + CorpusCase.child(CorpusCase.fk))
        #expect(try project.run("upgrade", "head").status == 0)
        try FileManager.default.createDirectory(atPath: project.folder + "/schema", withIntermediateDirectories: true)
        try CorpusCase.parent.write(toFile: project.folder + "/schema/01_parent.sql", atomically: true, encoding: .utf8)
        try CorpusCase.child(CorpusCase.fk).write(toFile: project.folder + "/schema/02_child.sql", atomically: true, encoding: .utf8)
        try CorpusCase.base.write(toFile: project.folder + "/schema/03_t.sql", atomically: true, encoding: .utf8)
        try "not sql".write(toFile: project.folder + "/schema/README.md", atomically: true, encoding: .utf8)
        let check = try project.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// The repository's own example: at head, its database matches schema.sql.
    @Test func projectExampleMatchesItsDeclaredSchema() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let folder = NSTemporaryDirectory() + "migrate-example-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["migrate.ini", "schema.sql", "migrations"] {
            try FileManager.default.copyItem(atPath: root + "/" + name, toPath: folder + "/" + name)
        }
        try? FileManager.default.removeItem(atPath: folder + "/migrations/.migrate-cache")
        #expect(try CommandResult.run(["upgrade", "head"], in: folder).status == 0)
        let check = try CommandResult.run(["check"], in: folder)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout == "No differences: the database matches the declared schema.\n")
    }
}
