import MigrateKit
import MigrateTesting
import XCTest

/// The XCTest style: `setUp` makes a new database at head for every test,
/// `tearDown` drops it. Subclasses below run the same tests on the servers.
class NotesXCTests: XCTestCase {
    class var backend: NotesBackend { .sqlite }
    var db: TestDatabase!

    override func setUpWithError() throws {
        db = try TestDatabase.create(notesConfig(Self.backend))
    }

    override func tearDownWithError() throws {
        try db?.drop()
    }

    func testAddingANote() throws {
        let connection = try db.connect()
        defer { connection.close() }
        try connection.execute("INSERT INTO notes (text, completed) VALUES ('Buy milk', FALSE)")
        let rows = try connection.query("SELECT id, text FROM notes")
        XCTAssertEqual(rows.map { $0[1].string }, ["Buy milk"])
        XCTAssertNotNil(rows.first?[0].int, "the id is generated")
    }

    func testEachTestStartsAtHeadWithNoNotes() throws {
        XCTAssertEqual(try db.migrator().current().heads, ["3f2a9c1b7d4e"])
        let connection = try db.connect()
        defer { connection.close() }
        XCTAssertEqual(try connection.scalar("SELECT COUNT(*) FROM notes")?.int, 0)
    }
}

// The same tests on the servers. Linux's test discovery does not run
// inherited test methods, so each subclass lists them.
final class NotesPostgreSQLXCTests: NotesXCTests {
    override class var backend: NotesBackend { .postgresql }
    override func testAddingANote() throws { try super.testAddingANote() }
    override func testEachTestStartsAtHeadWithNoNotes() throws { try super.testEachTestStartsAtHeadWithNoNotes() }
}

final class NotesMySQLXCTests: NotesXCTests {
    override class var backend: NotesBackend { .mysql }
    override func testAddingANote() throws { try super.testAddingANote() }
    override func testEachTestStartsAtHeadWithNoNotes() throws { try super.testEachTestStartsAtHeadWithNoNotes() }
}
