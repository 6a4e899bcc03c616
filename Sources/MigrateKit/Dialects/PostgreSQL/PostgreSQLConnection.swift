import CLibPQ

/// A connection to one PostgreSQL database, through the system's `libpq`.
///
/// Statements run with `PQexec` (the simple query protocol), so one call may
/// hold several statements separated by semicolons, and every value is read
/// as text. Server notices go to ``noticeHandler`` and never to stderr.
///
/// Not `Sendable`: the handle is used from one task at a time.
public final class PostgreSQLConnection: DatabaseConnection {
    private(set) var handle: OpaquePointer?
    /// The URL the connection was opened with.
    public let url: DatabaseURL
    /// Receives the server's `NOTICE`s and warnings; `nil` discards them.
    public var noticeHandler: ((String) -> Void)?
    /// The SQLSTATE of the last failed statement (`42P04` for a duplicate
    /// database), for callers that react to one error code.
    private(set) var lastErrorSQLState: String?

    /// Connects to the database the URL names, waiting at most the URL's
    /// `connect_timeout` (10 seconds when absent) for the server.
    /// - Throws: ``DatabaseError`` of kind `.authentication`,
    ///   `.unknownDatabase` or `.connect`.
    public init(url: DatabaseURL) throws {
        self.url = url
        handle = try openHandle()
        canceller = handle.flatMap { PostgreSQLCanceller(connection: $0) }
    }

    /// Made at connect time: `PQcancel` needs no access to the connection.
    private var canceller: PostgreSQLCanceller?

    /// A canceller that sends `PQcancel`, made when the connection opened.
    public func makeCanceller() -> any QueryCanceller {
        canceller ?? NoQueryCanceller()
    }

    deinit { close() }

    /// The server's version as a number: `150004` for 15.4.
    var serverVersion: Int {
        handle.map { Int(PQserverVersion($0)) } ?? 0
    }

    /// Closes the connection (`PQfinish`); statements after it fail with
    /// `db.connect`. Safe to call twice.
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// Runs the statement text with `PQexec`, which may hold several statements
    /// separated by semicolons; rows it returns are discarded.
    /// - Throws: ``DatabaseError`` with the server's message and the SQL;
    ///   `db.unsupported` for `COPY` from or to the client.
    public func execute(_ sql: String) throws {
        let result = try run(sql)
        PQclear(result)
    }

    /// Runs the query text with `PQexec` and returns the rows of its last
    /// statement, every cell as text or NULL.
    /// - Throws: ``DatabaseError`` with the server's message and the SQL.
    public func query(_ sql: String) throws -> [SQLRow] {
        let result = try run(sql)
        defer { PQclear(result) }
        let rowCount = PQntuples(result)
        let columnCount = PQnfields(result)
        var rows: [SQLRow] = []
        rows.reserveCapacity(Int(rowCount))
        for rowIndex in 0..<rowCount {
            var row: SQLRow = []
            row.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                if PQgetisnull(result, rowIndex, column) != 0 {
                    row.append(.null)
                } else {
                    row.append(.text(String(cString: PQgetvalue(result, rowIndex, column))))
                }
            }
            rows.append(row)
        }
        return rows
    }

    /// Runs `sql` and returns its (last) result, which the caller clears.
    private func run(_ sql: String) throws -> OpaquePointer {
        guard let handle else {
            throw DatabaseError(.connect, "The PostgreSQL connection to \(url.redacted) is closed.", sql: sql)
        }
        lastErrorSQLState = nil
        guard let result = PQexec(handle, sql) else {
            throw failure(result: nil, sql: sql)
        }
        let status = PQresultStatus(result)
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return result
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            PQclear(result)
            abandonCopy(handle, status: status)
            throw DatabaseError(
                .unsupported,
                "COPY from or to the client (STDIN/STDOUT) cannot run in a migration; "
                    + "insert the rows with INSERT, or COPY from a file on the server.",
                sql: sql)
        default:
            defer { PQclear(result) }
            throw failure(result: result, sql: sql)
        }
    }

    /// Leaves a `COPY` that `PQexec` started, so the connection is usable again.
    private func abandonCopy(_ handle: OpaquePointer, status: ExecStatusType) {
        if status == PGRES_COPY_IN || status == PGRES_COPY_BOTH {
            _ = PQputCopyEnd(handle, "COPY from the client is not supported by migrate")
        }
        if status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH {
            var buffer: UnsafeMutablePointer<CChar>?
            while PQgetCopyData(handle, &buffer, 0) > 0 { PQfreemem(buffer) }
        }
        while let result = PQgetResult(handle) { PQclear(result) }
    }

    /// The error for a failed statement: the server's message with its detail
    /// and hint, or, when the connection itself broke, a `.connect` error.
    func failure(result: OpaquePointer?, sql: String) -> DatabaseError {
        let field = { (field: DiagnosticField) in result.flatMap { field.value(in: $0) } }
        lastErrorSQLState = field(.sqlState)
        if let handle, PQstatus(handle) == CONNECTION_BAD {
            let reason = PostgreSQLMessages.reason(fromLibPQ: String(cString: PQerrorMessage(handle)))
            let message =
                "The connection to the PostgreSQL server at \(url.redacted) was lost: "
                + PostgreSQLMessages.sentence(reason)
            return DatabaseError(.connect, PostgreSQLMessages.oneLine(message), sql: sql)
        }
        let kind = PostgreSQLMessages.kind(ofSQLState: lastErrorSQLState)
        guard let primary = field(.primary) else {
            let text = result.map { String(cString: PQresultErrorMessage($0)) } ?? ""
            let fallback = text.isEmpty ? handle.map { String(cString: PQerrorMessage($0)) } ?? "" : text
            return DatabaseError(kind, PostgreSQLMessages.reason(fromLibPQ: fallback), sql: sql)
        }
        let message = PostgreSQLMessages.serverMessage(primary, detail: field(.detail), hint: field(.hint))
        if lastErrorSQLState == "42501" {  // insufficient_privilege
            return PostgreSQLMessages.permissionDenied(message, sql: sql, user: url.user)
        }
        return DatabaseError(kind, PostgreSQLMessages.withConcurrentIndexAdvice(message, sql: sql), sql: sql)
    }

    /// Delivers one notice or warning to ``noticeHandler``.
    fileprivate func receiveNotice(_ result: OpaquePointer) {
        guard let noticeHandler else { return }
        let field = { (field: DiagnosticField) in field.value(in: result) }
        guard let primary = field(.primary) else {
            noticeHandler(PostgreSQLMessages.reason(fromLibPQ: String(cString: PQresultErrorMessage(result))))
            return
        }
        let text = PostgreSQLMessages.serverMessage(primary, detail: field(.detail), hint: field(.hint))
        noticeHandler(field(.severity) == "WARNING" ? "WARNING: \(text)" : text)
    }

    /// The C callback libpq calls for every notice; `arg` is the connection.
    static let noticeReceiver: PQnoticeReceiver = { arg, result in
        guard let arg, let result else { return }
        Unmanaged<PostgreSQLConnection>.fromOpaque(arg).takeUnretainedValue().receiveNotice(result)
    }
}

/// The `PG_DIAG_*` codes of `PQresultErrorField` (character macros, which
/// Swift does not import).
private enum DiagnosticField: Character {
    case severity = "V"  // PG_DIAG_SEVERITY_NONLOCALIZED
    case sqlState = "C"  // PG_DIAG_SQLSTATE
    case primary = "M"  // PG_DIAG_MESSAGE_PRIMARY
    case detail = "D"  // PG_DIAG_MESSAGE_DETAIL
    case hint = "H"  // PG_DIAG_MESSAGE_HINT

    /// The field's text in a result, or `nil` when absent or empty.
    func value(in result: OpaquePointer) -> String? {
        guard let value = PQresultErrorField(result, Int32(rawValue.asciiValue!)) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
