import Foundation

/// An enum type whose values are removed or reordered, which PostgreSQL
/// cannot do in place.
extension PostgreSQLRenderer {
    /// The documented way, extended to what uses the type: rename the type
    /// (and every domain over it) out of the way, create them anew, move
    /// every column of the type or of such a domain to the new one through
    /// `text` (a row holding a removed value makes this fail, rather than
    /// lose it), drop the old ones. Functions and procedures whose
    /// signature or body depends on the type or its domains, and views,
    /// rules and triggers that read those tables or call those functions,
    /// are dropped first and created again afterwards, unless the change
    /// list drops or re-creates them anyway (they differ in `target`).
    func recreateEnum(_ type: SchemaObject, current: Schema, target: Schema) -> [String] {
        let domains = current.sortedObjects.filter {
            $0.kind == .domain && $0.dependencies.contains { $0.lowercased() == type.baseName.lowercased() }
        }
        let retyped = [type] + domains
        let typeNames = Set(retyped.map { $0.baseName.lowercased() })
        var columns: [(table: String, column: Column, type: String, isArray: Bool)] = []
        for table in current.tables.values.sorted(by: { $0.name < $1.name }) {
            for column in table.columns {
                let base = column.type.hasSuffix("[]") ? String(column.type.dropLast(2)) : column.type
                guard let owner = retyped.first(where: { support.tableName($0.name) == base }) else { continue }
                columns.append((table.name, column, support.tableName(owner.name), base != column.type))
            }
        }
        let ordered = SchemaDiffer.ordered(
            dependents(tables: Set(columns.map { $0.table.lowercased() }), types: typeNames, in: current)
                .filter { target.objects[$0.key] == $0 })
        var statements = ordered.reversed().flatMap(\.dropStatements)
        for object in retyped {
            let keyword = object.kind == .domain ? "DOMAIN" : "TYPE"
            statements.append("ALTER \(keyword) \(support.tableName(object.name)) RENAME TO \(support.name(Self.oldName(object)))")
        }
        statements += type.createStatements + domains.flatMap(\.createStatements)
        for (table, column, name, isArray) in columns {
            let prefix = "ALTER TABLE \(support.tableName(table)) ALTER COLUMN \(support.name(column.name))"
            if column.defaultExpression != nil { statements.append("\(prefix) DROP DEFAULT") }
            let suffix = isArray ? "[]" : ""
            statements.append("\(prefix) TYPE \(name)\(suffix) USING \(support.name(column.name))::text\(suffix)::\(name)\(suffix)")
            if let value = column.defaultExpression { statements.append("\(prefix) SET DEFAULT \(value)") }
        }
        statements += domains.reversed().map { "DROP DOMAIN \(relation(Self.oldName($0), besides: $0.name))" }
        statements.append("DROP TYPE \(relation(Self.oldName(type), besides: type.name))")
        return statements + ordered.flatMap(\.createStatements)
    }

    private static func oldName(_ object: SchemaObject) -> String {
        object.baseName + "__migrate_old"
    }

    /// The routines that depend on one of `types`, the views and rules that
    /// read one of `tables`, and, transitively, every view, rule, trigger or
    /// routine that depends on one of those.
    private func dependents(tables: Set<String>, types: Set<String>, in current: Schema) -> [SchemaObject] {
        func uses(_ object: SchemaObject, _ names: Set<String>) -> Bool {
            !names.isDisjoint(with: object.dependencies.map { $0.lowercased() })
        }
        let isRoutine: (SchemaObject) -> Bool = { [.function, .procedure].contains($0.kind) }
        var found = current.objects.values.filter { object in
            (object.kind.readsTables && object.kind != .trigger && uses(object, tables))
                || (isRoutine(object) && uses(object, types))
        }
        var grew = true
        while grew {
            let names = Set(found.map { $0.baseName.lowercased() })
            let more = current.objects.values.filter { object in
                !found.contains(object) && (object.kind.readsTables || isRoutine(object)) && uses(object, names)
            }
            found += more
            grew = !more.isEmpty
        }
        return found
    }
}
