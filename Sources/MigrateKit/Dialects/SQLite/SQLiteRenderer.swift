/// Writes schema changes as SQLite DDL.
///
/// SQLite's `ALTER TABLE` can add a column (nullable or with a constant
/// default, not in a key), drop a column nothing refers to (3.35+) and
/// rename; indexes are created and dropped on their own. Every other change
/// — a column's type, nullability or default, the primary key, foreign keys,
/// unique and check constraints, dropping a constrained column — is written
/// as the table rebuild the SQLite manual gives in "Making Other Kinds Of
/// Table Schema Changes" (https://www.sqlite.org/lang_altertable.html), with
/// all changes to one table grouped into one rebuild (see
/// ``SQLiteRenderer/rebuild(_:from:to:summaries:)``).
public struct SQLiteRenderer: SchemaRenderer {
    public init() {}

    var support: RenderingSupport { RenderingSupport(dialect: SQLiteDialect(), foldsToLowerCase: false) }

    public func renameStatement(table: String?, from: String, to: String) -> String {
        support.renameStatement(table: table, from: from, to: to)
    }

    public func render(_ changes: [SchemaChange], current: Schema, target: Schema) -> String {
        let notes = support.renameNotes(changes)
        let rebuilt = Set(
            changes.filter { needsRebuild($0, current: current, target: target) }.map(\.tableName)
                .filter { current.tables[$0] != nil && target.tables[$0] != nil })
        var written = Set<String>()
        var blocks: [RenderedBlock] = []
        for (offset, change) in changes.enumerated() {
            let table = change.tableName
            guard change.object == nil, rebuilt.contains(table) else {
                blocks.append(
                    RenderedBlock(comments: (notes[offset] ?? []) + [change.summary], statements: statements(for: change)))
                continue
            }
            guard written.insert(table).inserted else { continue }
            let group = changes.enumerated().filter { $0.element.object == nil && $0.element.tableName == table }
            var comments = group.flatMap { (notes[$0.offset] ?? []) + [$0.element.summary] }
            comments.append("(SQLite cannot ALTER this: \(table) is rebuilt, as its manual describes)")
            let actors = Self.tablesWithDeleteActions(referencing: table, in: current)
            if !actors.isEmpty {
                comments.append(
                    "Run with PRAGMA foreign_keys off (migrate's default): with it on, DROP TABLE \(table) "
                        + "fires the ON DELETE actions of \(actors.joined(separator: ", ")).")
            }
            blocks.append(
                RenderedBlock(
                    comments: comments,
                    statements: rebuild(table, from: current.tables[table]!, to: target.tables[table]!)))
        }
        return RenderedBlock.join(blocks)
    }

    func statements(for change: SchemaChange) -> [String] {
        let n = support
        if let statements = n.objectStatements(change) { return statements }
        switch change {
        case .createTable(let table):
            return [createTable(table, as: table.name)] + table.indexes.map { createIndex($0, table: table.name) }
        case .dropTable(let table):
            return ["DROP TABLE \(n.name(table.name))"]
        case .addColumn(let table, let column):
            return ["ALTER TABLE \(n.name(table)) ADD COLUMN \(definition(of: column, inlinePrimaryKey: nil))"]
        case .dropColumn(let table, let column):
            return ["ALTER TABLE \(n.name(table)) DROP COLUMN \(n.name(column.name))"]
        case .addIndex(let table, let index):
            return [createIndex(index, table: table)]
        case .dropIndex(_, let index):
            return ["DROP INDEX \(n.name(index.name))"]
        case .setTableComment, .alterColumn, .setPrimaryKey, .addForeignKey, .dropForeignKey, .addUnique, .dropUnique,
            .addCheck, .dropCheck, .setTableOptions, .createObject, .dropObject, .alterObject:
            // Comments do not exist in SQLite; the rest is always a rebuild.
            return []
        }
    }

    /// Tables whose foreign keys to `table` have an `ON DELETE` action that
    /// changes rows: with `foreign_keys` on, the rebuild's `DROP TABLE`
    /// deletes every row of `table` and would fire them ("If foreign key
    /// constraints are enabled, a DROP TABLE command performs an implicit
    /// DELETE FROM command before removing the table ... may invoke foreign
    /// key actions").
    static func tablesWithDeleteActions(referencing table: String, in schema: Schema) -> [String] {
        schema.tableNames.filter { name in
            schema.tables[name]!.foreignKeys.contains {
                $0.referencedTable == table && [.cascade, .setNull, .setDefault].contains($0.onDelete)
            }
        }
    }

    // MARK: When to rebuild

    /// `true` when `ALTER TABLE` cannot express the change.
    func needsRebuild(_ change: SchemaChange, current: Schema, target: Schema) -> Bool {
        switch change {
        case .createTable, .dropTable, .addIndex, .dropIndex, .setTableComment, .createObject, .dropObject, .alterObject:
            return false
        case .addColumn(let table, let column):
            return !canAdd(column, to: table, current: current, target: target)
        case .dropColumn(let table, let column):
            return !canDrop(column.name, from: table, in: current)
        case .alterColumn(_, let from, let to):
            // A comment-only change (never inspected on SQLite) needs nothing.
            var withComment = from
            withComment.comment = to.comment
            return withComment != to
        case .setPrimaryKey, .addForeignKey, .dropForeignKey, .addUnique, .dropUnique, .addCheck, .dropCheck,
            .setTableOptions:
            return true
        }
    }

    /// "The column may not have a PRIMARY KEY or UNIQUE constraint. The
    /// column may not have a default value of CURRENT_TIME, CURRENT_DATE,
    /// CURRENT_TIMESTAMP, or an expression in parentheses. If a NOT NULL
    /// constraint is specified, then the column must have a default value
    /// other than NULL." And `ADD COLUMN` appends: a column the target puts
    /// before an existing one needs the rebuild to land in its place.
    func canAdd(_ column: Column, to table: String, current: Schema, target: Schema) -> Bool {
        guard let old = current.tables[table], let new = target.tables[table] else { return true }
        let inKey =
            new.primaryKey?.columns.contains(column.name) == true
            || new.uniqueConstraints.contains { $0.columns.contains(column.name) }
        let constantDefault = column.defaultExpression.map(Self.isConstant) ?? true
        let hasUsableDefault = column.defaultExpression.map { $0.uppercased() != "NULL" } ?? false
        let lastKept = new.columns.lastIndex { old.column(named: $0.name) != nil } ?? -1
        let position = new.columns.firstIndex { $0.name == column.name } ?? Int.max
        return !inKey && column.identity == nil && constantDefault && (column.isNullable || hasUsableDefault)
            && position > lastKept
    }

    /// `DROP COLUMN` fails when the column is in the primary key, a unique
    /// constraint, an index (keys or predicate), a foreign key (either end) or
    /// a check; the model cannot tell a column's own check from another, so
    /// any check that names it counts.
    func canDrop(_ column: String, from table: String, in schema: Schema) -> Bool {
        guard let old = schema.tables[table] else { return true }
        func mentions(_ text: String) -> Bool { text.lowercased().contains(column.lowercased()) }
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
        return !schema.tables.values.contains { other in
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

    // MARK: Rebuild

    /// The manual's steps, inside the revision's transaction: `foreign_keys`
    /// cannot change there, so checks are deferred to the commit instead
    /// (`PRAGMA defer_foreign_keys`), and `PRAGMA foreign_key_check` reports
    /// what the rebuild broke.
    ///
    /// "1. ... 4. Use CREATE TABLE to construct a new table "new_X" that is in
    /// the desired revised format of table X. 5. Transfer content from X into
    /// new_X using a statement like: INSERT INTO new_X SELECT ... FROM X.
    /// 6. Drop the old table X: DROP TABLE X. 7. Change the name of new_X to
    /// X using: ALTER TABLE new_X RENAME TO X. 8. Use CREATE INDEX, CREATE
    /// TRIGGER, and CREATE VIEW to reconstruct indexes, triggers, and views
    /// associated with table X. ... 10. If foreign key constraints were
    /// originally enabled then run PRAGMA foreign_key_check"
    func rebuild(_ name: String, from old: Table, to new: Table) -> [String] {
        let temporary = SQLiteDialect().quoteIdentifier("_new_" + name)
        let common = new.columns.map(\.name).filter { old.column(named: $0) != nil }
        let columns = support.names(common)
        var statements = [
            "PRAGMA defer_foreign_keys = ON",
            createTable(new, as: "_new_" + name),
        ]
        if !common.isEmpty {
            statements.append("INSERT INTO \(temporary) (\(columns))\n    SELECT \(columns) FROM \(support.name(name))")
        }
        statements += [
            "DROP TABLE \(support.name(name))",
            "ALTER TABLE \(temporary) RENAME TO \(support.name(name))",
        ]
        statements += new.indexes.map { createIndex($0, table: name) }
        statements.append("PRAGMA foreign_key_check(\(support.name(name)))")
        return statements
    }

    // MARK: Tables

    /// One line per column and constraint. A single-column primary key with
    /// `AUTOINCREMENT` is written on its column, where SQLite requires it.
    func createTable(_ table: Table, as name: String) -> String {
        var inline: String?
        if let key = table.primaryKey, key.columns.count == 1,
            table.column(named: key.columns[0])?.identity == .autoincrement
        {
            inline = key.columns[0]
        }
        var lines = table.columns.map {
            definition(of: $0, inlinePrimaryKey: $0.name == inline ? table.primaryKey : nil)
        }
        if let key = table.primaryKey, inline == nil {
            lines.append(constraintName(key.name) + "PRIMARY KEY (\(support.names(key.columns)))")
        }
        lines += table.uniqueConstraints.map { constraintName($0.name) + "UNIQUE (\(support.names($0.columns)))" }
        lines += table.foreignKeys.map(foreignKey)
        lines += table.checks.map { constraintName($0.name) + "CHECK (\($0.expression))" }
        let quoted = name.hasPrefix("_new_") ? SQLiteDialect().quoteIdentifier(name) : support.name(name)
        return "CREATE TABLE \(quoted) (\n" + lines.map { "    " + $0 }.joined(separator: ",\n") + "\n)"
    }

    private func constraintName(_ name: String?) -> String {
        name.map { "CONSTRAINT \(support.name($0)) " } ?? ""
    }

    /// `name TYPE [PRIMARY KEY AUTOINCREMENT] [NOT NULL] [DEFAULT x] [COLLATE c]`.
    /// A default that is not a plain literal is wrapped in parentheses, as
    /// SQLite requires (its catalog reports it without them).
    func definition(of column: Column, inlinePrimaryKey: PrimaryKey?) -> String {
        var parts = [support.name(column.name)]
        if !column.type.isEmpty { parts.append(column.type) }
        if let key = inlinePrimaryKey { parts.append(constraintName(key.name) + "PRIMARY KEY AUTOINCREMENT") }
        if !column.isNullable { parts.append("NOT NULL") }
        if let value = column.defaultExpression {
            let bare = Self.isConstant(value) || value.hasPrefix("(") || value.uppercased().hasPrefix("CURRENT_")
            parts.append("DEFAULT " + (bare ? value : "(\(value))"))
        }
        if let collation = column.collation { parts.append("COLLATE \(support.name(collation))") }
        return parts.joined(separator: " ")
    }

    func foreignKey(_ key: ForeignKey) -> String {
        var text =
            constraintName(key.name) + "FOREIGN KEY (\(support.names(key.columns))) REFERENCES "
            + "\(support.name(key.referencedTable)) (\(support.names(key.referencedColumns)))"
        if key.onDelete != .noAction { text += " ON DELETE \(key.onDelete.rawValue)" }
        if key.onUpdate != .noAction { text += " ON UPDATE \(key.onUpdate.rawValue)" }
        return text
    }

    func createIndex(_ index: Index, table: String) -> String {
        support.createIndex(index, on: support.name(table), parenthesizingExpressions: false)
    }
}

extension SQLiteDialect {
    public var renderer: any SchemaRenderer { SQLiteRenderer() }

    /// SQLite checks foreign keys when rows change, not when tables are created.
    public var requiresReferencedTablesToExist: Bool { false }
}
