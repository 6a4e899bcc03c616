extension MySQLDialect {
    public func tableExists(_ name: String, on connection: DatabaseConnection) throws -> Bool {
        try !connection.query(
            "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = \(literal(name))"
        ).isEmpty
    }

    public func columnNames(of table: String, on connection: DatabaseConnection) throws -> [String] {
        try connection.query(
            "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_NAME = \(literal(table))"
        ).compactMap { $0[0].string }
    }
}
