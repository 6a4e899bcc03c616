/// A connection that holds the database-level migration lock, with the
/// version table read inside it. Upgrade, downgrade and stamp all run in one.
///
/// Opening takes the lock first, then (on transactional dialects) begins the
/// transaction, then creates the version table if needed — in that order, so
/// two processes never both create it, and the table is read only once the
/// lock is held.
///
/// Every wait of migrate's own statements (the lock, the version table) is
/// bounded by `lock_timeout`; revision statements run with the session's own
/// settings (``LockWaitBounds``). While the session is open, its
/// ``MigrationCancellation`` cancels the statement running on the server.
final class MigrationSession {
    let dialect: any Dialect
    let connection: DatabaseConnection
    let table: VersionTable
    let cancellation: MigrationCancellation
    private let bounds: LockWaitBounds
    private let lockKey: String
    private(set) var inTransaction = false
    /// Set once a transaction has been committed; the version table is read
    /// again before going on (cheap, and safe should a dialect's lock ever
    /// end with the transaction).
    private(set) var committedSinceRead = false

    /// - Parameter waiting: told who holds the migration lock after a
    ///   second of waiting for it.
    init(
        url: DatabaseURL, config: MigrateConfig, noticeHandler: ((String) -> Void)?,
        cancellation: MigrationCancellation = MigrationCancellation(), waiting: @escaping (String) -> Void = { _ in }
    ) throws {
        dialect = Dialects.dialect(for: url)
        connection = try dialect.connect(to: url)
        connection.noticeHandler = noticeHandler
        self.cancellation = cancellation
        bounds = LockWaitBounds(dialect: dialect, connection: connection, seconds: config.lockTimeout)
        table = VersionTable(
            name: config.versionTable, dialect: dialect,
            connection: VersionTableConnection(connection, bounds: bounds, tableName: config.versionTable))
        // Connection options that change where unqualified names live (a
        // PostgreSQL `search_path` per tenant schema) mean another version
        // table, so another lock.
        let scope = url.options["options"].map { "\($0):" } ?? ""
        lockKey = "migrate:\(url.database ?? ""):\(scope)\(config.versionTable)"
        do {
            try cancellation.attach(connection.makeCanceller())
            try bounds.bound()
            let wait = LockWait(timeout: config.lockTimeout, report: waiting) { cancellation.isCancelled }
            try dialect.acquireLock(lockKey, on: connection, wait: wait)
        } catch {
            cancellation.detach()
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
        try bounds.bound()
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
        bounds.forget()
        inTransaction = false
    }

    /// Runs one statement of a revision: with the session's own lock-wait
    /// settings, and only while the run is not cancelled.
    func executeRevisionStatement(_ sql: String) throws {
        try cancellation.throwIfCancelled()
        try bounds.restore()
        try connection.execute(sql)
    }

    /// The version table's rows, read now.
    func readRows() throws -> [AppliedRevision] {
        committedSinceRead = false
        return try table.rows()
    }

    /// Rolls back anything uncommitted, releases the lock and disconnects.
    func close() {
        cancellation.detach()
        rollback()
        try? dialect.releaseLock(lockKey, on: connection)
        connection.close()
    }
}
