/// Writes schema changes as SQLite DDL.
///
/// What `ALTER TABLE` cannot express (`SQLiteRebuildDecision` decides) —
/// a column's type, nullability or default, the primary key, foreign keys,
/// unique and check constraints, table options, dropping a constrained
/// column — is written as the table rebuild the SQLite manual gives in "Making Other Kinds Of
/// Table Schema Changes" (https://www.sqlite.org/lang_altertable.html), with
/// all changes to one table grouped into one rebuild (see
/// `SQLiteRenderer/rebuild(_:current:target:)`).
public struct SQLiteRenderer: SchemaRenderer {
    /// A renderer; it keeps no state between renderings.
    public init() {}

    var support: RenderingSupport { RenderingSupport(dialect: SQLiteDialect(), foldsToLowerCase: false) }

    /// `ALTER TABLE t RENAME COLUMN a TO b`, or `ALTER TABLE a RENAME TO b`.
    public func renameStatement(table: String?, from: String, to: String) -> String {
        support.renameStatement(table: table, from: from, to: to)
    }

    /// A ``SQLiteDialect``.
    public var dialect: any Dialect { SQLiteDialect() }

    /// The upgrade SQL for `changes`, one commented block per change; the
    /// changes to a table `ALTER TABLE` cannot make are grouped into one rebuild.
    public func render(_ changes: [SchemaChange], current: Schema, target: Schema) -> String {
        let notes = support.dataLossNotes(changes)
        let decision = SQLiteRebuildDecision(current: current, target: target)
        let rebuilt = decision.rebuiltTables(changes)
        var written = Set<String>()
        var blocks: [RenderedBlock] = []
        for (offset, change) in changes.enumerated() {
            let table = change.tableName
            guard change.object == nil, rebuilt.contains(table) else {
                blocks.append(
                    RenderedBlock(
                        comments: (notes[offset] ?? []) + [change.summary],
                        statements: statements(for: change, among: changes, decision: decision)))
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
                    statements: rebuild(table, current: current, target: target)))
        }
        return RenderedBlock.join(blocks)
    }

    /// The statements of a change that needs no rebuild. A new single-column
    /// foreign key on a column added here is written as the column's
    /// `REFERENCES` clause, and needs nothing of its own.
    func statements(for change: SchemaChange, among changes: [SchemaChange], decision: SQLiteRebuildDecision) -> [String] {
        let n = support
        if let statements = n.objectStatements(change) { return statements }
        switch change {
        case .createTable(let table):
            return [createTable(table, as: table.name)] + table.indexes.map { createIndex($0, table: table.name) }
        case .dropTable(let table):
            return ["DROP TABLE \(n.name(table.name))"]
        case .addColumn(let table, let column):
            let key = decision.target.tables[table]?.foreignKeys.first {
                decision.addedColumn(carrying: $0, on: table, among: changes) == column
            }
            var text = "ALTER TABLE \(n.name(table)) ADD COLUMN \(definition(of: column, inlinePrimaryKey: nil))"
            if let key { text += " " + references(key, inline: true) }
            return [text]
        case .dropColumn(let table, let column):
            return ["ALTER TABLE \(n.name(table)) DROP COLUMN \(n.name(column.name))"]
        case .addIndex(let table, let index):
            return [createIndex(index, table: table)]
        case .dropIndex(_, let index):
            return ["DROP INDEX \(n.name(index.name))"]
        case .renameTable(let from, let to):
            return [n.renameStatement(table: nil, from: from, to: to)]
        case .renameColumn(let table, let from, let to):
            return [n.renameStatement(table: table, from: from, to: to)]
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

    // MARK: Rebuild

    /// The manual's steps, inside the revision's transaction: `foreign_keys`
    /// cannot change there, so checks are deferred to the commit instead
    /// (`PRAGMA defer_foreign_keys`), and a foreign key check that fails the
    /// revision ends it (see ``foreignKeyCheck(after:current:target:)``). Views and
    /// triggers are not touched here: the object plan drops those the
    /// rebuild disturbs before it and creates them again after it (see
    /// ``SQLiteDialect/tableChanges(_:on:disturb:current:target:)``).
    ///
    /// "1. ... 4. Use CREATE TABLE to construct a new table "new_X" that is in
    /// the desired revised format of table X. 5. Transfer content from X into
    /// new_X using a statement like: INSERT INTO new_X SELECT ... FROM X.
    /// 6. Drop the old table X: DROP TABLE X. 7. Change the name of new_X to
    /// X using: ALTER TABLE new_X RENAME TO X. 8. Use CREATE INDEX, CREATE
    /// TRIGGER, and CREATE VIEW to reconstruct indexes, triggers, and views
    /// associated with table X. ... 10. If foreign key constraints were
    /// originally enabled then run PRAGMA foreign_key_check"
    func rebuild(_ name: String, current: Schema, target: Schema) -> [String] {
        let old = current.tables[name]!
        let new = target.tables[name]!
        let temporary = SQLiteDialect().quoteIdentifier("_new_" + name)
        // A generated column computes itself: it cannot be written.
        let common = new.columns.filter { $0.generated == nil && old.column(named: $0.name) != nil }.map(\.name)
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
        statements += foreignKeyCheck(after: name, current: current, target: target)
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
        let options = [("without rowid", "WITHOUT ROWID"), ("strict", "STRICT")].filter { table.options[$0.0] != nil }
        return "CREATE TABLE \(quoted) (\n" + lines.map { "    " + $0 }.joined(separator: ",\n") + "\n)"
            + (options.isEmpty ? "" : " " + options.map(\.1).joined(separator: ", "))
    }

    private func constraintName(_ name: String?) -> String {
        name.map { "CONSTRAINT \(support.name($0)) " } ?? ""
    }

    /// `name TYPE [PRIMARY KEY AUTOINCREMENT] [NOT NULL]
    /// [GENERATED ALWAYS AS (e) STORED|VIRTUAL] [DEFAULT x] [COLLATE c]`.
    /// A default that is not a plain literal is wrapped in parentheses, as
    /// SQLite requires (its catalog reports it without them).
    func definition(of column: Column, inlinePrimaryKey: PrimaryKey?) -> String {
        var parts = [support.name(column.name)]
        if !column.type.isEmpty { parts.append(column.type) }
        if let key = inlinePrimaryKey { parts.append(constraintName(key.name) + "PRIMARY KEY AUTOINCREMENT") }
        if !column.isNullable { parts.append("NOT NULL") }
        if let generated = column.generated {
            parts.append("GENERATED ALWAYS AS (\(generated.expression)) \(generated.isStored ? "STORED" : "VIRTUAL")")
        }
        if let value = column.defaultExpression {
            let bare = SQLiteRebuildDecision.isConstant(value) || value.hasPrefix("(") || value.uppercased().hasPrefix("CURRENT_")
            parts.append("DEFAULT " + (bare ? value : "(\(value))"))
        }
        if let collation = column.collation { parts.append("COLLATE \(support.name(collation))") }
        return parts.joined(separator: " ")
    }

    func foreignKey(_ key: ForeignKey) -> String {
        constraintName(key.name) + "FOREIGN KEY (\(support.names(key.columns))) " + references(key, inline: false)
    }

    /// `REFERENCES parent (columns) [ON DELETE a] [ON UPDATE a]`, named
    /// (`CONSTRAINT name REFERENCES ...`) when written on its column.
    func references(_ key: ForeignKey, inline: Bool) -> String {
        var text =
            (inline ? constraintName(key.name) : "") + "REFERENCES "
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
    /// A ``SQLiteRenderer``.
    public var renderer: any SchemaRenderer { SQLiteRenderer() }

    /// SQLite checks foreign keys when rows change, not when tables are created.
    public var requiresReferencedTablesToExist: Bool { false }
}
