/// The migration lock through a transaction pooler (PgBouncer with
/// `pool_mode = transaction`): a transaction-level advisory lock,
/// `pg_try_advisory_xact_lock`, polled like the session lock inside the run's
/// one transaction, and released by its commit or rollback.
///
/// A session lock would stay on whichever server connection took it: the
/// next client handed that connection would find the lock already "its own",
/// and the client that took it would run its next transaction elsewhere,
/// unlocked. Everything that must be exclusive therefore happens in the
/// transaction that holds this lock.
struct PostgreSQLTransactionLock: MigrationLock {
    let dialect: PostgreSQLDialect
    /// Why this lock was chosen, for messages.
    let reason: String

    var endsWithTransaction: Bool { true }

    var summary: String {
        "a transaction-level advisory lock (pg_advisory_xact_lock), because \(reason)"
    }

    func acquire(_ key: String, on connection: DatabaseConnection, wait: LockWait) throws {
        try dialect.pollAdvisoryLock(key, with: "pg_try_advisory_xact_lock", on: connection, wait: wait)
    }

    /// Nothing to do: the lock ended with the transaction.
    func release(_ key: String, on connection: DatabaseConnection) throws {}
}
