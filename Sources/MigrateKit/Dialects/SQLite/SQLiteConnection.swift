import CSQLite
import Foundation

/// A connection to one SQLite database file (or an in-memory database),
/// through the system's `libsqlite3`.
///
/// Not `Sendable`: the handle is used from one task at a time.
public final class SQLiteConnection: DatabaseConnection {
    private(set) var handle: OpaquePointer?
    /// The path as given (`":memory:"` for an in-memory database).
    public let path: String
    /// Receives notices; SQLite sends none, so it is never called.
    public var noticeHandler: ((String) -> Void)?
    /// The migration lock, while this connection's run holds it.
    var migrationLock: SQLiteLockFile?

    /// Opens (and creates, when `create` is true) the database at `path`.
    public init(path: String, create: Bool = true) throws {
        self.path = path
        var db: OpaquePointer?
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        if create { flags |= SQLITE_OPEN_CREATE }
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let reason = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw DatabaseError(
                .connect,
                "Cannot open the SQLite database '\(path)': \(reason). "
                    + "Check that its folder exists and is writable.")
        }
        handle = db
        interrupter = SQLiteInterrupter(db)
        sqlite3_extended_result_codes(db, 1)
    }

    deinit { close() }

    /// Releases the migration lock file if this connection holds it, and closes
    /// the database (`sqlite3_close_v2`). Safe to call twice.
    public func close() {
        interrupter?.invalidate()
        migrationLock?.release()
        migrationLock = nil
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// `sqlite3_interrupt`, guarded against a concurrent close.
    private var interrupter: SQLiteInterrupter?
    /// The busy handler's context, kept alive while installed.
    private var busyWait: SQLiteBusyWait?

    /// A canceller that calls `sqlite3_interrupt` on this connection.
    public func makeCanceller() -> any QueryCanceller {
        interrupter ?? NoQueryCanceller()
    }

    /// Sets how long a statement waits for another process's lock.
    public func setBusyTimeout(seconds: Double) {
        sqlite3_busy_timeout(handle, Int32(min(seconds * 1000, Double(Int32.max))))
        busyWait = nil
    }

    /// Waits for another process's lock as `wait` says: at most its timeout,
    /// reporting after its patience, ending when it is cancelled.
    public func setLockWait(_ wait: LockWait) {
        let busyWait = SQLiteBusyWait(wait, path: path)
        self.busyWait = busyWait
        sqlite3_busy_handler(handle, SQLiteBusyWait.handler, Unmanaged.passUnretained(busyWait).toOpaque())
    }

    /// Runs the statement text with `sqlite3_exec`, which may hold several
    /// statements; rows they return are discarded.
    /// - Throws: ``DatabaseError`` with SQLite's message and the SQL.
    public func execute(_ sql: String) throws {
        let db = try openHandle(for: sql)
        var errorMessage: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(db, sql, nil, nil, &errorMessage)
        if status != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(db))
            sqlite3_free(errorMessage)
            throw failure(status: status, message: message, sql: sql)
        }
    }

    /// Runs one query and returns its rows, every cell as text or NULL.
    /// - Throws: ``DatabaseError`` with SQLite's message and the SQL.
    public func query(_ sql: String) throws -> [SQLRow] {
        let db = try openHandle(for: sql)
        var statement: OpaquePointer?
        var status = sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        guard status == SQLITE_OK else {
            throw failure(status: status, message: String(cString: sqlite3_errmsg(db)), sql: sql)
        }
        defer { sqlite3_finalize(statement) }
        let columnCount = sqlite3_column_count(statement)
        var rows: [SQLRow] = []
        while true {
            status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else {
                throw failure(status: status, message: String(cString: sqlite3_errmsg(db)), sql: sql)
            }
            var row: SQLRow = []
            row.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                if sqlite3_column_type(statement, column) == SQLITE_NULL {
                    row.append(.null)
                } else {
                    row.append(.text(String(cString: sqlite3_column_text(statement, column))))
                }
            }
            rows.append(row)
        }
        return rows
    }

    private func openHandle(for sql: String) throws -> OpaquePointer {
        guard let handle else {
            throw DatabaseError(.connect, "The SQLite connection to '\(path)' is closed.", sql: sql)
        }
        return handle
    }

    func failure(status: Int32, message: String, sql: String) -> DatabaseError {
        if status & 0xff == SQLITE_BUSY {
            return DatabaseError(
                .lockTimeout,
                "The SQLite database '\(path)' is locked by another connection (\(message)). "
                    + "Wait for the other migration to finish, or raise lock_timeout.",
                sql: sql)
        }
        let code = status & 0xff
        if code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_IOERR, path != ":memory:",
            let readOnly = readOnlyFailure(message, sql: sql)
        {
            return readOnly
        }
        return DatabaseError(.statement, message, sql: sql)
    }

    /// A write refused because the file, or the folder where SQLite creates
    /// its journal, is read-only for this process: said so, instead of a
    /// message about grants.
    private func readOnlyFailure(_ message: String, sql: String) -> DatabaseError? {
        let user = FileAccess.userName
        if access(path, W_OK) != 0 {
            return DatabaseError(
                .readOnly,
                "The SQLite database file '\(path)' is read-only for the user running migrate (\(user)): \(message). "
                    + "Make it writable (chmod u+w, or chown it), or point the URL at a writable copy.",
                sql: sql)
        }
        let folder = (path as NSString).deletingLastPathComponent
        if access(folder.isEmpty ? "." : folder, W_OK | X_OK) != 0 {
            return DatabaseError(
                .readOnly,
                "The folder '\(folder.isEmpty ? "." : folder)' of the SQLite database '\(path)' is read-only for the "
                    + "user running migrate (\(user)), so SQLite cannot create its journal beside the file: "
                    + "\(message). Make the folder writable, or move the database to a writable folder.",
                sql: sql)
        }
        return nil
    }
}
