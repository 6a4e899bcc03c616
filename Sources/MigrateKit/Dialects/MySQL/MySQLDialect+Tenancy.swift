extension MySQLDialect: SchemaTenancy {
    /// The databases on the server, without the server's own
    /// (`mysql`, `sys`, `information_schema`, `performance_schema`).
    public func tenantSchemas(on connection: DatabaseConnection) throws -> [String] {
        try connection.query(
            """
            SELECT schema_name FROM information_schema.schemata
            WHERE schema_name NOT IN ('mysql', 'sys', 'information_schema', 'performance_schema')
            ORDER BY schema_name
            """
        ).compactMap { $0.first?.string }
    }

    /// In MySQL a schema is a database: the same server, that database.
    public func url(_ base: DatabaseURL, inSchema schema: String) -> DatabaseURL {
        base.with(database: schema)
    }
}
