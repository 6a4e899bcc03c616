/// One statement of a revision's upgrade section, read for linting: its
/// file line, its tokens, and what kind of statement it is.
public struct LintStatement: Sendable {
    /// The text as the splitter returned it.
    public var text: String
    /// The 1-based file line it starts on.
    public var line: Int
    /// Its tokens, comments removed.
    public var words: LintWords

    /// A statement from the splitter, tokenized.
    public init(_ statement: SQLStatement) {
        self.text = statement.text
        self.line = statement.line
        self.words = LintWords(LintTokenizer.tokens(of: statement.text))
    }

    /// The statement `text`, as if it started on file line `line`.
    public init(text: String, line: Int = 1) {
        self.init(SQLStatement(text: text, line: line))
    }

    /// `ALTER TABLE [IF EXISTS] [ONLY] name action, action, ...`: the table
    /// and its actions; `nil` for any other statement.
    public var alterTable: (table: String, actions: [LintWords])? {
        guard words.matches("ALTER TABLE") else { return nil }
        var index = words.skipping("IF EXISTS", at: 2)
        index = words.skipping("ONLY", at: index)
        guard let (table, next) = words.name(at: index) else { return nil }
        return (table, words.topLevelParts(from: next))
    }

    /// `CREATE [OR REPLACE] [TEMP] [UNLOGGED] TABLE [IF NOT EXISTS] name`: the name.
    public var createdTable: String? {
        guard words.matches("CREATE") else { return nil }
        var index = 1
        while ["OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL"].contains(words.keyword(at: index)) {
            index += 1
        }
        guard words.matches("TABLE", at: index) else { return nil }
        return words.name(at: words.skipping("IF NOT EXISTS", at: index + 1))?.name
    }

    /// `DROP TABLE [IF EXISTS] a, b [CASCADE]`: the tables.
    public var droppedTables: [String] {
        guard words.matches("DROP TABLE") else { return [] }
        return words.topLevelParts(from: words.skipping("IF EXISTS", at: 2)).compactMap { $0.name(at: 0)?.name }
    }

    /// `ALTER TABLE a RENAME TO b` (also MySQL's `RENAME TABLE a TO b`): the old and new names.
    public var renamedTable: (from: String, to: String)? {
        if words.matches("RENAME TABLE"), let (from, next) = words.name(at: 2), words.matches("TO", at: next),
            let (to, _) = words.name(at: next + 1)
        {
            return (from, to)
        }
        guard let (table, actions) = alterTable, actions.count == 1, actions[0].matches("RENAME TO") || actions[0].matches("RENAME AS"),
            let (to, _) = actions[0].name(at: 2)
        else { return nil }
        return (table, to)
    }

    /// `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table`:
    /// the index name (if given), the table, and whether it is built concurrently.
    public var createdIndex: (name: String?, table: String, concurrently: Bool)? {
        guard words.matches("CREATE") else { return nil }
        var index = words.skipping("UNIQUE", at: 1)
        index = words.skipping("FULLTEXT", at: index)
        index = words.skipping("SPATIAL", at: index)
        guard words.matches("INDEX", at: index) else { return nil }
        let concurrently = words.matches("CONCURRENTLY", at: index + 1)
        index = words.skipping("IF NOT EXISTS", at: words.skipping("CONCURRENTLY", at: index + 1))
        var name: String?
        if !words.matches("ON", at: index), let (given, next) = words.name(at: index) {
            name = given
            index = next
        }
        guard words.matches("ON", at: index), let (table, _) = words.name(at: words.skipping("ONLY", at: index + 1))
        else { return nil }
        return (name, table, concurrently)
    }
}
