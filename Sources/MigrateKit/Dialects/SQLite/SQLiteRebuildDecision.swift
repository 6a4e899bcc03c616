/// Which tables a list of changes rebuilds on SQLite: the one answer the
/// renderer (which writes the rebuild) and the object plan (which drops and
/// re-creates the views and triggers a rebuild disturbs, through
/// ``SQLiteDialect/tableChanges(_:on:disturb:current:target:)``) share.
///
/// SQLite's `ALTER TABLE` can add a column (nullable or with a constant
/// default, not in a key, not `STORED`), drop a column nothing refers to
/// (3.35+) and rename; indexes are created and dropped on their own. Every
/// other change is a rebuild.
struct SQLiteRebuildDecision {
    let current: Schema
    let target: Schema

    /// `true` when `changes` (all about `table`) rebuild it: the table is
    /// kept and `ALTER TABLE` cannot express one of them.
    func rebuilds(_ table: String, with changes: [SchemaChange]) -> Bool {
        guard current.tables[table] != nil, target.tables[table] != nil else { return false }
        return changes.contains { $0.object == nil && $0.tableName == table && needsRebuild($0, among: changes) }
    }

    /// The tables among `changes` that are rebuilt.
    func rebuiltTables(_ changes: [SchemaChange]) -> Set<String> {
        let byTable = Dictionary(grouping: changes.filter { $0.object == nil }, by: \.tableName)
        return Set(byTable.filter { rebuilds($0.key, with: $0.value) }.keys)
    }

    /// `true` when `ALTER TABLE` cannot express the change.
    func needsRebuild(_ change: SchemaChange, among changes: [SchemaChange]) -> Bool {
        switch change {
        case .createTable, .dropTable, .addIndex, .dropIndex, .setTableComment, .createObject, .dropObject, .alterObject,
            .renameTable, .renameColumn:
            return false
        case .addColumn(let table, let column):
            return !canAdd(column, to: table)
        case .dropColumn(let table, let column):
            return !canDrop(column.name, from: table)
        case .alterColumn(_, let from, let to):
            // A comment-only change (never inspected on SQLite) needs nothing.
            var withComment = from
            withComment.comment = to.comment
            return withComment != to
        case .addForeignKey(let table, let key):
            return addedColumn(carrying: key, on: table, among: changes) == nil
        case .setPrimaryKey, .dropForeignKey, .addUnique, .dropUnique, .addCheck, .dropCheck, .setTableOptions:
            return true
        }
    }

    /// The column added by `ALTER TABLE ... ADD COLUMN` that carries the
    /// new single-column foreign key `key` as its `REFERENCES` clause ("a
    /// column with a REFERENCES clause must have a default value of NULL"),
    /// or `nil` when the key needs a rebuild.
    func addedColumn(carrying key: ForeignKey, on table: String, among changes: [SchemaChange]) -> Column? {
        guard key.columns.count == 1 else { return nil }
        for change in changes {
            if case .addColumn(table, let column) = change, column.name == key.columns[0],
                column.defaultExpression.map({ $0.uppercased() == "NULL" }) ?? true, canAdd(column, to: table)
            {
                return column
            }
        }
        return nil
    }

    /// "The column may not have a PRIMARY KEY or UNIQUE constraint. The
    /// column may not have a default value of CURRENT_TIME, CURRENT_DATE,
    /// CURRENT_TIMESTAMP, or an expression in parentheses. If a NOT NULL
    /// constraint is specified, then the column must have a default value
    /// other than NULL. ... The column may not be GENERATED ALWAYS ...
    /// STORED". And `ADD COLUMN` appends: a column the target puts before an
    /// existing one needs the rebuild to land in its place.
    func canAdd(_ column: Column, to table: String) -> Bool {
        guard let old = current.tables[table], let new = target.tables[table] else { return true }
        let inKey =
            new.primaryKey?.columns.contains(column.name) == true
            || new.uniqueConstraints.contains { $0.columns.contains(column.name) }
        let constantDefault = column.defaultExpression.map(Self.isConstant) ?? true
        let hasUsableDefault = column.defaultExpression.map { $0.uppercased() != "NULL" } ?? false
        let lastKept = new.columns.lastIndex { old.column(named: $0.name) != nil } ?? -1
        let position = new.columns.firstIndex { $0.name == column.name } ?? Int.max
        return !inKey && column.identity == nil && column.generated?.isStored != true && constantDefault
            && (column.isNullable || hasUsableDefault) && position > lastKept
    }

    /// `DROP COLUMN` fails when the column is in the primary key, a unique
    /// constraint, an index (keys or predicate), a foreign key (either end),
    /// a check or another column's generation expression; the model cannot
    /// tell a column's own check from another, so any check that names it
    /// counts. (Views and triggers that name it are dropped first: see
    /// ``SQLiteDialect/tableChanges(_:on:disturb:current:target:)``.)
    func canDrop(_ column: String, from table: String) -> Bool {
        guard let old = current.tables[table] else { return true }
        func mentions(_ text: String) -> Bool { SQLiteDefinition.identifiers(in: text).contains(column.lowercased()) }
        if old.primaryKey?.columns.contains(column) == true { return false }
        if old.uniqueConstraints.contains(where: { $0.columns.contains(column) }) { return false }
        if old.indexes.contains(where: { index in
            index.keys.contains { $0.isExpression ? mentions($0.text) : $0.text == column }
                || index.predicate.map(mentions) == true
        }) {
            return false
        }
        if old.foreignKeys.contains(where: { $0.columns.contains(column) }) { return false }
        if old.checks.contains(where: { mentions($0.expression) }) { return false }
        if old.columns.contains(where: { $0.name != column && $0.generated.map { mentions($0.expression) } == true }) {
            return false
        }
        return !current.tables.values.contains { other in
            other.foreignKeys.contains { $0.referencedTable == table && $0.referencedColumns.contains(column) }
        }
    }

    /// A literal `ALTER TABLE ... ADD COLUMN` accepts as a default.
    static func isConstant(_ value: String) -> Bool {
        let upper = value.uppercased()
        if ["NULL", "TRUE", "FALSE"].contains(upper) { return true }
        if value.hasPrefix("'") && value.hasSuffix("'") && value.count >= 2 { return true }
        if (upper.hasPrefix("X'")) && value.hasSuffix("'") { return true }
        let digits = value.drop { $0 == "-" || $0 == "+" }
        return !digits.isEmpty && digits.allSatisfy { $0.isNumber || $0 == "." || $0 == "e" || $0 == "E" }
    }
}

extension SQLiteDialect {
    /// A rebuilt table (in either direction of the revision: the downgrade
    /// may rebuild what the upgrade altered) disturbs its triggers and every
    /// view or trigger that reads it: SQLite's `ALTER TABLE ... RENAME`
    /// fails on a view that reads a table which is gone for the moment ("error
    /// in view v: no such table: main.t"), and `DROP TABLE` drops the
    /// table's triggers. A dropped column disturbs the views and triggers
    /// that name it (`DROP COLUMN` fails on them). A dropped table disturbs
    /// everything on or reading it.
    public func tableChanges(
        _ changes: [SchemaChange], on table: String, disturb object: SchemaObject, current: Schema, target: Schema
    ) -> Bool {
        let reversed = changes.reversed().map(\.reversed)
        if changes.contains(where: { if case .dropTable = $0 { true } else { false } })
            || SQLiteRebuildDecision(current: current, target: target).rebuilds(table, with: changes)
            || SQLiteRebuildDecision(current: target, target: current).rebuilds(table, with: reversed)
        {
            return true
        }
        let names = SQLiteDefinition.identifiers(in: object.definition)
        return changes.contains { change in
            switch change {
            case .dropColumn(_, let column), .addColumn(_, let column): names.contains(column.name.lowercased())
            default: false
            }
        }
    }
}
