/// The foreign key check that ends a table rebuild, in plain SQL.
extension SQLiteRenderer {
    /// The name of the temporary table the check writes its count into.
    static let foreignKeyCheckTable = "_migrate_foreign_key_check"

    /// Statements that make the revision fail when rows of the rebuilt
    /// table, or rows of tables that reference it, break a foreign key.
    ///
    /// `PRAGMA foreign_key_check` only lists the offending rows, and
    /// `migrate` runs with `foreign_keys` off, so nothing else would stop an
    /// orphan row. SQLite has no statement that raises an error outside a
    /// trigger; a `CHECK` constraint does, and its name is the message:
    /// the count of the rows `pragma_foreign_key_check` lists goes into a
    /// temporary table whose constraint requires zero, so the upgrade stops
    /// with "CHECK constraint failed: foreign key violations after
    /// rebuilding t: ..." and the revision's transaction is rolled back.
    ///
    /// The tables checked besides the rebuilt one are those that reference
    /// it in `target` and exist already (in `current`): a table the same
    /// revision creates later is not there yet.
    func foreignKeyCheck(after table: String, current: Schema, target: Schema) -> [String] {
        let check = SQLiteDialect().quoteIdentifier(Self.foreignKeyCheckTable)
        let literal = SQLiteDialect().literal(table)
        let children = target.tableNames.filter { name in
            name != table && current.tables[name] != nil
                && target.tables[name]!.foreignKeys.contains { $0.referencedTable == table }
        }
        var sources = ["SELECT 1 FROM pragma_foreign_key_check(\(literal))"]
        sources += children.map {
            "SELECT 1 FROM pragma_foreign_key_check(\(SQLiteDialect().literal($0))) WHERE parent = \(literal)"
        }
        let checked = ([table] + children).map { "PRAGMA foreign_key_check(\(support.name($0)))" }
        let message =
            "foreign key violations after rebuilding \(table): rows reference missing parents; "
            + checked.joined(separator: ", ") + " lists them"
        return [
            "CREATE TEMP TABLE \(check) (violations INTEGER CONSTRAINT "
                + "\(SQLiteDialect().quoteIdentifier(message)) CHECK (violations = 0))",
            "INSERT INTO \(check) SELECT count(*) FROM (\n    "
                + sources.joined(separator: "\n    UNION ALL ") + "\n)",
            "DROP TABLE \(check)",
        ]
    }
}
