import CMariaDB
import Foundation

extension MySQLConnection {
    /// Runs a statement with `?` placeholders as a server-side prepared
    /// statement (`mysql_stmt_prepare`, `mysql_stmt_bind_param`): the values
    /// travel apart from the SQL text, so no `sql_mode` (`NO_BACKSLASH_ESCAPES`,
    /// `ANSI_QUOTES`) can change what is stored.
    public func execute(_ sql: String, binding values: [SQLValue]) throws {
        guard let handle else {
            throw DatabaseError(.connect, "The MySQL connection to \(redactedURL) is closed.", sql: sql)
        }
        guard let statement = mysql_stmt_init(handle) else {
            throw DatabaseError(.statement, "The MySQL client could not allocate a prepared statement.", sql: sql)
        }
        defer { _ = mysql_stmt_close(statement) }
        let prepared = sql.withCString { mysql_stmt_prepare(statement, $0, UInt(strlen($0))) }
        guard prepared == 0 else { throw Self.failure(of: statement, sql: sql) }
        // The client reads one bind per placeholder: a short array would be read past its end.
        guard mysql_stmt_param_count(statement) == UInt(values.count) else {
            throw DatabaseError(
                .statement,
                "The statement has \(mysql_stmt_param_count(statement)) placeholders but "
                    + "\(values.count) values were given.", sql: sql)
        }
        // The bound buffers must live until the statement has run.
        let buffers: [UnsafeMutablePointer<CChar>?] = values.map { value in value.string.flatMap { strdup($0) } }
        defer { buffers.forEach { free($0) } }
        var binds = [MYSQL_BIND](repeating: MYSQL_BIND(), count: values.count)
        for (index, buffer) in buffers.enumerated() {
            if let buffer {
                binds[index].buffer_type = MYSQL_TYPE_STRING
                binds[index].buffer = UnsafeMutableRawPointer(buffer)
                binds[index].buffer_length = UInt(strlen(buffer))
            } else {
                binds[index].buffer_type = MYSQL_TYPE_NULL
            }
        }
        let failed = binds.withUnsafeMutableBufferPointer { pointer in
            values.isEmpty ? false : mysql_stmt_bind_param(statement, pointer.baseAddress) != 0
        }
        if failed || mysql_stmt_execute(statement) != 0 { throw Self.failure(of: statement, sql: sql) }
    }

    private static func failure(of statement: UnsafeMutablePointer<MYSQL_STMT>, sql: String) -> DatabaseError {
        statementFailure(
            code: mysql_stmt_errno(statement), state: String(cString: mysql_stmt_sqlstate(statement)),
            text: String(cString: mysql_stmt_error(statement)), sql: sql)
    }
}
