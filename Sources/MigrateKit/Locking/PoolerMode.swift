/// What sits between `migrate` and the server, as far as sessions go
/// (`pooler` in `migrate.ini`).
///
/// A transaction pooler (PgBouncer with `pool_mode = transaction`) hands each
/// transaction to whichever server connection is free, so nothing tied to a
/// session survives a commit: session advisory locks, `SET`, named prepared
/// statements. A dialect then chooses a lock that lives inside one
/// transaction (``Dialect/migrationLock(on:pooler:)``).
public enum PoolerMode: String, Sendable, CaseIterable {
    /// Ask the dialect to detect a pooler on the connection (the default).
    case auto
    /// No pooler, or one that pins a server connection to each client for
    /// the client's whole session (PgBouncer `pool_mode = session`).
    case session
    /// A transaction pooler: every transaction may run on another server
    /// connection.
    case transaction

    /// The spellings `pooler =` accepts: `none` is a synonym of `session`.
    public static func parse(_ text: String) -> PoolerMode? {
        let word = text.lowercased()
        return word == "none" ? .session : PoolerMode(rawValue: word)
    }
}
