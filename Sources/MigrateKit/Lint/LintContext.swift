/// What the linter knows when a rule looks at a statement: the section it
/// is in, and what earlier statements of the same revision did.
public struct LintContext {
    /// The dialect whose rules run (`postgresql`, `mysql`, `sqlite`), or `nil`
    /// when neither the section nor the configuration names one.
    public var dialect: String?
    /// `false` in a `transaction=false` section.
    public var transactional = true
    /// Tables created (or rebuilt into a new table) earlier in this revision:
    /// they hold no rows other sessions use, so locks on them do not matter.
    public var createdTables: Set<String> = []
    /// Indexes created earlier in this revision.
    public var createdIndexes: Set<String> = []
    /// Tables the section rebuilds (SQLite's copy, drop, rename), by the
    /// temporary table that replaces them.
    public var rebuilds: [String: String] = [:]
    /// The statements of this section before the current one.
    public var earlierStatements: [LintStatement] = []
    /// `SET lock_timeout` ran earlier in this section.
    public var lockTimeoutSet = false
    /// `SET foreign_key_checks = 0` ran earlier in this section (MySQL).
    public var foreignKeyChecksOff = false
    /// `table.column` pairs a validated `CHECK (column IS NOT NULL)` covers.
    public var provenNotNull: Set<String> = []
    /// Constraints added `NOT VALID` earlier in this section.
    public var notValidConstraints: Set<String> = []
    /// `NOT VALID` checks of the form `column IS NOT NULL`, by constraint name.
    public var unvalidatedNotNullChecks: [String: String] = [:]
    /// `table.column` pairs an earlier revision marked
    /// `-- migrate:lint deprecated=table.column`.
    public var deprecatedColumns: Set<String> = []
    /// The rows of a table in the database, when one is reachable.
    public var rowCount: (String) -> Int? = { _ in nil }
    /// `[lint] large_table_rows`: a rebuild of a table with more rows is an error.
    public var largeTableRows = LintSettings.defaultLargeTableRows

    /// The context at the start of a section of `dialect`: transactional, nothing
    /// created or set yet.
    public init(dialect: String? = nil) {
        self.dialect = dialect
    }

    /// `true` when `table` existed before this revision (it may hold rows).
    public func isExisting(_ table: String) -> Bool { !createdTables.contains(table) }

    /// Takes in what `statement` did, for the statements after it.
    mutating func absorb(_ statement: LintStatement) {
        earlierStatements.append(statement)
        let words = statement.words
        if let table = statement.createdTable { createdTables.insert(table) }
        if let index = statement.createdIndex, let name = index.name { createdIndexes.insert(name) }
        if let (from, to) = statement.renamedTable, createdTables.contains(from) { createdTables.insert(to) }
        if words.matches("SET"), let setting = words.name(at: words.skipping("SESSION", at: words.skipping("LOCAL", at: 1))) {
            if setting.name == "lock_timeout" { lockTimeoutSet = true }
            if setting.name == "foreign_key_checks", words.tokens.last?.text == "0" || words.tokens.last?.keyword == "OFF" {
                foreignKeyChecksOff = true
            }
        }
        guard let (table, actions) = statement.alterTable else { return }
        for action in actions {
            if action.matches("ADD CONSTRAINT"), let (name, _) = action.name(at: 2), action.contains("NOT VALID") {
                notValidConstraints.insert(name)
            }
            if action.matches("ADD CONSTRAINT"), let (name, next) = action.name(at: 2), action.matches("CHECK", at: next),
                let column = Self.notNullCheckColumn(action.suffix(from: next + 1))
            {
                if action.contains("NOT VALID") {
                    unvalidatedNotNullChecks[name] = table + "." + column
                } else {
                    provenNotNull.insert(table + "." + column)
                }
            }
            if action.matches("VALIDATE CONSTRAINT"), let (name, _) = action.name(at: 2),
                let column = unvalidatedNotNullChecks[name]
            {
                provenNotNull.insert(column)
            }
        }
    }

    /// The column of `( column IS NOT NULL )`, or `nil` for any other check.
    static func notNullCheckColumn(_ words: LintWords) -> String? {
        let inner = words.tokens.filter { !$0.isSymbol("(") && !$0.isSymbol(")") }
        let body = LintWords(inner)
        guard let (column, next) = body.name(at: 0), body.matches("IS NOT NULL", at: next) else { return nil }
        return column
    }
}
