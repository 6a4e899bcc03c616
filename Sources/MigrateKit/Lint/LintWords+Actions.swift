/// Reading one action of an `ALTER TABLE` (`ADD COLUMN ...`, `DROP ...`,
/// `ALTER COLUMN ...`) in any of the three dialects' spellings.
extension LintWords {
    /// Words after `ADD` or `DROP` that name something other than a column.
    private static let notColumns: Set<String> = [
        "CONSTRAINT", "INDEX", "KEY", "PRIMARY", "FOREIGN", "CHECK", "UNIQUE", "PARTITION", "FULLTEXT", "SPATIAL",
        "DEFAULT", "EXCLUDE", "PERIOD", "SYSTEM", "COLUMNS",
    ]

    /// `DROP [COLUMN] [IF EXISTS] name`: the column.
    public var droppedColumn: String? {
        guard matches("DROP"), !Self.notColumns.contains(keyword(at: 1)) else { return nil }
        return name(at: skipping("IF EXISTS", at: skipping("COLUMN", at: 1)))?.name
    }

    /// `ADD [COLUMN] [IF NOT EXISTS] name definition`: the column and the
    /// words of its definition (type, constraints, default).
    public var addedColumn: (name: String, definition: LintWords)? {
        guard matches("ADD"), !Self.notColumns.contains(keyword(at: 1)) else { return nil }
        var index = skipping("IF NOT EXISTS", at: skipping("COLUMN", at: 1))
        if tokens.indices.contains(index), tokens[index].isSymbol("(") { return nil }  // MySQL ADD (a INT, b INT)
        guard let (column, next) = name(at: index) else { return nil }
        index = next
        return (column, suffix(from: index))
    }

    /// `ALTER [COLUMN] name rest` (PostgreSQL and MySQL): the column and what follows it.
    public var alteredColumn: (name: String, rest: LintWords)? {
        guard matches("ALTER"), !Self.notColumns.contains(keyword(at: 1)), keyword(at: 1) != "CONSTRAINT" else { return nil }
        guard let (column, next) = name(at: skipping("COLUMN", at: 1)) else { return nil }
        return (column, suffix(from: next))
    }

    /// `RENAME [COLUMN] a TO b` (every dialect) or MySQL's
    /// `CHANGE [COLUMN] a b definition` with a new name: the old and new names.
    public var renamedColumn: (from: String, to: String)? {
        if matches("RENAME"), !["TO", "AS", "CONSTRAINT", "INDEX", "KEY"].contains(keyword(at: 1)),
            let (from, next) = name(at: skipping("COLUMN", at: 1)), matches("TO", at: next),
            let (to, _) = name(at: next + 1)
        {
            return (from, to)
        }
        if matches("CHANGE"), let (from, next) = name(at: skipping("COLUMN", at: 1)), let (to, _) = name(at: next),
            from.lowercased() != to.lowercased()
        {
            return (from, to)
        }
        return nil
    }

    /// `ADD [CONSTRAINT name] kind ...`: the constraint kind (`FOREIGN`,
    /// `CHECK`, `UNIQUE`, `PRIMARY`) and the index where it stands.
    public var addedConstraint: (kind: String, at: Int)? {
        guard matches("ADD") else { return nil }
        var index = 1
        if matches("CONSTRAINT", at: 1) {
            guard let (_, next) = name(at: 2) else { return nil }
            index = next
        }
        let kind = keyword(at: index)
        guard ["FOREIGN", "CHECK", "UNIQUE", "PRIMARY"].contains(kind) else { return nil }
        return (kind, index)
    }
}
