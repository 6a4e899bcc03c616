/// An open connection to one database.
///
/// Implementations wrap a C client handle and are not `Sendable`: a
/// connection is used from one task at a time. `migrate` issues only plain
/// SQL text; values in its own statements are written as literals by the
/// dialect (`Dialect.literal(_:)`), never interpolated unescaped.
public protocol DatabaseConnection: AnyObject {
    /// Runs one statement. Any rows it returns (`SELECT pg_sleep(1)`,
    /// `SELECT SLEEP(1)`) are read and discarded.
    /// - Throws: ``DatabaseError`` with the database's message.
    func execute(_ sql: String) throws

    /// Runs one query and returns all its rows.
    func query(_ sql: String) throws -> [SQLRow]

    /// Closes the connection; further calls fail. Safe to call twice.
    func close()

    /// Receives server notices and warnings (PostgreSQL `NOTICE`, ...).
    /// `nil`, the default, discards them so they never reach stderr; the CLI
    /// sets it with `--verbose`.
    var noticeHandler: ((String) -> Void)? { get set }

    /// A value that cancels the statement this connection is running, safe
    /// to call from another thread (a signal handler's queue) while this
    /// one waits for the server. The cancelled statement fails with a
    /// ``DatabaseError`` of kind `.cancelled` (or, where the server lets it
    /// finish early, such as MySQL's `SLEEP`, returns at once).
    func makeCanceller() -> any QueryCanceller
}

extension DatabaseConnection {
    /// Runs a query and returns the first column of the first row, if any.
    public func scalar(_ sql: String) throws -> SQLValue? {
        try query(sql).first?.first
    }
}
