import CSQLite

extension SQLiteConnection {
    /// Runs one statement with `?` placeholders, the values bound with
    /// `sqlite3_bind_text` (copied by SQLite: `SQLITE_TRANSIENT`).
    public func execute(_ sql: String, binding values: [SQLValue]) throws {
        guard let handle else {
            throw DatabaseError(.connect, "The SQLite connection to '\(path)' is closed.", sql: sql)
        }
        var statement: OpaquePointer?
        var status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        guard status == SQLITE_OK else {
            throw failure(status: status, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
        }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            status =
                value.string.map { sqlite3_bind_text(statement, position, $0, -1, transient) }
                ?? sqlite3_bind_null(statement, position)
            guard status == SQLITE_OK else {
                throw failure(status: status, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
            }
        }
        repeat { status = sqlite3_step(statement) } while status == SQLITE_ROW
        guard status == SQLITE_DONE else {
            throw failure(status: status, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
        }
    }
}
