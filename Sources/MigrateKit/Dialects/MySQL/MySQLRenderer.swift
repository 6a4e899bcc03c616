/// Writes schema changes as MySQL/MariaDB DDL: `ALTER TABLE ... ADD COLUMN /
/// DROP COLUMN / MODIFY COLUMN` (with the full column definition), named
/// foreign keys and checks, `UNIQUE KEY`s, `CREATE [FULLTEXT|SPATIAL]
/// INDEX ... ON`, `COMMENT '...'`, table options, and views, triggers and
/// routines (see `MySQLRenderer+Objects.swift`).
public struct MySQLRenderer: SchemaRenderer {
    /// A renderer; it keeps no state between renderings.
    public init() {}

    var support: RenderingSupport { RenderingSupport(dialect: MySQLDialect(), foldsToLowerCase: false) }
    private var literal: (String) -> String { MySQLDialect().literal }

    /// `ALTER TABLE t RENAME COLUMN a TO b`, or `ALTER TABLE a RENAME TO b`.
    public func renameStatement(table: String?, from: String, to: String) -> String {
        support.renameStatement(table: table, from: from, to: to)
    }

    /// A ``MySQLDialect``.
    public var dialect: any Dialect { MySQLDialect() }

    /// The upgrade SQL for `changes`, one commented block per change, data
    /// loss noted in a comment before the change that causes it.
    public func render(_ changes: [SchemaChange], current: Schema, target: Schema) -> String {
        let notes = support.dataLossNotes(changes)
        let blocks = changes.enumerated().map { offset, change in
            RenderedBlock(
                comments: (notes[offset] ?? []) + [change.summary], statements: statements(for: change, target: target))
        }
        return RenderedBlock.join(blocks)
    }

    func statements(for change: SchemaChange, target: Schema) -> [String] {
        let n = support
        if let statements = n.objectStatements(change) { return statements.map(Self.delimited) }
        switch change {
        case .createTable(let table):
            return [createTable(table)]
        case .dropTable(let table):
            return ["DROP TABLE \(n.name(table.name))"]
        case .addColumn(let table, let column):
            return [
                "ALTER TABLE \(n.name(table)) ADD COLUMN \(definition(of: column))"
                    + position(of: column.name, in: target.tables[table])
            ]
        case .dropColumn(let table, let column):
            return ["ALTER TABLE \(n.name(table)) DROP COLUMN \(n.name(column.name))"]
        case .alterColumn(let table, _, let to):
            let statement = "ALTER TABLE \(n.name(table)) MODIFY COLUMN \(definition(of: to))"
            return change.dataLoss == nil ? [statement] : Self.strict(statement)
        case .setPrimaryKey(let table, let from, let to):
            var clauses: [String] = []
            if from != nil { clauses.append("DROP PRIMARY KEY") }
            if let to { clauses.append("ADD PRIMARY KEY (\(n.names(to.columns)))") }
            return ["ALTER TABLE \(n.name(table)) " + clauses.joined(separator: ", ")]
        case .addForeignKey(let table, let key):
            return ["ALTER TABLE \(n.name(table)) ADD \(foreignKey(key))"]
        case .dropForeignKey(let table, let key):
            return ["ALTER TABLE \(n.name(table)) DROP FOREIGN KEY \(n.name(key.name ?? ""))"]
        case .addUnique(let table, let unique):
            return ["ALTER TABLE \(n.name(table)) ADD \(uniqueKey(unique))"]
        case .dropUnique(let table, let unique):
            return ["ALTER TABLE \(n.name(table)) DROP INDEX \(n.name(unique.name ?? unique.columns.first ?? ""))"]
        case .addIndex(let table, let index):
            return ["CREATE \(indexKind(index))INDEX \(n.name(index.name)) ON \(n.name(table)) (\(keyParts(index)))"]
        case .dropIndex(let table, let index):
            return ["DROP INDEX \(n.name(index.name)) ON \(n.name(table))"]
        case .addCheck(let table, let check):
            return ["ALTER TABLE \(n.name(table)) ADD \(checkConstraint(check))"]
        case .dropCheck(let table, let check):
            // `DROP CONSTRAINT` works on MariaDB and on MySQL 8.0.19+.
            return ["ALTER TABLE \(n.name(table)) DROP CONSTRAINT \(n.name(check.name ?? ""))"]
        case .setTableComment(let table, _, let to):
            return ["ALTER TABLE \(n.name(table)) COMMENT = \(literal(to ?? ""))"]
        case .setTableOptions(let table, let from, let to):
            return tableOptionStatements(table: table, from: from, to: to, target: target)
        case .renameTable(let from, let to):
            return [n.renameStatement(table: nil, from: from, to: to)]
        case .renameColumn(let table, let from, let to):
            // `RENAME COLUMN`: MariaDB 10.5+, MySQL 8.0+.
            return [n.renameStatement(table: table, from: from, to: to)]
        case .createObject, .dropObject, .alterObject:
            return []
        }
    }

    /// ` AFTER previous` (or ` FIRST`) when the column does not go last,
    /// so the table keeps the declared column order.
    func position(of column: String, in table: Table?) -> String {
        guard let columns = table?.columns.map(\.name), let index = columns.firstIndex(of: column),
            index < columns.count - 1
        else { return "" }
        return index == 0 ? " FIRST" : " AFTER \(support.name(columns[index - 1]))"
    }

    /// One line per column, key and constraint; indexes as `KEY` lines.
    func createTable(_ table: Table) -> String {
        var lines = table.columns.map(definition(of:))
        if let key = table.primaryKey { lines.append("PRIMARY KEY (\(support.names(key.columns)))") }
        lines += table.uniqueConstraints.map(uniqueKey)
        lines += table.indexes.map { "\(indexKind($0))KEY \(support.name($0.name)) (\(keyParts($0)))" }
        lines += table.foreignKeys.map(foreignKey)
        lines += table.checks.map(checkConstraint)
        var text = "CREATE TABLE \(support.name(table.name)) (\n" + lines.map { "    " + $0 }.joined(separator: ",\n") + "\n)"
        text += tableOptions(table.options)
        if let comment = table.comment { text += " COMMENT = \(literal(comment))" }
        return text
    }

    /// `name type [COLLATE c] [GENERATED ALWAYS AS (e) VIRTUAL|STORED]
    /// [NOT NULL] [DEFAULT x] [ON UPDATE x] [AUTO_INCREMENT] [COMMENT '...']`.
    func definition(of column: Column) -> String {
        var parts = [support.name(column.name), column.type]
        if let collation = column.collation { parts.append("COLLATE \(collation)") }
        if let generated = column.generated {
            parts.append("GENERATED ALWAYS AS (\(generated.expression)) \(generated.isStored ? "STORED" : "VIRTUAL")")
        }
        if !column.isNullable { parts.append("NOT NULL") }
        if let value = column.defaultExpression { parts.append("DEFAULT \(value)") }
        if let value = column.onUpdate { parts.append("ON UPDATE \(value)") }
        if column.identity == .autoincrement { parts.append("AUTO_INCREMENT") }
        if let comment = column.comment { parts.append("COMMENT \(literal(comment))") }
        return parts.joined(separator: " ")
    }

    /// Columns by name (with a prefix length, `name(10)`); expressions as
    /// functional key parts `((expr))`.
    func keyParts(_ index: Index) -> String {
        index.keys.map { key in
            (key.isExpression ? "((\(key.text)))" : support.name(key.text))
                + (key.prefixLength.map { "(\($0))" } ?? "") + (key.isDescending ? " DESC" : "")
        }.joined(separator: ", ")
    }

    /// `UNIQUE `, `FULLTEXT `, `SPATIAL ` or nothing, before `KEY` / `INDEX`.
    func indexKind(_ index: Index) -> String {
        if let method = index.method { return method + " " }
        return index.isUnique ? "UNIQUE " : ""
    }

    func uniqueKey(_ unique: UniqueConstraint) -> String {
        "UNIQUE KEY " + (unique.name.map { support.name($0) + " " } ?? "") + "(\(support.names(unique.columns)))"
    }

    func checkConstraint(_ check: CheckConstraint) -> String {
        (check.name.map { "CONSTRAINT \(support.name($0)) " } ?? "") + "CHECK (\(check.expression))"
    }

    func foreignKey(_ key: ForeignKey) -> String {
        var text =
            (key.name.map { "CONSTRAINT \(support.name($0)) " } ?? "")
            + "FOREIGN KEY (\(support.names(key.columns))) REFERENCES \(support.name(key.referencedTable)) "
            + "(\(support.names(key.referencedColumns)))"
        if key.onDelete != .noAction { text += " ON DELETE \(key.onDelete.rawValue)" }
        if key.onUpdate != .noAction { text += " ON UPDATE \(key.onUpdate.rawValue)" }
        return text
    }
}

extension MySQLDialect {
    /// A ``MySQLRenderer``.
    public var renderer: any SchemaRenderer { MySQLRenderer() }

    /// Names the server picks: foreign keys `<table>_ibfk_<n>`, checks
    /// `<table>_chk_<n>` (MySQL) or `CONSTRAINT_<n>` (MariaDB).
    public func isGeneratedName(_ name: String, for kind: SchemaElementKind, on table: String) -> Bool {
        func numbered(_ prefix: String) -> Bool {
            name.hasPrefix(prefix) && !name.dropFirst(prefix.count).isEmpty
                && name.dropFirst(prefix.count).allSatisfy(\.isNumber)
        }
        switch kind {
        case .foreignKey: return numbered(table + "_ibfk_")
        case .check: return numbered(table + "_chk_") || numbered("CONSTRAINT_")
        default: return false
        }
    }
}
