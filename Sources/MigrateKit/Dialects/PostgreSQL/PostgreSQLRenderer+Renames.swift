extension PostgreSQLRenderer {
    /// PostgreSQL keeps the names it derived from a table's old name
    /// (`authors_pkey`) when the table is renamed; the model gives them the
    /// new name (``Schema/applying(_:dialect:)``), so they are renamed too:
    /// `ALTER TABLE ... RENAME CONSTRAINT` (which also renames the index of
    /// a primary key or unique constraint) and `ALTER INDEX ... RENAME TO`.
    func generatedNameRenames(_ old: Table?, _ new: Table?, table: String) -> [String] {
        guard let old, let new else { return [] }
        let n = support
        var pairs: [(String?, String?)] = [(old.primaryKey?.name, new.primaryKey?.name)]
        pairs += old.foreignKeys.map { key in
            (key.name, new.foreignKeys.first { ($0.columns, $0.referencedColumns) == (key.columns, key.referencedColumns) }?.name)
        }
        pairs += old.uniqueConstraints.map { unique in
            (unique.name, new.uniqueConstraints.first { $0.columns == unique.columns }?.name)
        }
        pairs += old.checks.map { check in (check.name, new.checks.first { $0.expression == check.expression }?.name) }
        var statements = pairs.compactMap { from, to -> String? in
            guard let from, let to, from != to else { return nil }
            return "ALTER TABLE \(n.tableName(table)) RENAME CONSTRAINT \(n.name(from)) TO \(n.name(to))"
        }
        let oldIndexes = Set(old.indexes.map(\.name))
        let oldName = QualifiedName.unqualified(old.name)
        let newName = QualifiedName.unqualified(new.name)
        for index in new.indexes where !oldIndexes.contains(index.name) {
            let from = oldName + index.name.dropFirst(newName.count)
            if index.name.hasPrefix(newName + "_"), oldIndexes.contains(from) {
                statements.append("ALTER INDEX \(relation(from, besides: table)) RENAME TO \(n.name(index.name))")
            }
        }
        return statements
    }

    /// `true` when `to` holds fewer characters of the same kind as `from`
    /// (`character varying(100)` to `character varying(50)`): the type
    /// change is then written without `USING`, so PostgreSQL converts with
    /// an assignment cast, which fails with "value too long for type
    /// character varying(50)" on a value that no longer fits, where the
    /// explicit cast of a `USING` would cut it silently.
    static func narrowsWithinItsFamily(_ from: String, _ to: String) -> Bool {
        let old = ColumnTypeShape(from)
        let new = ColumnTypeShape(to)
        return old.family == new.family && old.family == .text && old.loss(to: new, from: from, to: to) != nil
    }
}
