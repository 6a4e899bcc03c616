import MigrateKit
import MigrateTesting
import Testing

/// The Swift Testing style: a fixture whose `init` makes a new database at
/// head and opens a connection, and whose `deinit` closes and drops them.
/// Each test makes its own, so tests run in parallel without sharing a
/// database. (With one database for all tests, put this `init`/`deinit` on
/// the `@Suite` class itself: Swift Testing makes a suite instance per test.)
final class NotesDatabase {
    let db: TestDatabase
    let connection: DatabaseConnection

    init(_ backend: NotesBackend = .sqlite) throws {
        db = try TestDatabase.create(notesConfig(backend))
        do {
            connection = try db.connect()
        } catch {
            try? db.drop()
            throw error
        }
    }

    deinit {
        connection.close()
        try? db.drop()
    }
}

@Suite("Notes, with Swift Testing")
struct NotesTests {
    @Test(arguments: NotesBackend.allCases)
    func addingANote(_ backend: NotesBackend) throws {
        let notes = try NotesDatabase(backend)
        try notes.connection.execute("INSERT INTO notes (text, completed) VALUES ('Buy milk', FALSE)")
        let rows = try notes.connection.query("SELECT id, text FROM notes")
        #expect(rows.map { $0[1].string } == ["Buy milk"])
        #expect(rows.first?[0].int != nil, "the id is generated")
    }

    @Test(arguments: NotesBackend.allCases)
    func eachTestStartsAtHeadWithNoNotes(_ backend: NotesBackend) throws {
        let notes = try NotesDatabase(backend)
        #expect(try notes.db.migrator().current().heads == ["3f2a9c1b7d4e"])
        #expect(try notes.connection.scalar("SELECT COUNT(*) FROM notes")?.int == 0)
    }
}
