/// The MySQL rule of `migrate lint`, from the MySQL 8.0 manual's "Online DDL
/// Operations" tables. The table is conservative: an action is named when
/// the manual lists `In Place: No` for it, or when it may (a column
/// redefinition, whose old definition the linter does not see). An `ALTER`
/// that states `ALGORITHM=INSTANT` or `ALGORITHM=INPLACE` is accepted: the
/// server refuses it rather than copy.
///
/// | Action | Why it copies |
/// |---|---|
/// | `MODIFY` / `CHANGE` a column | a type change copies (only a `VARCHAR` widening within the same length-byte size, and a rename, do not) |
/// | `ADD FOREIGN KEY` | in place only with `foreign_key_checks=0` |
/// | `DROP PRIMARY KEY` without `ADD PRIMARY KEY` | copy only |
/// | `CONVERT TO CHARACTER SET` | copy only |
/// | `ADD` a `STORED` generated column | copy only |
/// | `PARTITION BY`, `REMOVE PARTITIONING` | copy only |
/// | `ORDER BY` | copy only |
/// | `ALGORITHM=COPY` | asks for it |
enum MySQLLintRules {
    static let alterRequiresCopy = LintRule(
        "mysql.alter-requires-copy", .error,
        help: "add `, ALGORITHM=INPLACE, LOCK=NONE` (or INSTANT) so the server refuses rather than copies, and do what "
            + "it cannot do in place as a new column or table that the application moves to"
    ) { statement, context in
        guard let (table, actions) = statement.alterTable, context.isExisting(table) else { return [] }
        let words = statement.words
        let algorithm = words.index(of: "ALGORITHM").map { words.keyword(at: words.tokens[$0 + 1].isSymbol("=") ? $0 + 2 : $0 + 1) }
        if algorithm == "INPLACE" || algorithm == "INSTANT" { return [] }
        if algorithm == "COPY" { return ["ALTER TABLE \(table) asks for ALGORITHM=COPY: writes block while the table is copied"] }
        let addsPrimaryKey = actions.contains { $0.matches("ADD PRIMARY KEY") || ($0.addedConstraint?.kind == "PRIMARY") }
        return actions.compactMap { action -> String? in
            let what: String?
            if action.matches("MODIFY") || (action.matches("CHANGE") && action.renamedColumn == nil) {
                let column = action.name(at: action.skipping("COLUMN", at: 1))?.name ?? "?"
                what = "redefining column \(column) (a type or nullability change copies the table)"
            } else if action.matches("CHANGE") {
                what = "CHANGE of column \(action.renamedColumn?.from ?? "?") (copies the table unless only the name changes)"
            } else if action.addedConstraint?.kind == "FOREIGN" && !context.foreignKeyChecksOff {
                what = "adding a foreign key with foreign_key_checks on"
            } else if action.matches("DROP PRIMARY KEY") && !addsPrimaryKey {
                what = "dropping the primary key without adding another"
            } else if action.matches("CONVERT TO CHARACTER SET") {
                what = "converting the character set"
            } else if action.addedColumn != nil && action.contains("STORED") && action.contains("AS") {
                what = "adding a STORED generated column"
            } else if action.matches("PARTITION BY") || action.matches("REMOVE PARTITIONING") {
                what = "repartitioning"
            } else if action.matches("ORDER BY") {
                what = "ORDER BY"
            } else {
                what = nil
            }
            return what.map {
                "ALTER TABLE \(table): \($0) cannot run ALGORITHM=INSTANT or INPLACE; writes block while the table is copied"
            }
        }
    }
}
