/// A writing command refused before doing anything, because of the server
/// it talks to or the lock it can take there.
public enum MigrationLockError: MigrateFailure {
    /// The server only reads: a hot standby or a `read_only` replica.
    case readOnlyStandby(url: String, reason: String)
    /// The lock ends with a transaction (a transaction pooler), but the plan
    /// must commit halfway: a `transaction=false` section, or
    /// `transaction_per_migration`.
    case planNeedsCommits(lock: String, cause: String)

    /// `db.read-only-standby` or `lock.needs-one-transaction`.
    public var errorID: String {
        switch self {
        case .readOnlyStandby: "db.read-only-standby"
        case .planNeedsCommits: "lock.needs-one-transaction"
        }
    }

    /// Says that nothing was changed and where to run instead: on the primary,
    /// or through a connection that keeps its session (or with
    /// `pooler = session`).
    public var message: String {
        switch self {
        case .readOnlyStandby(let url, let reason):
            return "\(url) is a standby; run migrations against the primary (\(reason)). Nothing was changed."
        case .planNeedsCommits(let lock, let cause):
            return "The migration lock here is \(lock), so it ends with the run's one transaction; \(cause) "
                + "would commit halfway and go on unlocked, so nothing was run. Run this through a connection "
                + "that keeps its session (straight to the server, or a session-pooling port), or set "
                + "`pooler = session` in migrate.ini if the connection is not transaction-pooled."
        }
    }
}
