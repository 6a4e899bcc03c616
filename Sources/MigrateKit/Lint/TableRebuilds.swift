/// Finds table rebuilds in a section: `CREATE TABLE new`, copy, `DROP TABLE
/// old`, `ALTER TABLE new RENAME TO old` (SQLite's documented way to make a
/// change its `ALTER TABLE` cannot). The drop and the rename of a rebuild
/// lose no data and rename nothing an application sees, so the destructive
/// and rename rules leave them alone; the SQLite rules judge the copy.
enum TableRebuilds {
    /// The rebuilt tables of `statements`, each with the table that replaces it.
    static func find(in statements: [LintStatement]) -> [String: String] {
        var created: Set<String> = []
        var dropped: Set<String> = []
        var rebuilds: [String: String] = [:]
        for statement in statements {
            if let table = statement.createdTable { created.insert(table) }
            dropped.formUnion(statement.droppedTables)
            if let (from, to) = statement.renamedTable, created.contains(from), dropped.contains(to) {
                rebuilds[to] = from
            }
        }
        return rebuilds
    }
}
