import Foundation

/// Object changes as PostgreSQL writes them where the inspector's create
/// and drop statements are not the whole story: enum values added in place
/// (and removed again by re-creating the type, see
/// `PostgreSQLRenderer+EnumRecreation.swift`), routines replaced in place,
/// sequences altered in place and owned once their table exists.
extension PostgreSQLRenderer {
    func objectStatements(_ change: SchemaChange, current: Schema, target: Schema) -> [String]? {
        switch change {
        case .createObject(let object, _) where object.kind == .sequence && object.table != nil:
            // The owner is set with the table or column when that is new.
            let ownerExists = current.tables[object.table!]?.columns.contains { owns(object, $0.name) } == true
            return ownerExists ? object.createStatements : Array(object.createStatements.prefix(1))
        case .alterObject(let from, let to):
            if let values = EnumValues(from), let newValues = EnumValues(to) {
                return values.labels.isSubsequence(of: newValues.labels)
                    ? values.additions(to: newValues).map { "ALTER TYPE \(support.tableName(to.name)) \($0)" }
                    : recreateEnum(to, current: current, target: target)
            }
            if to.kind == .sequence {
                return [
                    to.createStatements[0].replacingFirst("CREATE SEQUENCE", with: "ALTER SEQUENCE")
                        + (to.definition.contains(" CYCLE") ? "" : " NO CYCLE")
                ]
            }
            if to.kind == .function || to.kind == .procedure { return to.createStatements }
            if to.kind == .domain { return alterDomain(from, to) }
            if to.kind == .materializedView {
                let refresh = "REFRESH MATERIALIZED VIEW \(support.tableName(to.name))"
                return [to.createStatements.contains(refresh) ? refresh : refresh + " WITH NO DATA"]
            }
            return support.objectStatements(change)
        default:
            return support.objectStatements(change)
        }
    }

    /// `ALTER SEQUENCE s OWNED BY t.c` for the sequences `table` (or its
    /// `column`) owns in `schema`, once the table or column exists.
    func sequenceOwnership(of table: String, column: String? = nil, in schema: Schema) -> [String] {
        schema.sortedObjects.filter { sequence in
            sequence.kind == .sequence && sequence.table == table && (column.map { owns(sequence, $0) } ?? true)
        }.flatMap { $0.createStatements.dropFirst() }
    }

    /// `true` when the sequence's `OWNED BY` names this column.
    private func owns(_ sequence: SchemaObject, _ column: String) -> Bool {
        sequence.createStatements.count > 1 && sequence.createStatements[1].hasSuffix(".\(support.name(column))")
    }

    /// A domain's default, NOT NULL and checks, changed with `ALTER DOMAIN`
    /// while columns keep using it: what the old one has and the new one
    /// lacks is dropped first, then what is new is added (a check the rows
    /// break fails the revision, as it should).
    func alterDomain(_ from: SchemaObject, _ to: SchemaObject) -> [String] {
        let old = Array(from.createStatements.dropFirst())
        let new = Array(to.createStatements.dropFirst())
        let prefix = "ALTER DOMAIN \(support.tableName(to.name)) "
        let drops = old.filter { !new.contains($0) }.compactMap { statement -> String? in
            let clause = statement.dropFirst(prefix.count)
            if clause.hasPrefix("SET DEFAULT ") {
                return new.contains { $0.hasPrefix(prefix + "SET DEFAULT ") } ? nil : prefix + "DROP DEFAULT"
            }
            if clause == "SET NOT NULL" { return prefix + "DROP NOT NULL" }
            return prefix + "DROP CONSTRAINT " + Self.leadingIdentifier(clause.dropFirst("ADD CONSTRAINT ".count))
        }
        return drops + new.filter { !old.contains($0) }
    }

    /// The name at the start of `text` as `quote_ident` wrote it: `"a ""b"""`
    /// or a plain word.
    static func leadingIdentifier(_ text: Substring) -> String {
        guard text.first == "\"" else { return String(text.prefix { $0 != " " }) }
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            if text[index] == "\"" {
                let next = text.index(after: index)
                guard next < text.endIndex, text[next] == "\"" else { return String(text[..<next]) }
                index = text.index(after: next)
            } else {
                index = text.index(after: index)
            }
        }
        return String(text)
    }

    /// `partition of`/`partition bound`: detach and attach; `inherits`:
    /// `NO INHERIT` and `INHERIT`. A partition key cannot change in place:
    /// the statement written fails and says so, rather than do nothing.
    func tableOptions(_ table: String, from: [String: String], to: [String: String]) -> [String] {
        let name = support.tableName(table)
        var statements: [String] = []
        if from["partition by"] != to["partition by"] {
            let message =
                "migrate: the partitioning of table \(table) cannot change in place; "
                + "write a revision that creates the new table, copies the rows and swaps the names"
            statements.append("DO $$ BEGIN RAISE EXCEPTION \(PostgreSQLDialect().literal(message)); END $$")
        }
        if from["partition of"] != to["partition of"] || from["partition bound"] != to["partition bound"] {
            if let parent = from["partition of"] {
                statements.append("ALTER TABLE \(support.tableName(parent)) DETACH PARTITION \(name)")
            }
            if let parent = to["partition of"] {
                statements.append(
                    "ALTER TABLE \(support.tableName(parent)) ATTACH PARTITION \(name) \(to["partition bound"] ?? "DEFAULT")")
            }
        }
        let before = Self.parents(from["inherits"])
        let after = Self.parents(to["inherits"])
        statements += before.filter { !after.contains($0) }.map { "ALTER TABLE \(name) NO INHERIT \(support.tableName($0))" }
        statements += after.filter { !before.contains($0) }.map { "ALTER TABLE \(name) INHERIT \(support.tableName($0))" }
        return statements
    }

    private static func parents(_ option: String?) -> [String] {
        option.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
    }
}

extension Array where Element: Equatable {
    /// `true` when every element of `self` appears in `other`, in the same order.
    func isSubsequence(of other: [Element]) -> Bool {
        var remaining = other[...]
        for element in self {
            guard let index = remaining.firstIndex(of: element) else { return false }
            remaining = remaining[(index + 1)...]
        }
        return true
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
