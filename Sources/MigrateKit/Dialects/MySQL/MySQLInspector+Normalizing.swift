import Foundation

extension MySQLInspector {
    /// `COLUMN_TYPE` lower-cased outside its quoted values (`ENUM('G','PG')`
    /// keeps the case of its values: they are data), without the display
    /// width MariaDB and MySQL 5.7 print for integer types (`int(11)` →
    /// `int`, `bigint(20) unsigned` → `bigint unsigned`) and MySQL 8.0.19+
    /// does not. `tinyint(1)`, the spelling of `BOOLEAN`, keeps its width on both.
    static func normalizedType(_ columnType: String) -> String {
        let type = lowercasedOutsideQuotes(columnType)
        guard let open = type.firstIndex(of: "("), let close = type[open...].firstIndex(of: ")") else { return type }
        let base = type[..<open]
        guard ["tinyint", "smallint", "mediumint", "int", "integer", "bigint"].contains(String(base)),
            type[open...close] != "(1)" || base != "tinyint"
        else { return type }
        return String(base) + type[type.index(after: close)...]
    }

    /// `COLUMN_DEFAULT` in one spelling for MySQL and MariaDB: string
    /// literals quoted (`'draft'`), numbers bare (`0`, `9.50`), the current
    /// time as `CURRENT_TIMESTAMP` (with its precision, if any), other
    /// expressions as the server prints them; no default as `nil`.
    ///
    /// MariaDB (10.2.7+) quotes literals itself and reports a nullable column
    /// without a default as the text `NULL`; MySQL prints literals bare and
    /// marks expression defaults `DEFAULT_GENERATED` in `EXTRA`.
    static func normalizedDefault(_ value: String?, dataType: String, extra: String, isMariaDB: Bool) -> String? {
        guard let value else { return nil }
        if let timestamp = currentTimestamp(value) { return timestamp }
        if isMariaDB {
            if value == "NULL" { return nil }
            if value.hasPrefix("'") { return MySQLDialect().literal(mariaDBLiteral(value)) }
            return value
        }
        if extra.contains("default_generated") { return value }
        return numericTypes.contains(dataType) || dataType == "bit" && value.hasPrefix("b'")
            ? value : MySQLDialect().literal(value)
    }

    /// The text lower-cased except inside `'...'` literals (where `''` and
    /// `\'` stay inside the literal).
    static func lowercasedOutsideQuotes(_ text: String) -> String {
        var result = ""
        var inQuote = false
        var escaped = false
        for c in text {
            if inQuote {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "'" { inQuote = false }
                result.append(c)
            } else {
                if c == "'" { inQuote = true }
                result += c.lowercased()
            }
        }
        return result
    }

    static let numericTypes: Set<String> = [
        "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "decimal", "numeric", "float", "double",
        "real", "year",
    ]

    /// A foreign key rule. InnoDB checks `NO ACTION` at once, exactly like
    /// `RESTRICT`, and reports a key declared without a rule as `RESTRICT`:
    /// both read as ``ForeignKey/Action/noAction`` (the SQL default, which
    /// the renderer leaves unwritten), so the three spellings compare equal.
    static func action(_ rule: String?) -> ForeignKey.Action {
        let action = ForeignKey.Action(sql: rule)
        return action == .restrict ? .noAction : action
    }

    /// The index types written as `FULLTEXT KEY` / `SPATIAL KEY`; `BTREE`
    /// and `HASH` are the engine's choice and read as the default.
    static let modelledMethods: Set<String> = ["FULLTEXT", "SPATIAL"]

    /// A generated column's expression and kind from `EXTRA` (`VIRTUAL
    /// GENERATED`, `STORED GENERATED`; MariaDB also `PERSISTENT GENERATED`)
    /// and `GENERATION_EXPRESSION`.
    static func generated(extra: String, expression: String?) -> Column.Generated? {
        guard extra.contains("generated"), !extra.contains("default_generated"), let expression, !expression.isEmpty
        else { return nil }
        return Column.Generated(
            expression: expression, isStored: extra.contains("stored") || extra.contains("persistent"))
    }

    /// `ON UPDATE CURRENT_TIMESTAMP[(n)]` from `EXTRA` (`on update
    /// current_timestamp()` on MariaDB, `on update CURRENT_TIMESTAMP` on MySQL).
    static func onUpdate(extra: String) -> String? {
        guard let range = extra.range(of: "on update ") else { return nil }
        let value = extra[range.upperBound...].prefix { !$0.isWhitespace }
        return currentTimestamp(String(value)) ?? String(value)
    }

    /// `CURRENT_TIMESTAMP`, `current_timestamp()`, `now()`, `CURRENT_TIMESTAMP(6)`
    /// → `CURRENT_TIMESTAMP` / `CURRENT_TIMESTAMP(6)`.
    static func currentTimestamp(_ value: String) -> String? {
        let lower = value.lowercased()
        for name in ["current_timestamp", "now", "localtimestamp", "localtime"] where lower.hasPrefix(name) {
            let rest = lower.dropFirst(name.count)
            if rest.isEmpty || rest == "()" { return "CURRENT_TIMESTAMP" }
            if rest.hasPrefix("("), rest.hasSuffix(")"), rest.dropFirst().dropLast().allSatisfy(\.isNumber) {
                return "CURRENT_TIMESTAMP" + rest
            }
        }
        return nil
    }

    /// The text of a literal as MariaDB quotes it in `COLUMN_DEFAULT`:
    /// `'it''s'` → `it's`, with backslash escapes read.
    static func mariaDBLiteral(_ quoted: String) -> String {
        var text = ""
        var characters = quoted.dropFirst().dropLast().makeIterator()
        while let c = characters.next() {
            switch c {
            case "'":
                _ = characters.next()
                text.append("'")
            case "\\":
                guard let next = characters.next() else { break }
                switch next {
                case "n": text.append("\n")
                case "r": text.append("\r")
                case "t": text.append("\t")
                case "0": text.append("\0")
                case "Z": text.append("\u{1A}")
                default: text.append(next)
                }
            default:
                text.append(c)
            }
        }
        return text
    }

    /// A check clause without one pair of parentheses around the whole of
    /// it, as MySQL 8 prints them and MariaDB does not.
    static func unwrapped(_ clause: String) -> String {
        let trimmed = clause.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("("), trimmed.hasSuffix(")") else { return trimmed }
        var depth = 0
        for (offset, c) in trimmed.enumerated() {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if depth == 0 && offset < trimmed.count - 1 { return trimmed }
        }
        return String(trimmed.dropFirst().dropLast())
    }
}
