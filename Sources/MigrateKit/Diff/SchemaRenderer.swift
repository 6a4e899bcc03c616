/// Writes schema changes as SQL in one dialect: one conforming type per
/// dialect folder (`Dialect.renderer`).
public protocol SchemaRenderer: Sendable {
    /// SQL for the upgrade direction of `changes` applied to `current` (which
    /// yields `target`): statements each ended by `;` and a newline, formatted
    /// as a person would write them, with a `-- ` comment line before each
    /// change and, for suspected renames, a comment naming the likely rename
    /// and the `RENAME` statement to use instead.
    func render(_ changes: [SchemaChange], current: Schema, target: Schema) -> String

    /// The statement that renames a column of `table`, or the table `from`
    /// itself when `table` is `nil` (no trailing `;`).
    func renameStatement(table: String?, from: String, to: String) -> String

    /// The dialect the renderer writes.
    var dialect: any Dialect { get }
}

extension SchemaRenderer {
    /// Both sections of a revision: the upgrade renders `changes` from
    /// `current` to `target`, the downgrade renders each change reversed, in
    /// reverse order, from `target` back to `current`.
    ///
    /// Renames run first in the upgrade and last in the downgrade: the other
    /// changes are rendered between the schema with the renames applied and
    /// the target, so they name tables and columns as they are then.
    public func renderRevision(_ changes: [SchemaChange], current: Schema, target: Schema) -> (
        upgrade: String, downgrade: String
    ) {
        let renames = changes.filter(\.isRename)
        let others = changes.filter { !$0.isRename }
        guard !renames.isEmpty else {
            return (
                render(changes, current: current, target: target),
                render(changes.reversed().map(\.reversed), current: target, target: current)
            )
        }
        let renamed = current.applying(renames, dialect: dialect)
        let backwards = renames.reversed().map(\.reversed)
        let upgrade = [render(renames, current: current, target: renamed), render(others, current: renamed, target: target)]
        let downgrade = [
            render(others.reversed().map(\.reversed), current: target, target: renamed),
            render(backwards, current: renamed, target: current),
        ]
        return (
            upgrade.filter { !$0.isEmpty }.joined(separator: "\n"), downgrade.filter { !$0.isEmpty }.joined(separator: "\n")
        )
    }
}

/// One change as written: its comment lines and its statements.
struct RenderedBlock {
    var comments: [String]
    var statements: [String]

    init(comments: [String], statements: [String]) {
        self.comments = comments
        self.statements = statements
    }

    /// The blocks separated by blank lines, each comment line prefixed with
    /// `-- ` (a comment holding a line break, such as a multi-line check
    /// expression, becomes several lines), each statement ended with `;`.
    static func join(_ blocks: [RenderedBlock]) -> String {
        blocks.map { block in
            let comments = block.comments.flatMap { $0.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) }
            return (comments.map { "-- " + $0 + "\n" } + block.statements.map { $0 + ";\n" }).joined()
        }.joined(separator: "\n")
    }
}

/// Shared by the three renderers: identifier quoting only where needed, and
/// the rename notes.
struct RenderingSupport {
    let dialect: any Dialect
    /// Bare identifiers are lower-case only (PostgreSQL folds unquoted names).
    let foldsToLowerCase: Bool

    /// The name bare when it is a plain identifier and no keyword, else quoted.
    func name(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return dialect.quoteIdentifier(text) }
        func plain(_ c: Unicode.Scalar) -> Bool {
            (c >= "a" && c <= "z") || c == "_" || (!foldsToLowerCase && c >= "A" && c <= "Z")
        }
        let bare =
            plain(first) && text.unicodeScalars.allSatisfy { plain($0) || ($0 >= "0" && $0 <= "9") }
            && !Self.reservedWords.contains(text.uppercased())
        return bare ? text : dialect.quoteIdentifier(text)
    }

    /// A possibly schema-qualified table name (`other.t`).
    func tableName(_ text: String) -> String {
        text.split(separator: ".", omittingEmptySubsequences: false).map { name(String($0)) }.joined(separator: ".")
    }

    func names(_ list: [String]) -> String {
        list.map(name).joined(separator: ", ")
    }

    /// `CREATE [UNIQUE] INDEX name ON table (keys) [WHERE predicate]`, as
    /// PostgreSQL and SQLite write it. `table` is already rendered;
    /// PostgreSQL wants expression keys in parentheses, SQLite does not.
    func createIndex(_ index: Index, on table: String, parenthesizingExpressions: Bool) -> String {
        let keys = index.keys.map { key in
            (key.isExpression ? (parenthesizingExpressions ? "(\(key.text))" : key.text) : name(key.text))
                + (key.isDescending ? " DESC" : "")
        }
        var text =
            "CREATE \(index.isUnique ? "UNIQUE " : "")INDEX \(name(index.name)) ON \(table) "
            + "(\(keys.joined(separator: ", ")))"
        if let predicate = index.predicate { text += " WHERE \(predicate)" }
        return text
    }

    /// The statements of an object change as its inspector wrote them; an
    /// object altered in place is dropped and created again unless the
    /// dialect's renderer knows better. `nil` for a change to a table.
    func objectStatements(_ change: SchemaChange) -> [String]? {
        switch change {
        case .createObject(let object, _): object.createStatements
        case .dropObject(let object, _): object.dropStatements
        case .alterObject(let from, let to): from.dropStatements + to.createStatements
        default: nil
        }
    }

    /// Comment lines to put before the change at each position: what it
    /// can lose (`DATA LOSS: drops column users.fax`).
    func dataLossNotes(_ changes: [SchemaChange]) -> [Int: [String]] {
        var notes: [Int: [String]] = [:]
        for (offset, change) in changes.enumerated() {
            if let loss = dialect.dataLoss(of: change, among: changes) { notes[offset] = ["DATA LOSS: " + loss] }
        }
        return notes
    }

    /// `ALTER TABLE t RENAME COLUMN a TO b` / `ALTER TABLE a RENAME TO b`,
    /// which all three dialects accept.
    func renameStatement(table: String?, from: String, to: String) -> String {
        if let table {
            return "ALTER TABLE \(tableName(table)) RENAME COLUMN \(name(from)) TO \(name(to))"
        }
        return "ALTER TABLE \(tableName(from)) RENAME TO \(tableName(to))"
    }

    /// Words that are reserved in at least one of the dialects, quoted
    /// wherever they are used as names.
    static let reservedWords: Set<String> = [
        "ADD", "ALL", "ALTER", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "BETWEEN", "BOTH", "BY", "CASE", "CAST",
        "CHECK", "COLLATE", "COLUMN", "CONSTRAINT", "CREATE", "CROSS", "CURRENT_DATE", "CURRENT_TIME",
        "CURRENT_TIMESTAMP", "CURRENT_USER", "DATABASE", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP", "ELSE",
        "END", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FOR", "FOREIGN", "FROM", "FULL", "GRANT", "GROUP", "HAVING",
        "IN", "INDEX", "INNER", "INSERT", "INTERSECT", "INTO", "IS", "JOIN", "KEY", "KEYS", "LEADING", "LEFT",
        "LIKE", "LIMIT", "NATURAL", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OUTER", "PRIMARY", "RANGE",
        "REFERENCES", "RENAME", "REPLACE", "RIGHT", "ROW", "ROWS", "SELECT", "SET", "TABLE", "THEN", "TO",
        "TRAILING", "TRUE", "UNION", "UNIQUE", "UPDATE", "USER", "USING", "VALUES", "WHEN", "WHERE", "WINDOW",
        "WITH",
    ]
}
