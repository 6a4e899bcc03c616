/// The rules every dialect shares: statements that destroy data, and
/// changes an application still running the previous release cannot live
/// with.
public enum LintRules {
    /// The rules run for every dialect: destructive statements (`DROP TABLE`, `DROP
    /// COLUMN`, `DROP SCHEMA`, `TRUNCATE`, renames) and changes the running
    /// release cannot live with.
    public static let common: [LintRule] = [
        dropTable, dropColumn, dropSchema, truncate, renameTable, renameColumn, dropColumnNotDeprecated,
        addRequiredColumn, dropNotNull,
    ]

    /// `DROP TABLE` of a table that existed before the revision (a rebuild's drop is not one).
    public static let dropTable = LintRule(
        "destructive.drop-table", .error,
        help: "the table's rows are lost for good; back them up first, or disable the rule for this statement once you have"
    ) { statement, context in
        statement.droppedTables.filter { context.isExisting($0) && context.rebuilds[$0] == nil }
            .map { "drops table \($0) and every row in it" }
    }

    /// `ALTER TABLE ... DROP [COLUMN]`.
    public static let dropColumn = LintRule.onAlterActions(
        "destructive.drop-column", .error,
        help: "the column's values are lost for good; copy them elsewhere first if anyone may need them"
    ) { table, action, _ in
        action.droppedColumn.map { "drops column \(table).\($0) and its values" }
    }

    /// `DROP SCHEMA`, `DROP DATABASE`.
    public static let dropSchema = LintRule(
        "destructive.drop-schema", .error,
        help: "everything in it is lost for good; drop the objects one by one in revisions of their own instead"
    ) { statement, _ in
        guard statement.words.matches("DROP SCHEMA") || statement.words.matches("DROP DATABASE") else { return [] }
        let names = statement.words.topLevelParts(from: statement.words.skipping("IF EXISTS", at: 2))
            .compactMap { $0.name(at: 0)?.name }
        return ["drops \(statement.words.keyword(at: 1).lowercased()) \(names.joined(separator: ", ")) and everything in it"]
    }

    /// `TRUNCATE`.
    public static let truncate = LintRule(
        "destructive.truncate", .error,
        help: "every row is deleted; a migration should not delete data an application wrote"
    ) { statement, _ in
        guard statement.words.matches("TRUNCATE") else { return [] }
        let names = statement.words.topLevelParts(from: statement.words.skipping("TABLE", at: 1))
            .compactMap { $0.name(at: 0)?.name }
        return ["deletes every row of \(names.joined(separator: ", "))"]
    }

    /// `ALTER TABLE a RENAME TO b`, `RENAME TABLE a TO b` (not a rebuild's rename).
    public static let renameTable = LintRule(
        "compat.rename-table", .error,
        help: "the running application still uses the old name; create the new table (or a view under the old name), "
            + "move the application, then drop the old one in a later release"
    ) { statement, context in
        guard let (from, to) = statement.renamedTable, context.isExisting(from), context.rebuilds[to] != from
        else { return [] }
        return ["renames table \(from) to \(to) while the running application still uses \(from)"]
    }

    /// `RENAME COLUMN a TO b`, MySQL `CHANGE a b ...`.
    public static let renameColumn = LintRule.onAlterActions(
        "compat.rename-column", .error,
        help: "the running application still uses the old name; add the new column, write both, backfill, "
            + "and drop the old one in a later release"
    ) { table, action, _ in
        action.renamedColumn.map {
            "renames column \(table).\($0.from) to \($0.to) while the running application still uses \($0.from)"
        }
    }

    /// A dropped column that no earlier revision marked deprecated.
    public static let dropColumnNotDeprecated = LintRule.onAlterActions(
        "compat.drop-column", .error,
        help: "stop using the column in the application first and mark it with `-- migrate:lint deprecated=table.column` "
            + "in a revision of that release; drop it in a later one"
    ) { table, action, context in
        guard let column = action.droppedColumn, !context.deprecatedColumns.contains("\(table).\(column)".lowercased())
        else { return nil }
        return "drops column \(table).\(column), which the previous release may still read or write "
            + "(no earlier revision marks it deprecated)"
    }

    /// `ADD COLUMN ... NOT NULL` without a default, on an existing table.
    public static let addRequiredColumn = LintRule.onAlterActions(
        "compat.add-required-column", .error,
        help: "add the column with a DEFAULT (or nullable), backfill it, then make it NOT NULL in a later revision"
    ) { table, action, _ in
        guard let column = action.addedColumn else { return nil }
        let definition = column.definition
        guard
            definition.contains("NOT NULL") && !definition.contains("DEFAULT") && !definition.contains("GENERATED")
                && !definition.contains("AUTO_INCREMENT") && !definition.contains("AUTOINCREMENT")
                && !["SERIAL", "BIGSERIAL", "SMALLSERIAL"].contains(definition.keyword(at: 0))
        else { return nil }
        return "adds NOT NULL column \(table).\(column.name) without a default: it fails on a table with rows, and the "
            + "running application's INSERTs do not set it"
    }

    /// `ALTER COLUMN ... DROP NOT NULL` (found by Squawk's `ban-drop-not-null`).
    public static let dropNotNull = LintRule.onAlterActions(
        "compat.drop-not-null", .warning,
        help: "make sure the running application reads NULL from the column without failing before you allow it"
    ) { table, action, context in
        guard let column = action.alteredColumn, column.rest.matches("DROP NOT NULL") else { return nil }
        return "lets \(table).\(column.name) hold NULL, which the running application may not expect"
    }
}
