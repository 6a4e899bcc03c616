extension SchemaChange {
    /// `true` for ``renameTable(from:to:)`` and ``renameColumn(table:from:to:)``.
    public var isRename: Bool {
        switch self {
        case .renameTable, .renameColumn: true
        default: false
        }
    }
}

extension Schema {
    /// The schema as it is after the renames run, in order: the table or
    /// column under its new name everywhere it is named (foreign keys of
    /// other tables, key and index columns). Names the dialect generated
    /// from the old table name (`notes_pkey`) take the new table name, as
    /// the renderer renames them too (or the server does, MySQL's
    /// `<table>_ibfk_<n>`). Expressions (checks, expression index keys,
    /// object definitions) are left as they are.
    public func applying(_ renames: [SchemaChange], dialect: any Dialect) -> Schema {
        var schema = self
        for rename in renames {
            switch rename {
            case .renameTable(let from, let to):
                guard var table = schema.tables.removeValue(forKey: from) else { continue }
                table.name = to
                table.renameGeneratedNames(from: from, to: to, dialect: dialect)
                schema.tables[to] = table
                for name in schema.tables.keys {
                    for index in schema.tables[name]!.foreignKeys.indices
                    where schema.tables[name]!.foreignKeys[index].referencedTable == from {
                        schema.tables[name]!.foreignKeys[index].referencedTable = to
                    }
                    schema.tables[name]!.parentTables = schema.tables[name]!.parentTables.map { $0 == from ? to : $0 }
                }
            case .renameColumn(let tableName, let from, let to):
                guard schema.tables[tableName] != nil else { continue }
                schema.tables[tableName]!.renameColumn(from, to: to)
                for name in schema.tables.keys {
                    for index in schema.tables[name]!.foreignKeys.indices
                    where schema.tables[name]!.foreignKeys[index].referencedTable == tableName {
                        schema.tables[name]!.foreignKeys[index].referencedColumns =
                            schema.tables[name]!.foreignKeys[index].referencedColumns.map { $0 == from ? to : $0 }
                    }
                }
            default:
                continue
            }
        }
        return schema
    }
}

extension Table {
    /// Renames the column and every plain mention of it in this table's
    /// keys, constraints and indexes.
    mutating func renameColumn(_ from: String, to: String) {
        func renamed(_ names: [String]) -> [String] { names.map { $0 == from ? to : $0 } }
        for index in columns.indices where columns[index].name == from { columns[index].name = to }
        if let key = primaryKey { primaryKey!.columns = renamed(key.columns) }
        for index in foreignKeys.indices { foreignKeys[index].columns = renamed(foreignKeys[index].columns) }
        for index in uniqueConstraints.indices {
            uniqueConstraints[index].columns = renamed(uniqueConstraints[index].columns)
        }
        for index in indexes.indices {
            indexes[index].includedColumns = renamed(indexes[index].includedColumns)
            for key in indexes[index].keys.indices where !indexes[index].keys[key].isExpression {
                if indexes[index].keys[key].text == from { indexes[index].keys[key].text = to }
            }
        }
    }

    /// Constraint and index names the dialect derived from the old table
    /// name, derived from the new one.
    /// A table of an included PostgreSQL schema (`billing.lines`) derives
    /// them from its name without the schema (`lines_pkey`).
    mutating func renameGeneratedNames(from: String, to: String, dialect: any Dialect) {
        let old = QualifiedName.unqualified(from)
        let new = QualifiedName.unqualified(to)
        func renamed(_ name: String?, _ kind: SchemaElementKind) -> String? {
            guard let name, name.hasPrefix(old + "_"), dialect.isGeneratedName(name, for: kind, on: from) else {
                return name
            }
            return new + name.dropFirst(old.count)
        }
        if let key = primaryKey { primaryKey!.name = renamed(key.name, .primaryKey) }
        for index in foreignKeys.indices { foreignKeys[index].name = renamed(foreignKeys[index].name, .foreignKey) }
        for index in uniqueConstraints.indices {
            uniqueConstraints[index].name = renamed(uniqueConstraints[index].name, .unique)
        }
        for index in checks.indices { checks[index].name = renamed(checks[index].name, .check) }
        for index in indexes.indices { indexes[index].name = renamed(indexes[index].name, .index) ?? indexes[index].name }
        self = canonicallyOrdered()
    }
}
