extension Migrator {
    /// Inspects the configured database: every table but the version table
    /// (`version_table`) and those matching `exclude_tables`.
    public func inspect() throws -> Schema {
        let url = try requireURL()
        let dialect = Dialects.dialect(for: url)
        let connection = try dialect.connect(to: url)
        connection.noticeHandler = noticeHandler
        defer { connection.close() }
        return try dialect.inspector.inspect(connection, excluding: [config.versionTable] + config.excludeTables)
    }
}
