extension PostgreSQLDialect {
    /// Looks the name up through `search_path`, as an unqualified
    /// `CREATE TABLE` would place it.
    public func tableExists(_ name: String, on connection: DatabaseConnection) throws -> Bool {
        try connection.scalar("SELECT to_regclass(\(literal(quoteIdentifier(name)))) IS NOT NULL")?.string == "t"
    }

    public func columnExists(_ column: String, in table: String, on connection: DatabaseConnection) throws -> Bool {
        try !connection.query(
            "SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(\(literal(quoteIdentifier(table)))) "
                + "AND attname = \(literal(column)) AND NOT attisdropped"
        ).isEmpty
    }
}
