extension MySQLDialect {
    /// Looks the database up in `information_schema.SCHEMATA`, connected to
    /// the same server with no database selected.
    public func databaseExists(_ url: DatabaseURL) throws -> Bool {
        let name = try Self.databaseName(in: url)
        return try withServerConnection(url) { connection in
            try !connection.query(
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = \(literal(name))"
            ).isEmpty
        }
    }

    /// `CREATE DATABASE name CHARACTER SET utf8mb4`.
    /// - Throws: ``DatabaseError`` of kind `.alreadyExists` when it exists.
    public func createDatabase(_ url: DatabaseURL) throws {
        let name = try Self.databaseName(in: url)
        try withServerConnection(url) { connection in
            do {
                try connection.execute("CREATE DATABASE \(quoteIdentifier(name)) CHARACTER SET utf8mb4")
            } catch let error as DatabaseError where connection.lastErrorNumber == 1007 {  // ER_DB_CREATE_EXISTS
                throw DatabaseError(
                    .alreadyExists,
                    "The MySQL database '\(name)' already exists; drop it first or pass --if-not-exists.",
                    sql: error.sql)
            }
        }
    }

    /// `DROP DATABASE name`.
    /// - Throws: ``DatabaseError`` of kind `.unknownDatabase` when it does
    ///   not exist.
    public func dropDatabase(_ url: DatabaseURL) throws {
        let name = try Self.databaseName(in: url)
        try withServerConnection(url) { connection in
            do {
                try connection.execute("DROP DATABASE \(quoteIdentifier(name))")
            } catch let error as DatabaseError where connection.lastErrorNumber == 1008 {  // ER_DB_DROP_EXISTS
                throw DatabaseError(.unknownDatabase, "database '\(name)' does not exist", sql: error.sql)
            }
        }
    }

    private static func databaseName(in url: DatabaseURL) throws -> String {
        guard let name = url.database, !name.isEmpty else {
            throw DatabaseError(
                .unknownDatabase,
                "The URL \(url.redacted) names no database; add its name after the host, as in mysql://user@host/app.")
        }
        return name
    }

    /// Runs `body` on a connection to the URL's server with no database
    /// selected, and closes it.
    private func withServerConnection<T>(_ url: DatabaseURL, _ body: (MySQLConnection) throws -> T) throws -> T {
        let connection = try MySQLConnection(url: url.with(database: nil))
        defer { connection.close() }
        return try body(connection)
    }
}
