/// A failure reported by a database server or library.
public struct DatabaseError: MigrateFailure {
    /// What kind of failure this is, for the error id and for callers that
    /// react to it (a missing database, a lock timeout).
    public enum Kind: String, Sendable {
        case connect = "db.connect"
        /// The database's C client library (libpq, libmariadb) cannot be loaded.
        case clientLibraryMissing = "db.client-library-missing"
        case authentication = "db.authentication"
        case unknownDatabase = "db.unknown-database"
        case statement = "db.statement"
        case lockTimeout = "db.lock-timeout"
        /// The statement was cancelled on request (``MigrationCancellation``).
        case cancelled = "db.cancelled"
        case unsupported = "db.unsupported"
        case alreadyExists = "db.already-exists"
        /// The database (an SQLite file or its folder) cannot be written by this process.
        case readOnly = "db.read-only"
        /// The user lacks a privilege the statement needs (a table owned by another role).
        case permissionDenied = "db.permission-denied"
    }

    public let kind: Kind
    public let message: String
    /// The SQL that failed, when there was one.
    public let sql: String?

    public init(_ kind: Kind, _ message: String, sql: String? = nil) {
        self.kind = kind
        self.message = message
        self.sql = sql
    }

    public var errorID: String { kind.rawValue }
}
