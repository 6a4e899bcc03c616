extension PostgreSQLDialect {
    /// Looks the name up through `search_path`, as an unqualified
    /// `CREATE TABLE` would place it.
    public func tableExists(_ name: String, on connection: DatabaseConnection) throws -> Bool {
        try connection.scalar("SELECT to_regclass(\(literal(quoteIdentifier(name)))) IS NOT NULL")?.string == "t"
    }

    /// Reads `pg_attribute` for the table found through `search_path`,
    /// leaving out system and dropped columns.
    public func columnNames(of table: String, on connection: DatabaseConnection) throws -> [String] {
        try connection.query(
            "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(\(literal(quoteIdentifier(table)))) "
                + "AND attnum > 0 AND NOT attisdropped"
        ).compactMap { $0[0].string }
    }
}
