import Foundation
import Testing

@testable import MigrateKit

/// On MariaDB, migrate's own statements carry their lock-wait bound
/// (`SET STATEMENT ... FOR`), so the session's settings are never changed
/// and a run spares the two statements per revision that bounded and
/// restored them.
@Suite("Lock-wait bound per statement")
struct LockWaitStatementBoundTests {
    static let settings = "SELECT CONCAT(@@SESSION.lock_wait_timeout, ' ', @@SESSION.innodb_lock_wait_timeout)"

    @Test func mariaDBBoundsEachVersionTableStatementAndLeavesTheSessionAlone() throws {
        let database = try ScratchDatabase(.mysql)
        let connection = database.connection
        let own = try #require(connection.scalar(Self.settings)?.string)
        #expect(own != "7 7")
        let bounds = LockWaitBounds(dialect: MySQLDialect(), connection: connection, seconds: 6.5)
        // The suite's server is MariaDB; MySQL has no SET STATEMENT.
        guard (connection as? MySQLConnection)?.serverIsMariaDB == true else {
            #expect(bounds.statementPrefix == nil)
            return
        }
        #expect(bounds.statementPrefix == "SET STATEMENT lock_wait_timeout = 7, innodb_lock_wait_timeout = 7 FOR ")
        let table = VersionTableConnection(connection, bounds: bounds, tableName: "migrate_version")
        #expect(try table.scalar(Self.settings)?.string == "7 7")
        // A refused statement is named as migrate wrote it.
        let refused = #expect(throws: DatabaseError.self) { try table.execute("INSERT INTO no_such_t VALUES (1)") }
        #expect(refused?.sql == "INSERT INTO no_such_t VALUES (1)")
        #expect(refused?.message.contains("SET STATEMENT") == false, "\(String(describing: refused))")
        try bounds.bound()
        #expect(try connection.scalar(Self.settings)?.string == own, "the session keeps its own settings")
        try bounds.restore()
        #expect(try connection.scalar(Self.settings)?.string == own)
    }

    /// A transaction pooler needs settings local to the transaction: no
    /// prefix there, and a dialect without one bounds the session as before.
    @Test func otherSessionsAreBoundedAndRestored() throws {
        let database = try ScratchDatabase(.mysql)
        let local = LockWaitBounds(dialect: MySQLDialect(), connection: database.connection, seconds: 2, transactionLocal: true)
        #expect(local.statementPrefix == nil)
        let postgres = try ScratchDatabase(.postgresql)
        let bounds = LockWaitBounds(dialect: PostgreSQLDialect(), connection: postgres.connection, seconds: 2)
        #expect(bounds.statementPrefix == nil)
        try bounds.bound()
        #expect(try postgres.connection.scalar("SELECT current_setting('lock_timeout')")?.string == "2s")
        try bounds.restore()
        #expect(try postgres.connection.scalar("SELECT current_setting('lock_timeout')")?.string != "2s")
    }
}
