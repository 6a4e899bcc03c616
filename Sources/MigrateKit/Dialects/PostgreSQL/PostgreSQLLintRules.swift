/// The PostgreSQL rules of `migrate lint`: each names a statement that takes
/// an `ACCESS EXCLUSIVE` or `SHARE` lock for as long as a table scan or
/// rewrite lasts (so every read or write of the table waits), or that fails
/// where it stands. Tables created earlier in the same revision are exempt:
/// nobody else uses them yet. Each rule accepts the form `autogenerate
/// --online` writes.
enum PostgreSQLLintRules {
    static let all: [LintRule] = [
        createIndexNotConcurrently, dropIndexNotConcurrently, concurrentlyInTransaction, foreignKeyWithoutNotValid,
        checkWithoutNotValid, validateInSameTransaction, uniqueWithoutIndex, setNotNull, alterColumnType, volatileDefault,
        missingLockTimeout,
    ]

    static let createIndexNotConcurrently = LintRule(
        "pg.create-index-not-concurrently", .error,
        help: "write CREATE INDEX CONCURRENTLY in a `-- migrate:upgrade transaction=false` section"
    ) { statement, context in
        guard let index = statement.createdIndex, !index.concurrently, context.isExisting(index.table) else { return [] }
        return ["CREATE INDEX \(index.name ?? "") on existing table \(index.table) blocks its writes until the index is built"]
    }

    static let dropIndexNotConcurrently = LintRule(
        "pg.drop-index-not-concurrently", .warning,
        help: "write DROP INDEX CONCURRENTLY in a `-- migrate:upgrade transaction=false` section"
    ) { statement, context in
        let words = statement.words
        guard words.matches("DROP INDEX"), !words.matches("CONCURRENTLY", at: 2) else { return [] }
        let names = words.topLevelParts(from: words.skipping("IF EXISTS", at: 2)).compactMap { $0.name(at: 0)?.name }
            .filter { !context.createdIndexes.contains($0) }
        return names.isEmpty ? [] : ["DROP INDEX \(names.joined(separator: ", ")) takes an ACCESS EXCLUSIVE lock on its table"]
    }

    static let concurrentlyInTransaction = LintRule(
        "pg.concurrently-in-transaction", .error,
        help: "put the statement in a section of its own marked `-- migrate:upgrade transaction=false`"
    ) { statement, context in
        let words = statement.words
        guard context.transactional else { return [] }
        let concurrent =
            statement.createdIndex?.concurrently == true || words.matches("DROP INDEX CONCURRENTLY")
            || (words.matches("REINDEX") && words.contains("CONCURRENTLY"))
            || (words.contains("DETACH PARTITION") && words.contains("CONCURRENTLY"))
        return concurrent ? ["CONCURRENTLY cannot run inside a transaction block: the statement fails"] : []
    }

    static let foreignKeyWithoutNotValid = LintRule.onAlterActions(
        "pg.foreign-key-not-valid", .error,
        help: "add the foreign key NOT VALID, then `ALTER TABLE ... VALIDATE CONSTRAINT ...` (which takes a weaker lock)"
    ) { table, action, context in
        if let constraint = action.addedConstraint, constraint.kind == "FOREIGN", !action.contains("NOT VALID") {
            return "adding a foreign key to \(table) validates every row while both tables are locked against writes"
        }
        if let column = action.addedColumn, column.definition.contains("REFERENCES") {
            return "adding column \(table).\(column.name) with REFERENCES validates the foreign key while both tables "
                + "are locked against writes; add the column, then the constraint NOT VALID"
        }
        return nil
    }

    static let checkWithoutNotValid = LintRule.onAlterActions(
        "pg.check-not-valid", .error,
        help: "add the check NOT VALID, then `ALTER TABLE ... VALIDATE CONSTRAINT ...` (which takes a weaker lock)"
    ) { table, action, context in
        guard let constraint = action.addedConstraint, constraint.kind == "CHECK", !action.contains("NOT VALID")
        else { return nil }
        return "adding a CHECK to \(table) scans every row under an ACCESS EXCLUSIVE lock"
    }

    /// Found by Squawk's `constraint-missing-not-valid`: `ADD ... NOT VALID`
    /// takes an `ACCESS EXCLUSIVE` lock that lasts until the commit, so a
    /// `VALIDATE CONSTRAINT` in the same transaction scans under it.
    static let validateInSameTransaction = LintRule(
        "pg.validate-in-same-transaction", .error,
        help: "validate after the commit: move VALIDATE CONSTRAINT to a `-- migrate:upgrade transaction=false` section "
            + "(a revision of its own)"
    ) { statement, context in
        guard context.transactional, let (table, actions) = statement.alterTable else { return [] }
        return actions.compactMap { action in
            guard action.matches("VALIDATE CONSTRAINT"), let (name, _) = action.name(at: 2),
                context.notValidConstraints.contains(name)
            else { return nil }
            return "VALIDATE CONSTRAINT \(name) runs in the transaction that added it NOT VALID: the scan holds that "
                + "statement's ACCESS EXCLUSIVE lock on \(table), blocking reads and writes"
        }
    }

    static let uniqueWithoutIndex = LintRule.onAlterActions(
        "pg.add-unique-without-index", .error,
        help: "build a unique index with CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX"
    ) { table, action, context in
        guard let constraint = action.addedConstraint, ["UNIQUE", "PRIMARY"].contains(constraint.kind),
            !action.contains("USING INDEX")
        else { return nil }
        return "adding a \(constraint.kind == "PRIMARY" ? "PRIMARY KEY" : "UNIQUE constraint") to \(table) builds its "
            + "index while the table is locked against reads and writes"
    }

    static let setNotNull = LintRule.onAlterActions(
        "pg.set-not-null", .error,
        help: "first ADD CONSTRAINT ... CHECK (column IS NOT NULL) NOT VALID and VALIDATE CONSTRAINT it; SET NOT NULL "
            + "then skips the scan"
    ) { table, action, context in
        guard let column = action.alteredColumn, column.rest.matches("SET NOT NULL"),
            !context.provenNotNull.contains("\(table).\(column.name)")
        else { return nil }
        return "SET NOT NULL on \(table).\(column.name) scans every row under an ACCESS EXCLUSIVE lock"
    }

    /// Target types that a widening change reaches without a rewrite
    /// (`varchar(n)` to a longer or unbounded `varchar` or `text`, `numeric(p,s)`
    /// to a larger precision): the rule leaves them alone.
    static let typesWithoutRewrite: Set<String> = ["TEXT", "VARCHAR", "CHARACTER", "NUMERIC", "DECIMAL", "CITEXT"]

    static let alterColumnType = LintRule.onAlterActions(
        "pg.alter-column-type", .error,
        help: "add a new column of the new type, backfill it in batches, and switch over in a later release"
    ) { table, action, context in
        guard let column = action.alteredColumn else { return nil }
        let rest = column.rest
        let typeAt = rest.matches("SET DATA TYPE") ? 3 : rest.matches("TYPE") ? 1 : nil
        guard let typeAt else { return nil }
        let type = rest.keyword(at: typeAt)
        if typesWithoutRewrite.contains(type) && !rest.contains("USING") { return nil }
        return "changing the type of \(table).\(column.name) to \(rest.names.dropFirst(typeAt).first ?? type) "
            + "rewrites the table and its indexes under an ACCESS EXCLUSIVE lock"
    }

    /// Functions whose value differs row by row: a default calling one is
    /// computed for every existing row, which rewrites the table.
    static let volatileFunctions: Set<String> = [
        "random", "clock_timestamp", "timeofday", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc",
        "uuid_generate_v4", "uuidv4", "uuidv7", "nextval", "txid_current", "gen_random_bytes", "setseed",
    ]

    static let volatileDefault = LintRule.onAlterActions(
        "pg.volatile-default", .error,
        help: "add the column without a default (or with a constant one), then SET DEFAULT and backfill the existing rows "
            + "in batches"
    ) { table, action, context in
        guard let column = action.addedColumn else { return nil }
        let tokens = column.definition.tokens
        if ["SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL4", "SERIAL8", "SERIAL2"].contains(column.definition.keyword(at: 0)) {
            return "adding \(column.definition.keyword(at: 0).lowercased()) column \(table).\(column.name) fills every "
                + "row from a sequence, which rewrites the table under an ACCESS EXCLUSIVE lock"
        }
        if column.definition.contains("AS IDENTITY") {
            return "adding identity column \(table).\(column.name) fills every row from a sequence, which rewrites "
                + "the table under an ACCESS EXCLUSIVE lock"
        }
        if column.definition.contains("GENERATED ALWAYS AS"), column.definition.contains("STORED") {
            return "adding stored generated column \(table).\(column.name) computes it for every row, which rewrites "
                + "the table under an ACCESS EXCLUSIVE lock"
        }
        guard let start = column.definition.index(of: "DEFAULT") else { return nil }
        let called = tokens.indices.dropFirst(start + 1).first { index in
            tokens[index].kind == .word && volatileFunctions.contains(tokens[index].name)
                && index + 1 < tokens.count && tokens[index + 1].isSymbol("(")
        }
        guard let called else { return nil }
        return "the default \(tokens[called].name)() of new column \(table).\(column.name) is volatile: every row is "
            + "rewritten under an ACCESS EXCLUSIVE lock"
    }

    /// `true` for a statement that takes a lock others queue behind on a
    /// table that existed before the revision.
    static func takesTableLock(_ statement: LintStatement, _ context: LintContext) -> Bool {
        let words = statement.words
        if let (table, _) = statement.alterTable { return context.isExisting(table) }
        if let index = statement.createdIndex { return !index.concurrently && context.isExisting(index.table) }
        if words.matches("DROP INDEX") { return !words.matches("CONCURRENTLY", at: 2) }
        if !statement.droppedTables.isEmpty { return statement.droppedTables.contains(where: context.isExisting) }
        return words.matches("TRUNCATE") || words.matches("LOCK") || words.matches("DROP SCHEMA") || words.matches("CREATE TRIGGER")
            || words.matches("CREATE OR REPLACE TRIGGER") || words.matches("VACUUM FULL") || words.matches("CLUSTER")
    }

    static let missingLockTimeout = LintRule(
        "pg.missing-lock-timeout", .warning,
        help: "start the section with `SET lock_timeout = '5s';` so a statement that waits for a lock fails fast "
            + "instead of queueing every other query of the table behind it"
    ) { statement, context in
        guard context.transactional, !context.lockTimeoutSet, takesTableLock(statement, context),
            !context.earlierStatements.contains(where: { takesTableLock($0, context) })
        else { return [] }
        return [
            "this statement takes a table lock with no lock_timeout set: while it waits, every query of the table "
                + "waits behind it"
        ]
    }
}
