/// A connection that holds the database-level migration lock, with the
/// version table read inside it. Upgrade, downgrade and stamp all run in one.
///
/// Opening refuses a read-only server (a standby), then takes the lock,
/// then (on transactional dialects) begins the transaction, then creates the
/// version table if needed — in that order, so two processes never both
/// create it, and the table is read only once the lock is held. A lock that
/// ends with its transaction (``MigrationLock/endsWithTransaction``) is taken
/// inside the transaction instead.
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
    /// The lock strategy the dialect chose for this connection.
    let lock: any MigrationLock
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
        // Connection options that change where unqualified names live (a
        // PostgreSQL `search_path` per tenant schema) mean another version
        // table, so another lock.
        let scope = url.options["options"].map { "\($0):" } ?? ""
        lockKey = "migrate:\(url.database ?? ""):\(scope)\(config.versionTable)"
        do {
            if let reason = try dialect.readOnlyReason(on: connection) {
                throw MigrationLockError.readOnlyStandby(url: url.redacted, reason: reason)
            }
            lock = try dialect.migrationLock(on: connection, pooler: config.pooler)
        } catch {
            connection.close()
            throw error
        }
        bounds = LockWaitBounds(
            dialect: dialect, connection: connection, seconds: config.lockTimeout,
            transactionLocal: lock.settingsMustBeTransactionLocal)
        table = VersionTable(
            name: config.versionTable, schema: dialect.versionTableSchema(for: url), dialect: dialect,
            connection: VersionTableConnection(connection, bounds: bounds, tableName: config.versionTable))
        do {
            try cancellation.attach(connection.makeCanceller())
            if lock.endsWithTransaction { try begin() } else { try bounds.bound() }
            let wait = LockWait(timeout: config.lockTimeout, report: waiting) { cancellation.isCancelled }
            try lock.acquire(lockKey, on: connection, wait: wait)
        } catch {
            rollback()
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

    /// Begins a transaction, with migrate's settings bound before it (so
    /// they cover SQLite's `BEGIN IMMEDIATE`) or, when they are local to the
    /// transaction, just after.
    func begin() throws {
        guard !inTransaction else { return }
        if !bounds.transactionLocal { try bounds.bound() }
        try dialect.beginTransaction(on: connection)
        inTransaction = true
        if bounds.transactionLocal { try bounds.bound() }
    }

    func commit() throws {
        guard inTransaction else { return }
        try connection.execute("COMMIT")
        inTransaction = false
        committedSinceRead = true
        if bounds.transactionLocal { bounds.forget() }
    }

    /// Refuses, before anything runs, a plan that would commit halfway while
    /// the lock ends with the transaction: `needsCommit` names the cause
    /// (a `transaction=false` revision, `transaction_per_migration`).
    func requireOneTransaction(unless needsCommit: String?) throws {
        guard lock.endsWithTransaction, let needsCommit else { return }
        throw MigrationLockError.planNeedsCommits(lock: lock.summary, cause: needsCommit)
    }

    func rollback() {
        guard inTransaction else { return }
        try? connection.execute("ROLLBACK")
        bounds.forget()
        table.forgetCatalog()
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
        try? lock.release(lockKey, on: connection)
        connection.close()
    }
}
