extension MySQLDialect {
    public func serverVersion(on connection: DatabaseConnection) throws -> String {
        try connection.scalar("SELECT version()")?.string ?? ""
    }

    /// A temporary database `migrate_scratch_<random>` on the live
    /// database's server (on `dev_url`'s server when set), dropped afterwards.
    public func withScratchDatabase<T>(
        near url: DatabaseURL, devURL: DatabaseURL?, _ body: (DatabaseConnection) throws -> T
    ) throws -> T {
        let scratch = (devURL ?? url).with(database: Self.scratchName())
        try createDatabase(scratch)
        defer { try? dropDatabase(scratch) }
        let connection = try MySQLConnection(url: scratch)
        defer { connection.close() }
        return try body(connection)
    }
}
