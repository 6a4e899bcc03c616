/// SQLite's lint rules: the table rebuild (new table, copy, drop, rename),
/// which holds the database's write lock while every row is copied.
extension SQLiteDialect: LintingDialect {
    /// The table rebuild, and the rebuild of a large table.
    public var lintRules: [LintRule] { [SQLiteLintRules.rebuildLargeTable, SQLiteLintRules.tableRebuild] }
}

/// A rebuild is judged on its `DROP TABLE` of the old table. With a database
/// reachable, the old table's rows are counted: more than `[lint]
/// large_table_rows` (default 100000) is an error, fewer is fine. Without
/// one the size is unknown, and the rebuild is a warning.
enum SQLiteLintRules {
    static func rebuiltTables(_ statement: LintStatement, _ context: LintContext) -> [String] {
        statement.droppedTables.filter { context.rebuilds[$0] != nil && context.isExisting($0) }
    }

    static let rebuildLargeTable = LintRule(
        "sqlite.rebuild-large-table", .error,
        help: "the copy holds the database's write lock for its whole length; run it when writers can wait, "
            + "or raise [lint] large_table_rows"
    ) { statement, context in
        rebuiltTables(statement, context).compactMap { table in
            guard let rows = context.rowCount(table), rows > context.largeTableRows else { return nil }
            return "rebuilds table \(table), which holds \(rows) rows (more than \(context.largeTableRows)): every write to "
                + "the database waits while they are copied"
        }
    }

    static let tableRebuild = LintRule(
        "sqlite.table-rebuild", .warning,
        help: "lint with the database reachable to count the rows, or make sure the table is small"
    ) { statement, context in
        rebuiltTables(statement, context).filter { context.rowCount($0) == nil }.map {
            "rebuilds table \($0) (copy, drop, rename); its size is unknown without a database, and every write waits "
                + "while its rows are copied"
        }
    }
}
