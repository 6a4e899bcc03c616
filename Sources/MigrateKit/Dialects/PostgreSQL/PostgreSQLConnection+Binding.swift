import CLibPQ
import Foundation

extension PostgreSQLConnection {
    /// Runs one statement with `$1`, `$2`, ... placeholders through
    /// `PQexecParams`: the values are sent as text parameters, apart from the
    /// SQL, and the server infers their types.
    public func execute(_ sql: String, binding values: [SQLValue]) throws {
        guard let handle else {
            throw DatabaseError(.connect, "The PostgreSQL connection to \(url.redacted) is closed.", sql: sql)
        }
        let copies: [UnsafeMutablePointer<CChar>?] = values.map { value in value.string.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer<CChar>($0) }
        guard let result = PQexecParams(handle, sql, Int32(values.count), nil, pointers, nil, nil, 0) else {
            throw failure(result: nil, sql: sql)
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw failure(result: result, sql: sql)
        }
    }
}
