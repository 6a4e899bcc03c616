/// A failure reported by a database server or library.
public struct DatabaseError: MigrateFailure {
    /// What kind of failure this is, for the error id and for callers that
    /// react to it (a missing database, a lock timeout).
    public enum Kind: String, Sendable {
        /// The server cannot be reached (refused, timed out, unknown host).
        case connect = "db.connect"
        /// The database's C client library (libpq, libmariadb) cannot be loaded.
        case clientLibraryMissing = "db.client-library-missing"
        /// The server refused the user or password.
        case authentication = "db.authentication"
        /// The database the URL names does not exist.
        case unknownDatabase = "db.unknown-database"
        /// A statement failed; ``DatabaseError/sql`` holds it.
        case statement = "db.statement"
        /// A wait for a lock (the migration lock, a locked table) ran out of `lock_timeout`.
        case lockTimeout = "db.lock-timeout"
        /// The statement was cancelled on request (``MigrationCancellation``).
        case cancelled = "db.cancelled"
        /// The server or its version lacks something migrate needs.
        case unsupported = "db.unsupported"
        /// The database to create exists already.
        case alreadyExists = "db.already-exists"
        /// The database (an SQLite file or its folder) cannot be written by this process.
        case readOnly = "db.read-only"
        /// The user lacks a privilege the statement needs (a table owned by another role).
        case permissionDenied = "db.permission-denied"
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// The database's own message, with any password removed.
    public let message: String
    /// The SQL that failed, when there was one.
    public let sql: String?

    /// Makes an error of `kind`; `sql` is the statement that failed, if any.
    public init(_ kind: Kind, _ message: String, sql: String? = nil) {
        self.kind = kind
        self.message = message
        self.sql = sql
    }

    /// The id of the ``kind``, such as `db.statement` or `db.lock-timeout`.
    public var errorID: String { kind.rawValue }
}
