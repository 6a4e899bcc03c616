extension SQLiteDialect {
    /// The text of `SELECT sqlite_version()`.
    public func serverVersion(on connection: DatabaseConnection) throws -> String {
        try connection.scalar("SELECT sqlite_version()")?.string ?? ""
    }

    /// An in-memory database, gone when its connection closes (`dev_url` is
    /// not needed on SQLite and is ignored).
    public func withScratchDatabase<T>(
        near url: DatabaseURL, devURL: DatabaseURL?, _ body: (DatabaseConnection) throws -> T
    ) throws -> T {
        let connection = try SQLiteConnection(path: ":memory:")
        defer { connection.close() }
        return try body(connection)
    }
}
