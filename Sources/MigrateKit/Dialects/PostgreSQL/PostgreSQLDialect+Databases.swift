extension PostgreSQLDialect {
    /// The databases to connect to when managing another one, first to last,
    /// as `createdb` does: `postgres`, then `template1`.
    static let maintenanceDatabases = ["postgres", "template1"]

    /// Looks the database up in `pg_database` from a maintenance database
    /// (`postgres`, else `template1`).
    public func databaseExists(_ url: DatabaseURL) throws -> Bool {
        let name = try Self.databaseName(of: url)
        return try withMaintenanceConnection(to: url, avoiding: name) { connection in
            try !connection.query("SELECT 1 FROM pg_database WHERE datname = \(literal(name))").isEmpty
        }
    }

    /// Runs `CREATE DATABASE "name"` with the server's defaults (owner: the
    /// URL's user; encoding and locale: `template1`'s).
    /// - Throws: ``DatabaseError`` of kind `.alreadyExists` when it exists.
    public func createDatabase(_ url: DatabaseURL) throws {
        let name = try Self.databaseName(of: url)
        try withMaintenanceConnection(to: url, avoiding: name) { connection in
            do {
                try connection.execute("CREATE DATABASE \(quoteIdentifier(name))")
            } catch let error as DatabaseError where connection.lastErrorSQLState == "42P04" {
                throw DatabaseError(
                    .alreadyExists,
                    "database '\(name)' already exists on \(url.with(database: nil).redacted); "
                        + "drop it with `migrate database drop`, or choose another name.",
                    sql: error.sql)
            }
        }
    }

    /// Ends the sessions still connected to the database with
    /// `pg_terminate_backend`, counting them, then drops it (`WITH (FORCE)`
    /// on PostgreSQL 13 and later, for a session that connects in between).
    /// - Returns: how many sessions were ended.
    /// - Throws: ``DatabaseError`` of kind `.unknownDatabase` when it does not exist.
    @discardableResult
    public func dropDatabase(_ url: DatabaseURL) throws -> Int? {
        let name = try Self.databaseName(of: url)
        return try withMaintenanceConnection(to: url, avoiding: name) { connection in
            do {
                // Two steps: in one query the planner may call
                // pg_terminate_backend before it filters by database.
                let sessions = try connection.query(
                    "SELECT pid FROM pg_stat_activity WHERE datname = \(literal(name)) AND pid <> pg_backend_pid()")
                let ended = try sessions.compactMap { $0.first?.int }.filter { pid in
                    try connection.scalar("SELECT pg_terminate_backend(\(pid))")?.string == "t"
                }.count
                let force = connection.serverVersion >= 130000 ? " WITH (FORCE)" : ""
                try connection.execute("DROP DATABASE \(quoteIdentifier(name))\(force)")
                return ended
            } catch let error as DatabaseError where connection.lastErrorSQLState == "3D000" {
                throw DatabaseError(
                    .unknownDatabase,
                    "database '\(name)' does not exist on \(url.with(database: nil).redacted); nothing to drop.",
                    sql: error.sql)
            }
        }
    }

    /// The database the URL names, which create, drop and exists need.
    static func databaseName(of url: DatabaseURL) throws -> String {
        guard let name = url.database, !name.isEmpty else {
            throw DatabaseError(
                .unknownDatabase,
                "The URL \(url.redacted) names no database; add one after the host: postgresql://user@host/NAME.")
        }
        return name
    }

    /// Runs `body` on a connection to the same server's maintenance database
    /// (never `name` itself, which cannot be dropped while connected to).
    private func withMaintenanceConnection<T>(
        to url: DatabaseURL, avoiding name: String, _ body: (PostgreSQLConnection) throws -> T
    ) throws -> T {
        var lastError: DatabaseError?
        for database in Self.maintenanceDatabases where database != name {
            let connection: PostgreSQLConnection
            do {
                connection = try PostgreSQLConnection(url: url.with(database: database))
            } catch let error as DatabaseError where error.kind == .unknownDatabase {
                lastError = error
                continue
            }
            defer { connection.close() }
            return try body(connection)
        }
        throw lastError ?? DatabaseError(.unknownDatabase, "No maintenance database to connect to.")
    }
}
