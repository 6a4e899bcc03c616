extension PostgreSQLDialect {
    /// The text of `SELECT version()`.
    public func serverVersion(on connection: DatabaseConnection) throws -> String {
        try connection.scalar("SELECT version()")?.string ?? ""
    }

    /// A temporary database `migrate_scratch_<random>` on the live
    /// database's server, dropped afterwards. With `dev_url`, a temporary
    /// schema in that database instead (made the current schema, then
    /// dropped with `CASCADE`), for users who may not create databases.
    /// The body sees a `PostgreSQLScratchSession`, so that declared
    /// session settings and ownership do not change what is inspected.
    public func withScratchDatabase<T>(
        near url: DatabaseURL, devURL: DatabaseURL?, _ body: (DatabaseConnection) throws -> T
    ) throws -> T {
        let name = Self.scratchName()
        if let devURL {
            let connection = try PostgreSQLConnection(url: devURL)
            defer { connection.close() }
            try connection.execute("CREATE SCHEMA \(quoteIdentifier(name))")
            defer { try? connection.execute("DROP SCHEMA IF EXISTS \(quoteIdentifier(name)) CASCADE") }
            let searchPath = "SET search_path TO \(quoteIdentifier(name))"
            try connection.execute(searchPath)
            return try body(PostgreSQLScratchSession(connection, searchPath: searchPath))
        }
        let scratch = url.with(database: name)
        try createDatabase(scratch)
        defer { _ = try? dropDatabase(scratch) }
        let connection = try PostgreSQLConnection(url: scratch)
        defer { connection.close() }
        return try body(PostgreSQLScratchSession(connection, searchPath: nil))
    }
}
