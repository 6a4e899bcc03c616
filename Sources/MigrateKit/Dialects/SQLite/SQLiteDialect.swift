import Foundation

/// SQLite through `libsqlite3`: transactional DDL, and a migration lock on a
/// file beside the database (`SQLiteLockFile`) that outlives transactions.
public struct SQLiteDialect: Dialect {
    /// The SQLite dialect (`sqlite://` URLs).
    public init() {}

    /// `sqlite`.
    public var name: String { "sqlite" }
    /// `true`: DDL rolls back with the transaction.
    public var hasTransactionalDDL: Bool { true }
    /// `true`: every database is a file (or in memory).
    public var databasesAreFiles: Bool { true }

    /// Backtick identifiers, and `BEGIN ... END` trigger bodies kept as one statement.
    public var splitterFlavor: SplitterFlavor { .sqlite }

    /// `VARCHAR(64)`, `TEXT`, `TEXT` (ISO 8601) and `INTEGER`.
    public var versionTableTypes: VersionTableTypes {
        VersionTableTypes(revision: "VARCHAR(64)", text: "TEXT", timestamp: "TEXT", integer: "INTEGER")
    }

    /// Double quotes, with embedded double quotes doubled: `"a""b"`.
    public func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A string literal with embedded quotes doubled: `'it''s'`.
    public func literal(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Opens the database file the URL names, creating it when it does not exist.
    /// - Throws: ``DatabaseError`` of kind `.connect` when the file cannot be
    ///   opened or created.
    public func connect(to url: DatabaseURL) throws -> DatabaseConnection {
        try SQLiteConnection(path: Self.path(of: url))
    }

    /// A database file that does not exist reads as an empty database:
    /// `migrate current` must not leave a new, empty file behind.
    public func connectForReading(to url: DatabaseURL) throws -> DatabaseConnection {
        let path = Self.path(of: url)
        guard path == ":memory:" || FileManager.default.fileExists(atPath: path) else {
            return try SQLiteConnection(path: ":memory:")
        }
        return try SQLiteConnection(path: path, create: false)
    }

    /// The absolute path of a database file that does not exist, and, for a
    /// relative path, the working directory it was read against.
    public func absentDatabaseLocation(_ url: DatabaseURL) -> AbsentDatabaseLocation? {
        let path = Self.path(of: url)
        guard !Self.isInMemory(path), !FileManager.default.fileExists(atPath: path) else { return nil }
        guard !path.hasPrefix("/") else { return AbsentDatabaseLocation(path: path) }
        let directory = FileManager.default.currentDirectoryPath
        let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory, isDirectory: true))
            .standardizedFileURL.path
        return AbsentDatabaseLocation(path: absolute, relativePath: path, workingDirectory: directory)
    }

    /// `BEGIN IMMEDIATE` takes SQLite's write lock at once, so the version
    /// table read that follows cannot be changed by another process.
    public func beginTransaction(on connection: DatabaseConnection) throws {
        try connection.execute("BEGIN IMMEDIATE")
    }

    /// Takes the lock file beside the database (`SQLiteLockFile`), which
    /// outlives transactions: a run commits before a `transaction=false`
    /// section, and SQLite's own write lock would let another process in
    /// there. An in-memory database belongs to one connection and needs
    /// none. Then sets the wait for SQLite's own write lock (the
    /// application's transactions) as a busy handler that reports and can
    /// be cancelled.
    public func acquireLock(_ key: String, on connection: DatabaseConnection, wait: LockWait) throws {
        guard let connection = connection as? SQLiteConnection else { return }
        if !Self.isInMemory(connection.path), connection.migrationLock == nil {
            connection.migrationLock = try SQLiteLockFile.acquire(database: connection.path, wait: wait)
        }
        connection.setLockWait(wait)
    }

    /// `PRAGMA busy_timeout`: how long any statement waits for another
    /// connection's lock (a session then installs its own busy handler).
    public func boundLockWaitsSQL(seconds: Double) -> String? {
        "PRAGMA busy_timeout = \(seconds.isFinite ? Int(min(max(seconds, 0) * 1000, Double(Int32.max))) : Int(Int32.max))"
    }

    /// Releases the lock file this connection holds, if any.
    public func releaseLock(_ key: String, on connection: DatabaseConnection) throws {
        guard let connection = connection as? SQLiteConnection else { return }
        connection.migrationLock?.release()
        connection.migrationLock = nil
    }

    /// `:memory:`, or the empty path SQLite gives a private temporary database.
    static func isInMemory(_ path: String) -> Bool {
        path.isEmpty || path == ":memory:" || path.hasPrefix("file::memory:")
    }

    /// `true` for `:memory:` and for a file that exists.
    public func databaseExists(_ url: DatabaseURL) throws -> Bool {
        let path = Self.path(of: url)
        return path == ":memory:" || FileManager.default.fileExists(atPath: path)
    }

    /// Creates the file and writes SQLite's header into it, so that it is a
    /// database and not an empty file.
    /// - Throws: ``DatabaseError`` of kind `.alreadyExists` when the file exists.
    public func createDatabase(_ url: DatabaseURL) throws {
        let path = Self.path(of: url)
        if path != ":memory:", FileManager.default.fileExists(atPath: path) {
            throw DatabaseError(
                .alreadyExists,
                "The SQLite database '\(path)' already exists; drop it first or pass --if-not-exists.")
        }
        let connection = try SQLiteConnection(path: path)
        // Writing the header makes the file a real, non-empty database.
        try connection.execute("PRAGMA user_version = 0; VACUUM")
        connection.close()
    }

    /// Deletes the file and its journal, WAL and lock files. Processes that
    /// still have the file open keep their copy; there is no session to end.
    @discardableResult
    public func dropDatabase(_ url: DatabaseURL) throws -> Int? {
        let path = Self.path(of: url)
        guard path != ":memory:" else { return nil }
        guard FileManager.default.fileExists(atPath: path) else {
            throw DatabaseError(.unknownDatabase, "The SQLite database '\(path)' does not exist.")
        }
        for suffix in ["", "-wal", "-shm", "-journal", ".migrate-lock"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
        return nil
    }

    static func path(of url: DatabaseURL) -> String {
        url.database ?? ":memory:"
    }
}
