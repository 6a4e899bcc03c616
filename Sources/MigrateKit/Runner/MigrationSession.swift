/// A connection that holds the database-level migration lock, with the
/// version table read inside it. Upgrade, downgrade and stamp all run in one.
///
/// Opening takes the lock first, then (on transactional dialects) begins the
/// transaction, then creates the version table if needed — in that order, so
/// two processes never both create it, and the table is read only once the
/// lock is held.
final class MigrationSession {
    let dialect: any Dialect
    let connection: DatabaseConnection
    let table: VersionTable
    private let lockKey: String
    private(set) var inTransaction = false
    /// Set once a transaction has been committed; the version table is read
    /// again before going on (cheap, and safe should a dialect's lock ever
    /// end with the transaction).
    private(set) var committedSinceRead = false

    init(url: DatabaseURL, config: MigrateConfig, noticeHandler: ((String) -> Void)?) throws {
        dialect = Dialects.dialect(for: url)
        connection = try dialect.connect(to: url)
        connection.noticeHandler = noticeHandler
        table = VersionTable(name: config.versionTable, dialect: dialect, connection: connection)
        lockKey = "migrate:\(url.database ?? ""):\(config.versionTable)"
        do {
            try dialect.acquireLock(lockKey, on: connection, timeout: config.lockTimeout)
        } catch {
            connection.close()
            throw error
        }
        do {
            if dialect.hasTransactionalDDL { try begin() }
            try table.createIfNeeded()
        } catch {
            close()
            throw error
        }
    }

    func begin() throws {
        guard !inTransaction else { return }
        try dialect.beginTransaction(on: connection)
        inTransaction = true
    }

    func commit() throws {
        guard inTransaction else { return }
        try connection.execute("COMMIT")
        inTransaction = false
        committedSinceRead = true
    }

    func rollback() {
        guard inTransaction else { return }
        try? connection.execute("ROLLBACK")
        inTransaction = false
    }

    /// The version table's rows, read now.
    func readRows() throws -> [AppliedRevision] {
        committedSinceRead = false
        return try table.rows()
    }

    /// Rolls back anything uncommitted, releases the lock and disconnects.
    func close() {
        rollback()
        try? dialect.releaseLock(lockKey, on: connection)
        connection.close()
    }
}
