import Foundation

/// Object changes as PostgreSQL writes them where the inspector's create
/// and drop statements are not the whole story: enum values added in place
/// (and removed again by re-creating the type), routines replaced in place,
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
                return newValues.labels.isSubsequence(of: values.labels)
                    ? removeValues(of: to, keeping: newValues.labels, current: current)
                    : values.additions(to: newValues).map { "ALTER TYPE \(support.name(to.name)) \($0)" }
            }
            if to.kind == .sequence {
                return [to.createStatements[0].replacingFirst("CREATE SEQUENCE", with: "ALTER SEQUENCE")
                    + (to.definition.contains(" CYCLE") ? "" : " NO CYCLE")]
            }
            if to.kind == .function || to.kind == .procedure { return to.createStatements }
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

    /// PostgreSQL cannot remove an enum value in place. The documented way:
    /// rename the type, create it anew, move every column that uses it to
    /// the new type through `text` (a row holding a removed value makes this
    /// fail, rather than lose it), drop the old type. Views and rules that
    /// read those tables are dropped first and created again afterwards.
    func removeValues(of type: SchemaObject, keeping labels: [String], current: Schema) -> [String] {
        let name = support.name(type.name), old = support.name(type.name + "__migrate_old")
        var columns: [(table: String, column: Column, isArray: Bool)] = []
        for table in current.tables.values.sorted(by: { $0.name < $1.name }) {
            for column in table.columns where column.type == name || column.type == name + "[]" {
                columns.append((table.name, column, column.type.hasSuffix("[]")))
            }
        }
        let tables = Set(columns.map { $0.table.lowercased() })
        var readers = current.objects.values.filter {
            $0.kind.readsTables && $0.kind != .trigger && !tables.isDisjoint(with: $0.dependencies.map { $0.lowercased() })
        }
        var grew = true
        while grew {
            let names = Set(readers.map { $0.baseName.lowercased() })
            let more = current.objects.values.filter { object in
                !readers.contains(object) && object.kind.readsTables && object.kind != .trigger
                    && !names.isDisjoint(with: object.dependencies.map { $0.lowercased() })
            }
            readers += more
            grew = !more.isEmpty
        }
        let ordered = SchemaDiffer.ordered(readers)
        var statements = ordered.reversed().flatMap(\.dropStatements)
        statements += ["ALTER TYPE \(name) RENAME TO \(old)"] + type.createStatements
        for (table, column, isArray) in columns {
            let prefix = "ALTER TABLE \(support.tableName(table)) ALTER COLUMN \(support.name(column.name))"
            if column.defaultExpression != nil { statements.append("\(prefix) DROP DEFAULT") }
            let suffix = isArray ? "[]" : ""
            statements.append("\(prefix) TYPE \(name)\(suffix) USING \(support.name(column.name))::text\(suffix)::\(name)\(suffix)")
            if let value = column.defaultExpression { statements.append("\(prefix) SET DEFAULT \(value)") }
        }
        statements.append("DROP TYPE \(old)")
        return statements + ordered.flatMap(\.createStatements)
    }

    /// `partition of`/`partition bound`: detach and attach; `inherits`:
    /// `NO INHERIT` and `INHERIT`. A partition key cannot change in place:
    /// the statement written fails and says so, rather than do nothing.
    func tableOptions(_ table: String, from: [String: String], to: [String: String]) -> [String] {
        let name = support.tableName(table)
        var statements: [String] = []
        if from["partition by"] != to["partition by"] {
            let message = "migrate: the partitioning of table \(table) cannot change in place; "
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
        let before = Self.parents(from["inherits"]), after = Self.parents(to["inherits"])
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
