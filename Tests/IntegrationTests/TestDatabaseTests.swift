import Foundation
import Testing

@testable import MigrateKit
@testable import MigrateTesting

/// `TestDatabase` on every database, with the repository's notes migrations.
@Suite("TestDatabase")
struct TestDatabaseTests {
    @Test(arguments: TestBackend.allCases)
    func createsAUniqueDatabaseAtHeadAndDropsIt(_ backend: TestBackend) throws {
        let db = try TestDatabase.create(NotesProject.config(backend))
        let name = try #require(db.url.database)
        let expected = backend == .sqlite ? #"^/.*/migrate-test-[0-9a-f]{12}/test_app_[0-9a-f]{12}\.db$"# : #"^test_app_[0-9a-f]{12}$"#
        #expect(name.wholeMatch(of: try Regex(expected)) != nil, "\(name)")
        #expect(db.config.url == db.url)
        #expect(try backend.dialect.databaseExists(db.url))
        #expect(try backend.existingTables(["notes", "users"], in: db.url) == ["notes", "users"])
        #expect(try backend.versionRows(db.url) == ["\(NotesProject.first):applied", "\(NotesProject.head):applied"])
        #expect(try db.migrator().current().heads == [NotesProject.head])

        try db.drop()
        #expect(try !backend.dialect.databaseExists(db.url))
        if backend == .sqlite {
            let folder = (name as NSString).deletingLastPathComponent
            #expect(!FileManager.default.fileExists(atPath: folder), "the temp folder is removed too")
        }
        try db.drop()  // a second drop does nothing
    }

    @Test(arguments: TestBackend.allCases)
    func stopsAtTheRevisionAsked(_ backend: TestBackend) throws {
        let db = try TestDatabase.create(NotesProject.config(backend), revision: NotesProject.first)
        defer { try? db.drop() }
        #expect(try backend.existingTables(["notes", "users"], in: db.url) == ["notes"])
        #expect(try backend.versionRows(db.url) == ["\(NotesProject.first):applied"])

        try db.migrator().upgrade(to: "head")
        #expect(try backend.versionRows(db.url) == ["\(NotesProject.first):applied", "\(NotesProject.head):applied"])

        let empty = try TestDatabase.create(NotesProject.config(backend), revision: "base")
        defer { try? empty.drop() }
        #expect(try backend.dialect.databaseExists(empty.url))
        #expect(try backend.versionRows(empty.url) == [])
    }

    @Test(arguments: TestBackend.allCases)
    func parallelCreatesGiveDistinctDatabases(_ backend: TestBackend) throws {
        let config = try NotesProject.config(backend)
        let results = Results()
        // Real threads, not the cooperative pool: all eight connect at once.
        let threads = (0..<8).map { _ in
            Thread {
                results.append(Result { try TestDatabase.create(config) })
            }
        }
        threads.forEach { $0.start() }
        while results.count < threads.count { Thread.sleep(forTimeInterval: 0.05) }
        let databases = try results.all.map { try $0.get() }
        defer { databases.forEach { try? $0.drop() } }

        #expect(Set(databases.map(\.url)).count == 8)
        for db in databases {
            #expect(try backend.versionRows(db.url) == ["\(NotesProject.first):applied", "\(NotesProject.head):applied"])
        }
        for db in databases { try db.drop() }
        for db in databases { #expect(try !backend.dialect.databaseExists(db.url)) }
    }

    @Test(arguments: [TestBackend.postgresql, .mysql])
    func aServerThatIsDownNamesTheRedactedURL(_ backend: TestBackend) throws {
        var config = try NotesProject.config(backend)
        var url = try backend.serverURL()
        url.host = "127.0.0.1"
        url.port = 1
        url.password = "not-the-real-pw-0451"
        config.url = url.with(database: "app")
        let error = #expect(throws: DatabaseError.self) { try TestDatabase.create(config) }
        let text = "\(error.map { "\($0)" } ?? "")"
        let prefix = url.with(database: "test_app_").redacted
        #expect(text.contains(prefix), "\(text)")
        #expect(text.contains("Cannot create the test database"), "\(text)")
        #expect(!text.contains("not-the-real-pw-0451"), "\(text)")
        #expect(error?.kind == .connect)
    }

    @Test(arguments: TestBackend.allCases)
    func aFailingMigrationDropsTheHalfMadeDatabase(_ backend: TestBackend) throws {
        let folder = NSTemporaryDirectory() + "migrate-failing-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/versions", withIntermediateDirectories: true)
        try """
        -- Good
        -- Revision ID: aaaa00000001
        -- Revises:
        -- migrate:upgrade
        CREATE TABLE good (id INTEGER);
        -- migrate:downgrade
        DROP TABLE good;
        """.write(toFile: folder + "/versions/aaaa00000001_good.sql", atomically: true, encoding: .utf8)
        try """
        -- Bad
        -- Revision ID: bbbb00000002
        -- Revises: aaaa00000001
        -- migrate:upgrade
        CREATE TABLE bad (id INTEGER;
        -- migrate:downgrade
        DROP TABLE bad;
        """.write(toFile: folder + "/versions/bbbb00000002_bad.sql", atomically: true, encoding: .utf8)
        let stem = "fail" + UUID().uuidString.prefix(8).lowercased()
        var config = try NotesProject.config(backend, database: stem)
        config.scriptLocation = folder

        let error = #expect(throws: RunError.self) { try TestDatabase.create(config) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("bbbb00000002"))
        #expect(try backend.databases(named: "test_\(stem)_") == [])
        #expect(try sqliteFolders(holding: "test_\(stem)_") == [], "no temp folder is left behind")
    }

    @Test(arguments: TestBackend.allCases)
    func refusesANameThatIsTaken(_ backend: TestBackend) throws {
        let config = try NotesProject.config(backend)
        let first = try TestDatabase.create(config, revision: "head", suffix: "c0111de00001")
        defer { try? first.drop() }
        let error = #expect(throws: DatabaseError.self) {
            try TestDatabase.create(config, revision: "head", suffix: "c0111de00001")
        }
        #expect(error?.kind == .alreadyExists)
        // The database that was there is neither dropped nor touched.
        #expect(try backend.dialect.databaseExists(first.url))
        #expect(try backend.versionRows(first.url) == ["\(NotesProject.first):applied", "\(NotesProject.head):applied"])
    }

    @Test func namesAreSafeIdentifiers() {
        #expect(TemporaryDatabase.safe("app") == "app")
        #expect(TemporaryDatabase.safe("/var/data/My Notes.db") == "my_notes")
        #expect(TemporaryDatabase.safe("shop-prod") == "shop_prod")
        #expect(TemporaryDatabase.safe("ünï") == "_n_")
        #expect(TemporaryDatabase.safe("") == "app")
        #expect(TemporaryDatabase.safe(":memory:") == "_memory_")
        #expect(TemporaryDatabase.safe(String(repeating: "x", count: 80)).count == 30)
    }

    /// TestDatabase's SQLite temp folders that hold a file whose name starts with `prefix`.
    private func sqliteFolders(holding prefix: String) throws -> [String] {
        let temp = NSTemporaryDirectory()
        return try FileManager.default.contentsOfDirectory(atPath: temp).filter { folder in
            guard folder.hasPrefix("migrate-test-") else { return false }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: temp + "/" + folder)) ?? []
            return files.contains { $0.hasPrefix(prefix) }
        }
    }
}

/// Results gathered from several threads.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Result<TestDatabase, any Error>] = []

    func append(_ item: Result<TestDatabase, any Error>) {
        lock.withLock { items.append(item) }
    }

    var count: Int { lock.withLock { items.count } }
    var all: [Result<TestDatabase, any Error>] { lock.withLock { items } }
}
