extension MySQLDialect {
    /// The version, and the settings that change how the declared DDL
    /// reads in the scratch database: the live database's character set and
    /// collation (the scratch database takes them), the server's, the
    /// session's `sql_mode`, `lower_case_table_names` and
    /// `explicit_defaults_for_timestamp`. It keys the declared-schema cache.
    public func serverVersion(on connection: DatabaseConnection) throws -> String {
        try connection.scalar(
            "SELECT CONCAT_WS(' ', version(), @@character_set_database, @@collation_database, "
                + "@@character_set_server, @@collation_server, @@SESSION.sql_mode, @@lower_case_table_names, "
                + "@@explicit_defaults_for_timestamp)"
        )?.string ?? ""
    }

    /// A temporary database `migrate_scratch_<random>` on the live
    /// database's server (on `dev_url`'s server when set), dropped afterwards.
    /// It takes the live database's character set and collation, so that a
    /// declared table that names neither gets the same ones as in the live
    /// database (table options are compared).
    public func withScratchDatabase<T>(
        near url: DatabaseURL, devURL: DatabaseURL?, _ body: (DatabaseConnection) throws -> T
    ) throws -> T {
        let scratch = (devURL ?? url).with(database: Self.scratchName())
        let defaults = try? liveDefaults(url)
        try createDatabase(scratch)
        defer { _ = try? dropDatabase(scratch) }
        let connection = try MySQLConnection(url: scratch)
        defer { connection.close() }
        if let (charset, collation) = defaults {
            try connection.execute(
                "ALTER DATABASE \(quoteIdentifier(scratch.database ?? "")) CHARACTER SET \(charset) COLLATE \(collation)")
        }
        return try body(connection)
    }

    /// The live database's default character set and collation, or `nil`
    /// when it does not exist (yet).
    private func liveDefaults(_ url: DatabaseURL) throws -> (String, String)? {
        guard let name = url.database else { return nil }
        let connection = try MySQLConnection(url: url.with(database: nil))
        defer { connection.close() }
        let row = try connection.query(
            """
            SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA
            WHERE SCHEMA_NAME = \(literal(name))
            """
        ).first
        guard let row, let charset = row.text(0), let collation = row.text(1) else { return nil }
        return (charset, collation)
    }
}
