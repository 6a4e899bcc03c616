/// Bounds a session's lock waits by `lock_timeout` while `migrate` works on
/// its own table, and gives revision SQL the session's own settings back.
///
/// The server's timeouts (PostgreSQL `lock_timeout`, MySQL
/// `lock_wait_timeout` and `innodb_lock_wait_timeout`) end a wait on a
/// locked version table; revision statements run with whatever the server,
/// role or URL set, as they would in `psql` or `mysql`. Settings change only
/// when the kind of statement changes, so a run costs two extra round trips
/// per revision — none where the server bounds one statement at a time
/// (``Dialect/lockWaitBoundPrefix(seconds:on:)``, MariaDB): then migrate's
/// own statements carry the bound and the session's settings never change.
final class LockWaitBounds {
    /// The bound, in seconds (`lock_timeout`).
    let seconds: Double
    /// `true` when the settings are local to the open transaction (`SET
    /// LOCAL`), for a connection whose sessions do not survive a commit.
    let transactionLocal: Bool
    /// Put before each of migrate's own statements, when the dialect bounds
    /// statements one at a time.
    let statementPrefix: String?
    private let connection: DatabaseConnection
    private let boundSQL: String?
    private let restoreSQL: String?
    private var bounded = false

    init(dialect: any Dialect, connection: DatabaseConnection, seconds: Double, transactionLocal: Bool = false) {
        self.seconds = seconds
        self.transactionLocal = transactionLocal
        self.connection = connection
        let prefix = transactionLocal ? nil : dialect.lockWaitBoundPrefix(seconds: seconds, on: connection)
        statementPrefix = prefix
        boundSQL = prefix != nil ? nil : dialect.boundLockWaitsSQL(seconds: seconds, transactionLocal: transactionLocal)
        restoreSQL = prefix != nil ? nil : dialect.restoreLockWaitsSQL(transactionLocal: transactionLocal)
    }

    /// `sql` as migrate sends it: with ``statementPrefix`` when there is one.
    func bounding(_ sql: String) -> String {
        statementPrefix.map { $0 + sql } ?? sql
    }

    /// The error for a statement ``bounding(_:)`` prefixed, naming the
    /// statement as migrate wrote it (a refused `INSERT`, not `SET STATEMENT`).
    func unbounding(_ error: DatabaseError) -> DatabaseError {
        guard let prefix = statementPrefix, let sent = error.sql, sent.hasPrefix(prefix) else { return error }
        let written = String(sent.dropFirst(prefix.count))
        let message = error.message.replacingOccurrences(
            of: DatabaseError.statementSummary(sent), with: DatabaseError.statementSummary(written))
        return DatabaseError(error.kind, message, sql: written)
    }

    /// Bounds the waits of the statements that follow (migrate's own).
    func bound() throws {
        guard !bounded, let boundSQL else { return }
        try connection.execute(boundSQL)
        bounded = true
    }

    /// Restores the session's own settings for the statements that follow
    /// (revision SQL).
    func restore() throws {
        guard bounded, let restoreSQL else { return }
        try connection.execute(restoreSQL)
        bounded = false
    }

    /// The statements after a rollback: a rollback undoes a `SET` made in
    /// the transaction, so the state is no longer known (and after a commit
    /// too, for transaction-local settings).
    func forget() {
        if restoreSQL != nil { bounded = false }
    }
}

/// The connection the version table is read and written through: every
/// statement runs with waits bounded (``LockWaitBounds``), and a wait that
/// times out becomes an error naming the version table.
final class VersionTableConnection: ForwardingConnection {
    let bounds: LockWaitBounds
    let tableName: String

    init(_ base: DatabaseConnection, bounds: LockWaitBounds, tableName: String) {
        self.bounds = bounds
        self.tableName = tableName
        super.init(base)
    }

    override func execute(_ sql: String) throws {
        try bounded { try base.execute(bounds.bounding(sql)) }
    }

    override func execute(_ sql: String, binding values: [SQLValue]) throws {
        try bounded { try base.execute(bounds.bounding(sql), binding: values) }
    }

    override func query(_ sql: String) throws -> [SQLRow] {
        try bounded { try base.query(bounds.bounding(sql)) }
    }

    private func bounded<T>(_ body: () throws -> T) throws -> T {
        do {
            try bounds.bound()
            do {
                return try body()
            } catch let error as DatabaseError {
                throw bounds.unbounding(error)
            }
        } catch let error as DatabaseError where error.kind == .lockTimeout {
            let seconds = bounds.seconds == bounds.seconds.rounded() ? String(Int(bounds.seconds)) : String(bounds.seconds)
            throw DatabaseError(
                .lockTimeout,
                "Timed out after \(seconds) s (lock_timeout) waiting for a lock on the version table \(tableName): "
                    + "another connection holds one (\(error.message.trimmingSuffix("."))). Find that connection "
                    + "(a LOCK TABLE, or a long transaction that used the table) and end its transaction, "
                    + "or raise lock_timeout.",
                sql: error.sql)
        }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
