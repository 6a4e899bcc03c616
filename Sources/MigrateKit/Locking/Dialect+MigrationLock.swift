extension Dialect {
    /// The dialect's session lock, whatever the pooler: a dialect whose
    /// sessions may not survive a commit overrides this.
    public func migrationLock(on connection: DatabaseConnection, pooler: PoolerMode) throws -> any MigrationLock {
        SessionMigrationLock(self)
    }

    /// Servers of this dialect are never read-only replicas.
    public func readOnlyReason(on connection: DatabaseConnection) throws -> String? { nil }

    /// The session-level settings: a dialect that supports transaction
    /// pooling overrides this.
    public func boundLockWaitsSQL(seconds: Double, transactionLocal: Bool) -> String? {
        boundLockWaitsSQL(seconds: seconds)
    }

    /// The session-level SQL, ``restoreLockWaitsSQL``: a dialect that supports
    /// transaction pooling overrides this.
    public func restoreLockWaitsSQL(transactionLocal: Bool) -> String? {
        restoreLockWaitsSQL
    }

    /// No per-statement bound: the session's settings are bounded and restored.
    public func lockWaitBoundPrefix(seconds: Double, on connection: DatabaseConnection) -> String? { nil }
}
