extension Migrator {
    /// Inspects the configured database: every table but the version table
    /// (`version_table`) and those matching `exclude_tables` (which are
    /// listed in ``Schema/unmodelled``).
    public func inspect() throws -> Schema {
        let url = try requireURL()
        let dialect = Dialects.dialect(for: url)
        let connection = try dialect.connectForReading(to: url)
        connection.noticeHandler = noticeHandler
        defer { connection.close() }
        return try inspectModel(connection, dialect: dialect)
    }

    /// The schema of the database a connection is on, as autogenerate,
    /// `check` and `inspect` see it: without the version table, and with
    /// the tables `exclude_tables` matches named as excluded.
    func inspectModel(_ connection: DatabaseConnection, dialect: any Dialect) throws -> Schema {
        var schema = try config.inspector(for: dialect).inspect(connection, excluding: [config.versionTable] + config.excludeTables)
        schema.leaveOutVersionTable(named: config.versionTable)
        return schema
    }
}
