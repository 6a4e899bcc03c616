extension SQLiteDialect {
    /// Looks the table up in `sqlite_master`.
    public func tableExists(_ name: String, on connection: DatabaseConnection) throws -> Bool {
        try !connection.query(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = \(literal(name))"
        ).isEmpty
    }

    /// Reads `pragma_table_info` of the table.
    public func columnNames(of table: String, on connection: DatabaseConnection) throws -> [String] {
        try connection.query("SELECT name FROM pragma_table_info(\(literal(table)))").compactMap { $0[0].string }
    }
}
