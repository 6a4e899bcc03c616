extension MySQLDialect {
    /// Looks in `information_schema.TABLES` of the current database (`DATABASE()`).
    public func tableExists(_ name: String, on connection: DatabaseConnection) throws -> Bool {
        try tableExists(name, schemaExpression: "DATABASE()", on: connection)
    }

    /// Reads `information_schema.COLUMNS` of the current database (`DATABASE()`).
    public func columnNames(of table: String, on connection: DatabaseConnection) throws -> [String] {
        try columnNames(of: table, schemaExpression: "DATABASE()", on: connection)
    }

    /// The configured database: a revision's `USE other_db` changes the
    /// current one for the statements after it, migrate's own included.
    public func versionTableSchema(for url: DatabaseURL) -> String? {
        url.database
    }

    /// Looks in `information_schema.TABLES` of the database `schema`.
    public func tableExists(_ name: String, inSchema schema: String, on connection: DatabaseConnection) throws -> Bool {
        try tableExists(name, schemaExpression: literal(schema), on: connection)
    }

    /// Reads `information_schema.COLUMNS` of the database `schema`.
    public func columnNames(of table: String, inSchema schema: String, on connection: DatabaseConnection) throws -> [String] {
        try columnNames(of: table, schemaExpression: literal(schema), on: connection)
    }

    private func tableExists(_ name: String, schemaExpression: String, on connection: DatabaseConnection) throws -> Bool {
        try !connection.query(
            "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = \(schemaExpression) "
                + "AND TABLE_NAME = \(literal(name))"
        ).isEmpty
    }

    private func columnNames(of table: String, schemaExpression: String, on connection: DatabaseConnection) throws -> [String] {
        try connection.query(
            "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = \(schemaExpression) "
                + "AND TABLE_NAME = \(literal(table))"
        ).compactMap { $0[0].string }
    }
}
