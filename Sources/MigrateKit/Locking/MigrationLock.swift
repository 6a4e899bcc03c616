/// The database-level lock that serialises `upgrade`, `downgrade` and
/// `stamp` across processes: a strategy each ``Dialect`` chooses for a
/// connection (``Dialect/migrationLock(on:pooler:)``), so the runner never
/// asks which database or pooler it talks to.
///
/// Two shapes exist. A session lock (PostgreSQL `pg_try_advisory_lock`,
/// MySQL `GET_LOCK`, SQLite's lock file) outlives transactions: it is held
/// across the commits around a `transaction=false` section. A transaction
/// lock (PostgreSQL `pg_try_advisory_xact_lock` through a transaction pooler)
/// ends with the transaction it was taken in: the session then takes it
/// inside the run's one transaction, and refuses a plan that must commit
/// halfway (see ``endsWithTransaction``).
public protocol MigrationLock: Sendable {
    /// `true` when the lock is released by the end of the transaction it was
    /// taken in. The run must then be one transaction, begun before the lock
    /// is taken: no `transaction=false` section, no
    /// `transaction_per_migration`.
    var endsWithTransaction: Bool { get }

    /// What the lock is and why it was chosen, for messages: `a
    /// transaction-level advisory lock (pg_advisory_xact_lock), because ...`.
    var summary: String { get }

    /// `true` when settings made for migrate's own statements must be local
    /// to the transaction (`SET LOCAL`): a session-level `SET` would stay on
    /// a pooled server connection that another client gets next.
    var settingsMustBeTransactionLocal: Bool { get }

    /// Takes the lock, waiting as ``Dialect/acquireLock(_:on:wait:)`` says.
    func acquire(_ key: String, on connection: DatabaseConnection, wait: LockWait) throws

    /// Releases the lock (nothing to do for a lock that ended with its transaction).
    func release(_ key: String, on connection: DatabaseConnection) throws
}

extension MigrationLock {
    /// The same as ``endsWithTransaction``: a lock that ends with its
    /// transaction means a pooled connection, where settings must be local too.
    public var settingsMustBeTransactionLocal: Bool { endsWithTransaction }
}

/// The dialect's own session-level lock: ``Dialect/acquireLock(_:on:wait:)``
/// and ``Dialect/releaseLock(_:on:)``. The default strategy.
public struct SessionMigrationLock: MigrationLock {
    let dialect: any Dialect

    /// The session lock of `dialect`.
    public init(_ dialect: any Dialect) {
        self.dialect = dialect
    }

    /// `false`: the lock outlives transactions.
    public var endsWithTransaction: Bool { false }
    /// `the <dialect> session lock`.
    public var summary: String { "the \(dialect.name) session lock" }

    /// Takes the dialect's session lock (``Dialect/acquireLock(_:on:wait:)``).
    /// - Throws: ``DatabaseError`` of kind `.lockTimeout` or `.cancelled`.
    public func acquire(_ key: String, on connection: DatabaseConnection, wait: LockWait) throws {
        try dialect.acquireLock(key, on: connection, wait: wait)
    }

    /// Releases the dialect's session lock (``Dialect/releaseLock(_:on:)``).
    public func release(_ key: String, on connection: DatabaseConnection) throws {
        try dialect.releaseLock(key, on: connection)
    }
}
