extension SQLiteDialect {
    public func tableExists(_ name: String, on connection: DatabaseConnection) throws -> Bool {
        try !connection.query(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = \(literal(name))"
        ).isEmpty
    }

    public func columnNames(of table: String, on connection: DatabaseConnection) throws -> [String] {
        try connection.query("SELECT name FROM pragma_table_info(\(literal(table)))").compactMap { $0[0].string }
    }
}
