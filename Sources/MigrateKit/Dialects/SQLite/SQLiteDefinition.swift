import Foundation

/// The few facts `migrate` reads from the `CREATE TABLE` / `CREATE INDEX`
/// text SQLite keeps in `sqlite_schema.sql`, because no pragma reports them:
/// `CHECK` constraints, `AUTOINCREMENT`, `COLLATE` clauses, constraint
/// names, index expressions and partial-index predicates.
///
/// The parse is deliberately minimal: a tokenizer that knows SQLite's quotes
/// ('string', "name", `name`, [name]) and comments, and that tracks
/// parentheses; everything else is looked up by keyword at the top level of
/// one column or constraint definition. Expressions are returned as the
/// exact source text.
struct SQLiteDefinition {
    struct Token {
        var text: String
        var range: Range<String.Index>
        /// `true` for a bare word (keyword or unquoted identifier).
        var isWord: Bool
        var upper: String { isWord ? text.uppercased() : "" }
    }

    /// A named table-level or column-level constraint.
    struct NamedConstraint {
        enum Kind { case primaryKey, unique, foreignKey, check }
        var kind: Kind
        var name: String?
        var columns: [String]
        var expression: String?
    }

    let sql: String
    let tokens: [Token]

    init(_ sql: String) {
        self.sql = sql
        self.tokens = Self.tokenize(sql)
    }

    // MARK: CREATE TABLE

    /// Column facts from the table's definition.
    struct ColumnFacts {
        var collation: String?
        var isAutoincrement = false
        /// The expression of `[GENERATED ALWAYS] AS (expr)`, as written.
        var generatedExpression: String?
    }

    /// What `CREATE TABLE` says beyond the pragmas.
    struct TableFacts {
        var columns: [String: ColumnFacts] = [:]
        var constraints: [NamedConstraint] = []
        /// `without rowid` and `strict` when the table says so (value `true`).
        var options: [String: String] = [:]
    }

    func tableFacts() -> TableFacts {
        var facts = TableFacts()
        guard let open = tokens.firstIndex(where: { $0.text == "(" }) else { return facts }
        for item in splitTopLevel(from: open + 1) where !item.isEmpty {
            let first = tokens[item.lowerBound]
            let tableLevel = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"].contains(first.upper)
            if tableLevel {
                facts.constraints += constraints(in: item, column: nil)
            } else {
                let column = Self.unquote(first.text)
                var columnFacts = ColumnFacts()
                var index = item.lowerBound + 1
                while index < item.upperBound {
                    let word = tokens[index].upper
                    if word == "COLLATE", index + 1 < item.upperBound {
                        columnFacts.collation = Self.unquote(tokens[index + 1].text)
                    } else if word == "AS", index + 1 < item.upperBound, tokens[index + 1].text == "(" {
                        let close = closing(of: index + 1)
                        columnFacts.generatedExpression = text(from: index + 2, to: close)
                        index = close
                    } else if word == "AUTOINCREMENT" {
                        columnFacts.isAutoincrement = true
                    } else if tokens[index].text == "(" {
                        index = closing(of: index)
                    }
                    index += 1
                }
                facts.columns[column] = columnFacts
                facts.constraints += constraints(in: (item.lowerBound + 1)..<item.upperBound, column: column)
            }
        }
        // After the column list: `WITHOUT ROWID`, `STRICT`, separated by commas.
        let words = tokens[(closing(of: open) + 1)...].map(\.upper)
        for (offset, word) in words.enumerated() {
            if word == "STRICT" { facts.options["strict"] = "true" }
            if word == "WITHOUT", offset + 1 < words.count, words[offset + 1] == "ROWID" {
                facts.options["without rowid"] = "true"
            }
        }
        return facts
    }

    /// The constraints in one definition, with their names when given.
    private func constraints(in range: Range<Int>, column: String?) -> [NamedConstraint] {
        var found: [NamedConstraint] = []
        var pendingName: String?
        var index = range.lowerBound
        while index < range.upperBound {
            let word = tokens[index].upper
            switch word {
            case "CONSTRAINT" where index + 1 < range.upperBound:
                pendingName = Self.unquote(tokens[index + 1].text)
                index += 1
            case "PRIMARY", "UNIQUE", "FOREIGN", "REFERENCES", "CHECK":
                let kind: NamedConstraint.Kind =
                    switch word {
                    case "PRIMARY": .primaryKey
                    case "UNIQUE": .unique
                    case "CHECK": .check
                    default: .foreignKey
                    }
                var constraint = NamedConstraint(kind: kind, name: pendingName, columns: column.map { [$0] } ?? [])
                pendingName = nil
                // The parenthesised list or expression that follows (table
                // level: the columns; CHECK: the condition).
                if let open = (index + 1..<range.upperBound).first(where: { tokens[$0].text == "(" }),
                    kind == .check || column == nil
                {
                    let close = closing(of: open)
                    if kind == .check {
                        constraint.expression = text(from: open + 1, to: close)
                    } else {
                        constraint.columns = splitTopLevel(from: open + 1).map { text(from: $0.lowerBound, to: $0.upperBound) }
                            .map { Self.unquote(Self.stripOrdering($0)) }
                    }
                    // Skip past the list; REFERENCES t(cols) is consumed below.
                    index = close
                }
                if kind == .foreignKey, column == nil,
                    let references = (index..<range.upperBound).first(where: { tokens[$0].upper == "REFERENCES" })
                {
                    index = references + 1
                    if index + 1 < range.upperBound, tokens[index + 1].text == "(" { index = closing(of: index + 1) }
                }
                if kind == .foreignKey, column != nil, index + 2 < range.upperBound, tokens[index + 2].text == "(" {
                    index = closing(of: index + 2)
                }
                found.append(constraint)
            case _ where tokens[index].text == "(":
                index = closing(of: index)
            default:
                break
            }
            index += 1
        }
        return found
    }

    // MARK: CREATE INDEX

    /// The key texts (as written, without `ASC`/`DESC`/`COLLATE`) and the
    /// `WHERE` predicate of a `CREATE INDEX` statement.
    func indexFacts() -> (keys: [String], predicate: String?) {
        guard let on = tokens.firstIndex(where: { $0.upper == "ON" }),
            let open = tokens[on...].firstIndex(where: { $0.text == "(" })
        else { return ([], nil) }
        let close = closing(of: open)
        let keys = splitTopLevel(from: open + 1).map { Self.stripOrdering(text(from: $0.lowerBound, to: $0.upperBound)) }
        var predicate: String?
        if close + 1 < tokens.count, tokens[close + 1].upper == "WHERE", close + 2 < tokens.count {
            predicate = text(from: close + 2, to: tokens.count)
        }
        return (keys, predicate)
    }

    // MARK: Tokens

    /// The comma-separated items of the parenthesised list that starts at
    /// `start` (just after its `(`), as token ranges.
    private func splitTopLevel(from start: Int) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var itemStart = start
        var index = start
        while index < tokens.count {
            let text = tokens[index].text
            if text == "(" {
                index = closing(of: index)
            } else if text == "," || text == ")" {
                items.append(itemStart..<index)
                if text == ")" { break }
                itemStart = index + 1
            }
            index += 1
        }
        return items
    }

    /// The index of the `)` matching the `(` at `open` (or the last token).
    private func closing(of open: Int) -> Int {
        var depth = 0
        for index in open..<tokens.count {
            if tokens[index].text == "(" && !tokens[index].isWord { depth += 1 }
            if tokens[index].text == ")" && !tokens[index].isWord {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return tokens.count - 1
    }

    /// The source text from token `start` up to (not including) token `end`.
    private func text(from start: Int, to end: Int) -> String {
        guard start < end, end <= tokens.count else { return "" }
        return String(sql[tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound])
    }

    /// Drops a trailing `COLLATE x`, `ASC` or `DESC` from an index or key column.
    static func stripOrdering(_ text: String) -> String {
        var tokens = tokenize(text)
        if let last = tokens.last, ["ASC", "DESC"].contains(last.upper) { tokens.removeLast() }
        if tokens.count >= 2, tokens[tokens.count - 2].upper == "COLLATE" { tokens.removeLast(2) }
        guard let first = tokens.first, let last = tokens.last else { return text }
        return String(text[first.range.lowerBound..<last.range.upperBound])
    }

    /// The names an SQL text uses, lower-cased and without their quotes
    /// (`[Order Details]`, `"Order Details"` and `order` alike), string
    /// literals left out: what a view, a trigger or an expression reads.
    static func identifiers(in sql: String) -> Set<String> {
        Set(tokenize(sql).filter { $0.isWord || ["\"", "`", "["].contains($0.text.first) }.map { unquote($0.text).lowercased() })
    }

    /// An identifier without its quotes: `"a""b"` → `a"b`, `[x]` → `x`.
    static func unquote(_ text: String) -> String {
        guard let first = text.first, text.count >= 2 else { return text }
        switch first {
        case "\"": return String(text.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        case "`": return String(text.dropFirst().dropLast()).replacingOccurrences(of: "``", with: "`")
        case "[": return String(text.dropFirst().dropLast())
        case "'": return String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        default: return text
        }
    }

    static func tokenize(_ sql: String) -> [Token] {
        var tokens: [Token] = []
        var index = sql.startIndex
        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "$" }
        while index < sql.endIndex {
            let c = sql[index]
            let start = index
            if c.isWhitespace {
                index = sql.index(after: index)
                continue
            }
            let rest = sql[index...]
            if rest.hasPrefix("--") {
                index = rest.firstIndex(of: "\n") ?? sql.endIndex
                continue
            }
            if rest.hasPrefix("/*") {
                index = rest.range(of: "*/").map(\.upperBound) ?? sql.endIndex
                continue
            }
            if let close: Character = ["'": "'", "\"": "\"", "`": "`", "[": "]"][c] {
                index = sql.index(after: index)
                while index < sql.endIndex {
                    if sql[index] == close {
                        let next = sql.index(after: index)
                        // A doubled quote is an escaped quote (not for `[...]`).
                        if close != "]", next < sql.endIndex, sql[next] == close {
                            index = sql.index(after: next)
                            continue
                        }
                        index = next
                        break
                    }
                    index = sql.index(after: index)
                }
                tokens.append(Token(text: String(sql[start..<index]), range: start..<index, isWord: false))
                continue
            }
            if isWordCharacter(c) {
                while index < sql.endIndex, isWordCharacter(sql[index]) { index = sql.index(after: index) }
                tokens.append(Token(text: String(sql[start..<index]), range: start..<index, isWord: true))
                continue
            }
            index = sql.index(after: index)
            tokens.append(Token(text: String(c), range: start..<index, isWord: false))
        }
        return tokens
    }
}
