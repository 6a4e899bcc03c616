import CMariaDB

/// A connection to a MySQL or MariaDB server through MariaDB Connector/C
/// (`libmariadb`).
///
/// Statements run as plain text (`mysql_real_query`); every result they
/// return is read and freed, so `SELECT SLEEP(1)` or a `CALL` leaves the
/// connection ready for the next statement. Multi-statement text
/// (`CLIENT_MULTI_STATEMENTS`) is accepted, as `sqlite3_exec` accepts it.
///
/// Not `Sendable`: the handle is used from one task at a time.
public final class MySQLConnection: DatabaseConnection {
    private(set) var handle: UnsafeMutablePointer<MYSQL>?
    /// The URL the connection was opened with, password hidden, for messages.
    public let redactedURL: String
    /// The URL itself, for the second connection a cancel opens.
    private let url: DatabaseURL
    /// Receives the server's warnings and notes (`SHOW WARNINGS`) after a
    /// statement that raised some. When `nil` they are not even fetched.
    public var noticeHandler: ((String) -> Void)?
    /// The server error number of the last failed statement, `0` before any.
    /// The dialect uses it to tell `ER_DB_CREATE_EXISTS` (1007) apart.
    private(set) var lastErrorNumber: UInt32 = 0

    /// Connects to the server and database the URL names.
    ///
    /// `host` is passed as written: the client library treats `localhost`
    /// as "use the Unix socket", so write `127.0.0.1` for TCP. Options:
    /// `connect_timeout` (seconds, default 10), `charset` (default
    /// `utf8mb4`), `unix_socket`, and `sslmode` (see `MySQLConnectionOptions`).
    /// - Throws: ``DatabaseError`` of kind `.authentication`,
    ///   `.unknownDatabase` or `.connect`, naming the URL without its password.
    public init(url: DatabaseURL) throws {
        self.url = url
        redactedURL = url.redacted
        try MySQLClientLibrary.load()
        guard mariaDBLibraryIsReady, let mysql = mysql_init(nil) else {
            throw DatabaseError(
                .connect, "Cannot connect to \(url.redacted): the MariaDB client library failed to start.")
        }
        do {
            try Self.configure(mysql, for: url)
        } catch {
            mysql_close(mysql)
            throw error
        }
        let database = url.database.flatMap { $0.isEmpty ? nil : $0 }
        let port = UInt32(clamping: url.port ?? 0)
        let flags = UInt(CLIENT_MULTI_STATEMENTS)
        guard mysql_real_connect(mysql, url.host, url.user, url.password, database, port, url.unixSocket, flags) != nil
        else {
            let failure = Self.connectFailure(
                code: mysql_errno(mysql), text: String(cString: mysql_error(mysql)), url: url)
            mysql_close(mysql)
            throw failure
        }
        do {
            try Self.checkTLS(mysql, for: url)
        } catch {
            mysql_close(mysql)
            throw error
        }
        handle = mysql
    }

    deinit { close() }

    /// `KILL QUERY` for this connection's id, sent from a new connection.
    public func makeCanceller() -> any QueryCanceller {
        guard let handle else { return NoQueryCanceller() }
        return MySQLCanceller(url: url, connectionID: UInt(mysql_thread_id(handle)))
    }

    /// Closes the connection (`mysql_close`); statements after it fail with
    /// `db.connect`. Safe to call twice.
    public func close() {
        if let handle { mysql_close(handle) }
        handle = nil
    }

    /// Runs the statement text, which may hold several statements, reading and
    /// discarding every result it returns; the server's warnings go to
    /// ``noticeHandler``.
    /// - Throws: ``DatabaseError`` with the server's message and the SQL.
    public func execute(_ sql: String) throws {
        let mysql = try openHandle(for: sql)
        try send(sql, on: mysql)
        _ = try readResults(of: sql, on: mysql)
        reportWarnings(on: mysql)
    }

    /// Runs a query and returns the rows of its first result set; further
    /// result sets (from multi-statement text or a `CALL`) are read and
    /// discarded. Each cell is its text as the server sent it, or NULL.
    public func query(_ sql: String) throws -> [SQLRow] {
        let mysql = try openHandle(for: sql)
        try send(sql, on: mysql)
        let rows = try readResults(of: sql, on: mysql)
        reportWarnings(on: mysql)
        return rows
    }

    private func openHandle(for sql: String) throws -> UnsafeMutablePointer<MYSQL> {
        guard let handle else {
            throw DatabaseError(.connect, "The MySQL connection to \(redactedURL) is closed.", sql: sql)
        }
        return handle
    }

    private func send(_ sql: String, on mysql: UnsafeMutablePointer<MYSQL>) throws {
        // The length, not a terminating NUL, ends the text.
        var text = sql
        let status = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { mysql_real_query(mysql, $0.baseAddress, UInt(bytes.count)) }
        }
        if status != 0 { throw statementFailure(on: mysql, sql: sql) }
    }

    /// Reads every result the statement produced (`mysql_next_result` until
    /// it reports no more) and returns the rows of the first result set.
    private func readResults(of sql: String, on mysql: UnsafeMutablePointer<MYSQL>) throws -> [SQLRow] {
        var firstRows: [SQLRow]?
        while true {
            if let result = mysql_store_result(mysql) {
                let rows = Self.rows(of: result)
                mysql_free_result(result)
                if firstRows == nil { firstRows = rows }
            } else if mysql_field_count(mysql) != 0 {
                // A statement that should have returned rows could not deliver them.
                throw statementFailure(on: mysql, sql: sql)
            }
            // 0: another result follows; -1: that was the last; > 0: an error.
            let next = mysql_next_result(mysql)
            if next > 0 { throw statementFailure(on: mysql, sql: sql) }
            if next != 0 { break }
        }
        return firstRows ?? []
    }

    /// Every row of a stored result, reading each cell by its length (a
    /// value may contain NUL bytes).
    private static func rows(of result: UnsafeMutablePointer<MYSQL_RES>) -> [SQLRow] {
        let columnCount = Int(mysql_num_fields(result))
        var rows: [SQLRow] = []
        rows.reserveCapacity(Int(mysql_num_rows(result)))
        while let row = mysql_fetch_row(result), let lengths = mysql_fetch_lengths(result) {
            var values: SQLRow = []
            values.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                if let cell = row[column] {
                    let bytes = UnsafeRawBufferPointer(start: cell, count: Int(lengths[column]))
                    values.append(.text(String(decoding: bytes, as: UTF8.self)))
                } else {
                    values.append(.null)
                }
            }
            rows.append(values)
        }
        return rows
    }

    /// Hands the warnings of the last statement to ``noticeHandler``, as
    /// `Note 1051: Unknown table 'app.t'`. Skipped when nobody listens.
    private func reportWarnings(on mysql: UnsafeMutablePointer<MYSQL>) {
        guard let noticeHandler, mysql_warning_count(mysql) > 0 else { return }
        let sql = "SHOW WARNINGS"
        guard (try? send(sql, on: mysql)) != nil, let rows = try? readResults(of: sql, on: mysql) else { return }
        for row in rows where row.count >= 3 {
            noticeHandler("\(row[0].string ?? "Warning") \(row[1].string ?? "?"): \(row[2].string ?? "")")
        }
    }

    /// `ERROR 1064 (42000): You have an error in your SQL syntax; ...`, as
    /// the `mysql` client prints it.
    private func statementFailure(on mysql: UnsafeMutablePointer<MYSQL>, sql: String) -> DatabaseError {
        let code = mysql_errno(mysql)
        lastErrorNumber = code
        return Self.statementFailure(
            code: code, state: String(cString: mysql_sqlstate(mysql)), text: String(cString: mysql_error(mysql)), sql: sql)
    }

    /// The error for a failed statement, plain or prepared: a missing
    /// privilege names the `GRANT` that fixes it, a lock wait that ran out
    /// is a lock timeout.
    static func statementFailure(code: UInt32, state: String, text: String, sql: String) -> DatabaseError {
        let message = redactPasswords(in: "ERROR \(code) (\(state)): \(text)")
        // ER_TABLEACCESS_DENIED_ERROR, ER_COLUMNACCESS_DENIED_ERROR, ER_DBACCESS_DENIED_ERROR
        if [1142, 1143, 1044].contains(code) {
            let user = text.range(of: "to user ").map { text[$0.upperBound...].prefix { $0 != " " } } ?? "<user>"
            let object = DatabaseError.deniedObject(in: text) ?? "<database>.*"
            // `INSERT command denied ...`: the version table needs all four; DDL needs its own privilege.
            let command = text.range(of: " command denied").map { text[..<$0.lowerBound].uppercased() } ?? ""
            let privileges =
                ["", "SELECT", "INSERT", "UPDATE", "DELETE"].contains(command)
                ? "SELECT, INSERT, UPDATE, DELETE" : command
            return DatabaseError.permissionDenied(message, sql: sql, grant: "GRANT \(privileges) ON \(object) TO \(user)")
        }
        // ER_LOCK_WAIT_TIMEOUT: lock_wait_timeout or innodb_lock_wait_timeout ran out.
        let kind: DatabaseError.Kind = code == 1205 ? .lockTimeout : .statement
        return DatabaseError(kind, message, sql: sql)
    }
}

/// Connector/C's `mysql_library_init` is not thread-safe, and `mysql_init`
/// calls it on first use; a global is initialised exactly once.
private let mariaDBLibraryIsReady: Bool = mysql_server_init(0, nil, nil) == 0
