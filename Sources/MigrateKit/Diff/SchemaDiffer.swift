/// Compares two schemas of one dialect and lists the changes that turn the
/// first into the second: the one generic differ. Dialects answer only narrow
/// questions (``Dialect/typesAreEquivalent(_:_:)``,
/// ``Dialect/isGeneratedName(_:for:on:)``,
/// ``Dialect/requiresReferencedTablesToExist``).
public struct SchemaDiffer: Sendable {
    /// The dialect of both schemas, which answers the differ's narrow questions.
    public let dialect: any Dialect

    /// A differ for schemas of `dialect`.
    public init(dialect: any Dialect) {
        self.dialect = dialect
    }

    /// The changes that turn `current` into `target`, ordered by dependency:
    ///
    /// 1. foreign keys that go away (and those of a cycle among dropped tables);
    /// 2. indexes, unique and check constraints that go away;
    /// 3. dropped tables, referencing tables before the tables they reference;
    /// 4. per kept table: added columns, altered columns, the primary key,
    ///    dropped columns, the comment;
    /// 5. new unique and check constraints and indexes on kept tables;
    /// 6. new tables, referenced tables before referencing ones;
    /// 7. new foreign keys, and those of a cycle among new tables.
    ///
    /// Views, functions, triggers and other objects go around these steps
    /// (see `ObjectPlan`). The downgrade (the list reversed, each change
    /// reversed) is then ordered correctly too.
    public func changes(from current: Schema, to target: Schema) -> [SchemaChange] {
        let tableChanges = tableChanges(from: current, to: target)
        let objects = objectPlan(from: current, to: target, tableChanges: tableChanges)
        return objects.dropsBeforeTables + objects.createsBeforeTables + tableChanges + objects.dropsAfterTables
            + objects.createsAfterTables
    }

    /// The changes to tables alone, in the order above.
    func tableChanges(from current: Schema, to target: Schema) -> [SchemaChange] {
        let dropped = current.tableNames.filter { target.tables[$0] == nil }
        let created = target.tableNames.filter { current.tables[$0] == nil }
        let kept = target.tableNames.filter { current.tables[$0] != nil }
        var parts = kept.map { name in tableParts(current.tables[name]!, target.tables[name]!) }
        if dialect.requiresReferencedTablesToExist {
            reattachForeignKeys(across: &parts, kept: kept, current: current, target: target)
        }

        var changes: [SchemaChange] = []
        let dropOrder = creationOrder(of: dropped, in: current)
        changes += parts.flatMap(\.droppedForeignKeys)
        changes += dropOrder.deferred.reversed().map { .dropForeignKey(table: $0.table, $0.key) }
        changes += parts.flatMap(\.droppedElements)
        changes += dropOrder.tables.reversed().map(SchemaChange.dropTable)
        changes += parts.flatMap(\.columnChanges)
        changes += parts.flatMap(\.addedElements)
        let createOrder = creationOrder(of: created, in: target)
        changes += createOrder.tables.map(SchemaChange.createTable)
        changes += parts.flatMap(\.addedForeignKeys)
        changes += createOrder.deferred.map { .addForeignKey(table: $0.table, $0.key) }
        return changes
    }

    // MARK: Foreign keys in the way

    /// A foreign key that itself does not change still stands in the way
    /// when the key it references is dropped or replaced, or when a column at
    /// either end changes type (PostgreSQL: "cannot drop constraint ...
    /// because other objects depend on it"; MySQL: "Cannot change column
    /// used in a foreign key constraint"). Such keys are dropped first and
    /// added back last.
    private func reattachForeignKeys(
        across parts: inout [TableParts], kept: [String], current: Schema, target: Schema
    ) {
        var replacedKeys: [String: [Set<String>]] = [:]
        var retyped: [String: Set<String>] = [:]
        for name in kept {
            let old = current.tables[name]!
            let new = target.tables[name]!
            if let key = old.primaryKey, !samePrimaryKey(old.primaryKey, new.primaryKey, table: name) {
                replacedKeys[name, default: []].append(Set(key.columns))
            }
            for index in parts.indices where kept[index] == name {
                for change in parts[index].droppedElements {
                    if case .dropUnique(_, let unique) = change { replacedKeys[name, default: []].append(Set(unique.columns)) }
                    if case .dropIndex(_, let index) = change, index.isUnique {
                        replacedKeys[name, default: []].append(Set(index.keys.map(\.text)))
                    }
                }
            }
            for column in new.columns {
                if let before = old.column(named: column.name), !dialect.typesAreEquivalent(before.type, column.type) {
                    retyped[name, default: []].insert(column.name)
                }
            }
        }
        guard !replacedKeys.isEmpty || !retyped.isEmpty else { return }
        for (index, name) in kept.enumerated() {
            let old = current.tables[name]!
            let new = target.tables[name]!
            for key in new.foreignKeys {
                let inTheWay =
                    replacedKeys[key.referencedTable]?.contains(Set(key.referencedColumns)) == true
                    || !(retyped[key.referencedTable] ?? []).isDisjoint(with: key.referencedColumns)
                    || !(retyped[name] ?? []).isDisjoint(with: key.columns)
                guard inTheWay, parts[index].addedForeignKeys.contains(.addForeignKey(table: name, key)) == false,
                    let before = old.foreignKeys.first(where: {
                        $0.sameRule(as: key)
                    })
                else { continue }
                parts[index].droppedForeignKeys.append(.dropForeignKey(table: name, before))
                parts[index].addedForeignKeys.append(.addForeignKey(table: name, key))
            }
        }
    }

    // MARK: One kept table

    private struct TableParts {
        var droppedForeignKeys: [SchemaChange] = []
        var droppedElements: [SchemaChange] = []
        var columnChanges: [SchemaChange] = []
        var addedElements: [SchemaChange] = []
        var addedForeignKeys: [SchemaChange] = []
    }

    private func tableParts(_ old: Table, _ new: Table) -> TableParts {
        let name = new.name
        var parts = TableParts()

        let keys = matched(old.foreignKeys, new.foreignKeys, kind: .foreignKey, table: name, name: \.name) {
            $0.sameRule(as: $1)
        }
        parts.droppedForeignKeys = keys.dropped.map { .dropForeignKey(table: name, $0) }
        parts.addedForeignKeys = keys.added.map { .addForeignKey(table: name, $0) }

        let uniques = matched(old.uniqueConstraints, new.uniqueConstraints, kind: .unique, table: name, name: \.name) {
            $0.columns == $1.columns
        }
        let checks = matched(old.checks, new.checks, kind: .check, table: name, name: \.name) {
            ($0.expression, $0.isValidated) == ($1.expression, $1.isValidated)
        }
        let indexes = matched(old.indexes, new.indexes, kind: .index, table: name, name: { Optional($0.name) }) {
            $0.definition == $1.definition
        }
        parts.droppedElements =
            indexes.dropped.map { .dropIndex(table: name, $0) } + uniques.dropped.map { .dropUnique(table: name, $0) }
            + checks.dropped.map { .dropCheck(table: name, $0) }
        parts.addedElements =
            uniques.added.map { .addUnique(table: name, $0) } + checks.added.map { .addCheck(table: name, $0) }
            + indexes.added.map { .addIndex(table: name, $0) }

        for column in new.columns {
            guard let before = old.column(named: column.name) else {
                parts.columnChanges.append(.addColumn(table: name, column))
                continue
            }
            if !sameColumn(before, column) {
                parts.columnChanges.append(.alterColumn(table: name, from: before, to: column))
            }
        }
        if !samePrimaryKey(old.primaryKey, new.primaryKey, table: name) {
            parts.columnChanges.append(.setPrimaryKey(table: name, from: old.primaryKey, to: new.primaryKey))
        }
        for column in old.columns where new.column(named: column.name) == nil {
            parts.columnChanges.append(.dropColumn(table: name, column))
        }
        if old.comment != new.comment {
            parts.columnChanges.append(.setTableComment(table: name, from: old.comment, to: new.comment))
        }
        if old.options != new.options {
            parts.columnChanges.append(.setTableOptions(table: name, from: old.options, to: new.options))
        }
        return parts
    }

    private func sameColumn(_ a: Column, _ b: Column) -> Bool {
        var b = b
        if dialect.typesAreEquivalent(a.type, b.type) { b.type = a.type }
        return a == b
    }

    private func samePrimaryKey(_ a: PrimaryKey?, _ b: PrimaryKey?, table: String) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.columns == b.columns && namesMatch(a.name, b.name, kind: .primaryKey, table: table)
    }

    /// Two names denote the same element when they are equal, or when either
    /// is missing or chosen by the database: then only definitions count.
    private func namesMatch(_ a: String?, _ b: String?, kind: SchemaElementKind, table: String) -> Bool {
        guard let a, let b else { return true }
        return a == b
            || dialect.isGeneratedName(a, for: kind, on: table) && dialect.isGeneratedName(b, for: kind, on: table)
    }

    /// Pairs equal elements of two lists; what is left over was dropped or added.
    private func matched<Element>(
        _ old: [Element], _ new: [Element], kind: SchemaElementKind, table: String, name: (Element) -> String?,
        sameDefinition: (Element, Element) -> Bool
    ) -> (dropped: [Element], added: [Element]) {
        var remaining = old
        var added: [Element] = []
        for element in new {
            if let index = remaining.firstIndex(where: {
                sameDefinition($0, element) && namesMatch(name($0), name(element), kind: kind, table: table)
            }) {
                remaining.remove(at: index)
            } else {
                added.append(element)
            }
        }
        return (remaining, added)
    }

    // MARK: Table order

    /// Tables in an order where each comes after the tables it references
    /// and its parent tables (among `names`), with the foreign keys that close a cycle taken out of
    /// their tables and returned apart (only when the dialect needs
    /// referenced tables to exist; self-references always stay).
    func creationOrder(of names: [String], in schema: Schema) -> (
        tables: [Table], deferred: [(table: String, key: ForeignKey)]
    ) {
        let members = Set(names)
        var state: [String: Bool] = [:]  // false: in progress, true: done
        var order: [String] = []
        var deferred: [(table: String, key: ForeignKey)] = []
        func visit(_ name: String) {
            state[name] = false
            let table = schema.tables[name]!
            for parent in table.parentTables where members.contains(parent) && state[parent] == nil {
                visit(parent)
            }
            for key in table.foreignKeys where key.referencedTable != name && members.contains(key.referencedTable) {
                switch state[key.referencedTable] {
                case nil: visit(key.referencedTable)
                case false?: deferred.append((name, key))
                case true?: break
                }
            }
            state[name] = true
            order.append(name)
        }
        for name in names.sorted() where state[name] == nil { visit(name) }
        guard dialect.requiresReferencedTablesToExist else {
            return (order.map { schema.tables[$0]! }, [])
        }
        let tables = order.map { name in
            var table = schema.tables[name]!
            let keys = deferred.filter { $0.table == name }.map(\.key)
            table.foreignKeys.removeAll { keys.contains($0) }
            return table
        }
        return (tables, deferred)
    }
}
