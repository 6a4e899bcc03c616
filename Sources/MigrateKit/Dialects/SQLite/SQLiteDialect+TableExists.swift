extension SQLiteDialect {
    public func tableExists(_ name: String, on connection: DatabaseConnection) throws -> Bool {
        try !connection.query(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = \(literal(name))"
        ).isEmpty
    }

    public func columnExists(_ column: String, in table: String, on connection: DatabaseConnection) throws -> Bool {
        try !connection.query(
            "SELECT 1 FROM pragma_table_info(\(literal(table))) WHERE name = \(literal(column))"
        ).isEmpty
    }
}
