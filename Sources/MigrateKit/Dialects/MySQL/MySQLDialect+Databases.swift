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

    /// Ends the other sessions using the database (`KILL CONNECTION`, for
    /// those this user may end), then runs `DROP DATABASE name`, which would
    /// otherwise wait for their metadata locks.
    /// - Returns: how many sessions were ended.
    /// - Throws: ``DatabaseError`` of kind `.unknownDatabase` when it does
    ///   not exist.
    @discardableResult
    public func dropDatabase(_ url: DatabaseURL) throws -> Int? {
        let name = try Self.databaseName(in: url)
        return try withServerConnection(url) { connection in
            let sessions = try connection.query(
                "SELECT id FROM information_schema.processlist WHERE db = \(literal(name)) AND id <> CONNECTION_ID()")
            var ended = 0
            for id in sessions.compactMap({ $0.first?.int }) {
                // A session that ended meanwhile, or one of another user's
                // that this one may not end, is left to DROP DATABASE.
                if (try? connection.execute("KILL CONNECTION \(id)")) != nil { ended += 1 }
            }
            do {
                try connection.execute("DROP DATABASE \(quoteIdentifier(name))")
            } catch let error as DatabaseError where connection.lastErrorNumber == 1008 {  // ER_DB_DROP_EXISTS
                throw DatabaseError(.unknownDatabase, "database '\(name)' does not exist", sql: error.sql)
            }
            return ended
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
