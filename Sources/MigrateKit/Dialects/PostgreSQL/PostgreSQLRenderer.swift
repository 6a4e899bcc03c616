/// Writes schema changes as PostgreSQL DDL: `ALTER TABLE ... ADD/DROP
/// COLUMN`, `ALTER COLUMN ... TYPE ... USING`, `SET/DROP NOT NULL`,
/// `SET/DROP DEFAULT`, named `ADD/DROP CONSTRAINT`s, `CREATE/DROP INDEX` and
/// `COMMENT ON`; partitions and inheritance children; objects from the
/// statements the inspector wrote, altered in place where PostgreSQL can
/// (see `PostgreSQLRenderer+Objects.swift`).
public struct PostgreSQLRenderer: SchemaRenderer {
    /// A renderer; it keeps no state between renderings.
    public init() {}

    var support: RenderingSupport { RenderingSupport(dialect: PostgreSQLDialect(), foldsToLowerCase: true) }
    private var literal: (String) -> String { PostgreSQLDialect().literal }

    /// `ALTER TABLE t RENAME COLUMN a TO b`, or `ALTER TABLE a RENAME TO b`.
    public func renameStatement(table: String?, from: String, to: String) -> String {
        guard table == nil else { return support.renameStatement(table: table, from: from, to: to) }
        return "ALTER TABLE \(support.tableName(from)) RENAME TO \(support.name(QualifiedName.unqualified(to)))"
    }

    /// A ``PostgreSQLDialect``.
    public var dialect: any Dialect { PostgreSQLDialect() }

    /// The upgrade SQL for `changes`, one commented block per change, data
    /// loss noted in a comment before the change that causes it.
    public func render(_ changes: [SchemaChange], current: Schema, target: Schema) -> String {
        let notes = support.dataLossNotes(changes)
        let blocks = changes.enumerated().map { offset, change in
            RenderedBlock(
                comments: (notes[offset] ?? []) + [change.summary],
                statements: statements(for: change, current: current, target: target))
        }
        return RenderedBlock.join(blocks)
    }

    func statements(for change: SchemaChange, current: Schema = Schema(), target: Schema = Schema()) -> [String] {
        let n = support
        if let statements = objectStatements(change, current: current, target: target) { return statements }
        switch change {
        case .createTable(let table):
            return createTable(table) + sequenceOwnership(of: table.name, in: target)
        case .dropTable(let table):
            return ["DROP TABLE \(n.tableName(table.name))"]
        case .addColumn(let table, let column):
            return ["ALTER TABLE \(n.tableName(table)) ADD COLUMN \(definition(of: column))"]
                + (column.comment.map { [commentOnColumn(table, column.name, $0)] } ?? [])
                + sequenceOwnership(of: table, column: column.name, in: target)
        case .dropColumn(let table, let column):
            return ["ALTER TABLE \(n.tableName(table)) DROP COLUMN \(n.name(column.name))"]
        case .alterColumn(let table, let from, let to) where from.generated != to.generated:
            return [
                "ALTER TABLE \(n.tableName(table)) DROP COLUMN \(n.name(from.name))",
                "ALTER TABLE \(n.tableName(table)) ADD COLUMN \(definition(of: to))",
            ] + (to.comment.map { [commentOnColumn(table, to.name, $0)] } ?? [])
        case .alterColumn(let table, let from, let to):
            return alterColumn(table, from: from, to: to)
        case .setPrimaryKey(let table, let from, let to):
            var statements: [String] = []
            if let from {
                statements.append(
                    "ALTER TABLE \(n.tableName(table)) DROP CONSTRAINT \(n.name(from.name ?? QualifiedName.unqualified(table) + "_pkey"))")
            }
            if let to {
                statements.append("ALTER TABLE \(n.tableName(table)) ADD \(primaryKey(to, table: table))")
            }
            return statements
        case .addForeignKey(let table, let key):
            return ["ALTER TABLE \(n.tableName(table)) ADD \(foreignKey(key, table: table))"]
        case .dropForeignKey(let table, let key):
            return [
                "ALTER TABLE \(n.tableName(table)) DROP CONSTRAINT \(n.name(key.name ?? conventionalName(table, key.columns, "fkey")))"
            ]
        case .addUnique(let table, let unique):
            return ["ALTER TABLE \(n.tableName(table)) ADD \(uniqueConstraint(unique, table: table))"]
        case .dropUnique(let table, let unique):
            return [
                "ALTER TABLE \(n.tableName(table)) DROP CONSTRAINT \(n.name(unique.name ?? conventionalName(table, unique.columns, "key")))"
            ]
        case .addIndex(let table, let index):
            return [createIndex(index, table: table)]
        case .dropIndex(let table, let index):
            return ["DROP INDEX \(relation(index.name, besides: table))"]
        case .addCheck(let table, let check):
            return ["ALTER TABLE \(n.tableName(table)) ADD \(checkConstraint(check, table: table))"]
        case .dropCheck(let table, let check):
            return [
                "ALTER TABLE \(n.tableName(table)) DROP CONSTRAINT \(n.name(check.name ?? conventionalName(table, [], "check")))"
            ]
        case .setTableComment(let table, _, let to):
            return ["COMMENT ON TABLE \(n.tableName(table)) IS \(to.map(literal) ?? "NULL")"]
        case .setTableOptions(let table, let from, let to):
            return tableOptions(table, from: from, to: to)
        case .renameTable(let from, let to):
            return [renameStatement(table: nil, from: from, to: to)]
                + generatedNameRenames(current.tables[from], target.tables[to], table: to)
        case .renameColumn(let table, let from, let to):
            return [n.renameStatement(table: table, from: from, to: to)]
        case .createObject, .dropObject, .alterObject:
            return []
        }
    }

    // MARK: Tables

    /// A partition is `CREATE TABLE p PARTITION OF parent [(constraints)]
    /// FOR VALUES ...`; an inheritance child lists its own columns and
    /// `INHERITS (parents)`; a partitioned table ends with `PARTITION BY`.
    func createTable(_ table: Table) -> [String] {
        let isPartition = table.options["partition of"] != nil
        var lines = isPartition ? [] : table.columns.map(definition(of:))
        if let key = table.primaryKey { lines.append(primaryKey(key, table: table.name)) }
        lines += table.uniqueConstraints.map { uniqueConstraint($0, table: table.name) }
        // A constraint left NOT VALID can only be added to an existing table.
        lines += table.foreignKeys.filter(\.isValidated).map { foreignKey($0, table: table.name) }
        lines += table.checks.filter(\.isValidated).map { checkConstraint($0, table: table.name) }
        let body = lines.isEmpty && isPartition ? "" : " (\n" + lines.map { "    " + $0 }.joined(separator: ",\n") + "\n)"
        var head = "CREATE TABLE \(support.tableName(table.name))"
        var tail = ""
        if let parent = table.options["partition of"] {
            head += " PARTITION OF \(support.tableName(parent))"
            tail += " \(table.options["partition bound"] ?? "DEFAULT")"
        } else if table.options["inherits"] != nil {
            tail += " INHERITS (\(table.parentTables.map(support.tableName).joined(separator: ", ")))"
        }
        if let key = table.options["partition by"] { tail += " PARTITION BY \(key)" }
        var statements = [head + body + tail]
        let unvalidated =
            table.foreignKeys.filter { !$0.isValidated }.map { foreignKey($0, table: table.name) }
            + table.checks.filter { !$0.isValidated }.map { checkConstraint($0, table: table.name) }
        statements += unvalidated.map { "ALTER TABLE \(support.tableName(table.name)) ADD \($0)" }
        statements += table.indexes.map { createIndex($0, table: table.name) }
        if let comment = table.comment {
            statements.append("COMMENT ON TABLE \(support.tableName(table.name)) IS \(literal(comment))")
        }
        for column in table.columns {
            if let comment = column.comment { statements.append(commentOnColumn(table.name, column.name, comment)) }
        }
        return statements
    }

    /// `name type [COLLATE c] [NOT NULL] [DEFAULT x] [GENERATED ... AS IDENTITY]`
    /// or `GENERATED ALWAYS AS (expr) STORED`; a serial column as
    /// `serial`/`bigserial`/`smallserial`.
    func definition(of column: Column) -> String {
        var parts = [support.name(column.name)]
        if column.identity == .serial {
            parts.append(Self.serialTypes[column.type] ?? "serial")
        } else {
            parts.append(column.type)
        }
        if let collation = column.collation { parts.append("COLLATE \(PostgreSQLDialect().quoteIdentifier(collation))") }
        if !column.isNullable { parts.append("NOT NULL") }
        if let value = column.defaultExpression { parts.append("DEFAULT \(value)") }
        if let generated = column.generated { parts.append("GENERATED ALWAYS AS (\(generated.expression)) STORED") }
        switch column.identity {
        case .always: parts.append("GENERATED ALWAYS AS IDENTITY")
        case .byDefault: parts.append("GENERATED BY DEFAULT AS IDENTITY")
        default: break
        }
        return parts.joined(separator: " ")
    }

    static let serialTypes = ["integer": "serial", "bigint": "bigserial", "smallint": "smallserial"]

    func commentOnColumn(_ table: String, _ column: String, _ comment: String?) -> String {
        "COMMENT ON COLUMN \(support.tableName(table)).\(support.name(column)) IS \(comment.map(literal) ?? "NULL")"
    }

    // MARK: Columns

    /// In an order that cannot trip over itself: the old identity or serial
    /// default goes first, then a changed default (the old one may not cast
    /// to the new type), the type, nullability, the new default, and the new
    /// identity last.
    func alterColumn(_ table: String, from: Column, to: Column) -> [String] {
        let prefix = "ALTER TABLE \(support.tableName(table)) ALTER COLUMN \(support.name(to.name))"
        let identity =
            from.identity == to.identity
            ? (removing: [], adding: []) : identityChange(table, to.name, from.identity, to.identity, type: to.type)
        var statements = identity.removing
        let defaultChanged = from.defaultExpression != to.defaultExpression
        if defaultChanged, from.defaultExpression != nil { statements.append("\(prefix) DROP DEFAULT") }
        if from.type != to.type || from.collation != to.collation {
            var clause = "\(prefix) TYPE \(to.type)"
            if from.collation != to.collation {
                clause += " COLLATE \(PostgreSQLDialect().quoteIdentifier(to.collation ?? "default"))"
            }
            if from.type != to.type, !Self.narrowsWithinItsFamily(from.type, to.type) {
                clause += " USING \(support.name(to.name))::\(to.type)"
            }
            statements.append(clause)
        }
        if from.isNullable != to.isNullable {
            statements.append("\(prefix) \(to.isNullable ? "DROP" : "SET") NOT NULL")
        }
        if defaultChanged, let value = to.defaultExpression { statements.append("\(prefix) SET DEFAULT \(value)") }
        statements += identity.adding
        if from.comment != to.comment { statements.append(commentOnColumn(table, to.name, to.comment)) }
        return statements
    }

    /// Identity kinds switch in place; otherwise the old kind is removed (a
    /// serial column's default and its sequence, by PostgreSQL's naming
    /// `<table>_<column>_seq`) and the new one added.
    private func identityChange(
        _ table: String, _ column: String, _ from: Column.Identity?, _ to: Column.Identity?, type: String
    ) -> (removing: [String], adding: [String]) {
        let prefix = "ALTER TABLE \(support.tableName(table)) ALTER COLUMN \(support.name(column))"
        let sequence = relation("\(QualifiedName.unqualified(table))_\(column)_seq", besides: table)
        let isIdentity: (Column.Identity?) -> Bool = { $0 == .always || $0 == .byDefault }
        if isIdentity(from), isIdentity(to) {
            return ([], ["\(prefix) SET GENERATED \(to == .always ? "ALWAYS" : "BY DEFAULT")"])
        }
        var removing: [String] = []
        var adding: [String] = []
        if isIdentity(from) { removing.append("\(prefix) DROP IDENTITY") }
        if from == .serial { removing += ["\(prefix) DROP DEFAULT", "DROP SEQUENCE IF EXISTS \(sequence)"] }
        switch to {
        case .always?: adding.append("\(prefix) ADD GENERATED ALWAYS AS IDENTITY")
        case .byDefault?: adding.append("\(prefix) ADD GENERATED BY DEFAULT AS IDENTITY")
        case .serial?:
            adding += [
                // Of the column's type, as `serial` makes it (CREATE SEQUENCE alone makes a bigint one).
                "CREATE SEQUENCE \(sequence) AS \(type) OWNED BY \(support.tableName(table)).\(support.name(column))",
                "\(prefix) SET DEFAULT nextval('\(sequence)')",
            ]
        default: break
        }
        return (removing, adding)
    }

    // MARK: Constraints and indexes

    /// `<table>_<columns>_<suffix>`, PostgreSQL's own naming.
    func conventionalName(_ table: String, _ columns: [String], _ suffix: String) -> String {
        ([QualifiedName.unqualified(table)] + columns + [suffix]).joined(separator: "_")
    }

    func primaryKey(_ key: PrimaryKey, table: String) -> String {
        "CONSTRAINT \(support.name(key.name ?? QualifiedName.unqualified(table) + "_pkey")) PRIMARY KEY (\(support.names(key.columns)))"
    }

    func uniqueConstraint(_ unique: UniqueConstraint, table: String) -> String {
        "CONSTRAINT \(support.name(unique.name ?? conventionalName(table, unique.columns, "key"))) UNIQUE (\(support.names(unique.columns)))"
    }

    func checkConstraint(_ check: CheckConstraint, table: String) -> String {
        "CONSTRAINT \(support.name(check.name ?? conventionalName(table, [], "check"))) CHECK (\(check.expression))"
            + (check.isValidated ? "" : " NOT VALID")
    }

    func foreignKey(_ key: ForeignKey, table: String) -> String {
        var text =
            "CONSTRAINT \(support.name(key.name ?? conventionalName(table, key.columns, "fkey"))) "
            + "FOREIGN KEY (\(support.names(key.columns))) REFERENCES \(support.tableName(key.referencedTable)) "
            + "(\(support.names(key.referencedColumns)))"
        if key.onDelete != .noAction { text += " ON DELETE \(key.onDelete.rawValue)" }
        if key.onUpdate != .noAction { text += " ON UPDATE \(key.onUpdate.rawValue)" }
        if !key.isValidated { text += " NOT VALID" }
        return text
    }

    /// `CREATE [UNIQUE] INDEX name ON table [USING method] (key [opclass]
    /// [DESC], ...) [INCLUDE (...)] [NULLS NOT DISTINCT] [WHERE ...]`.
    func createIndex(_ index: Index, table: String) -> String {
        let keys = index.keys.map { key in
            (key.isExpression ? "(\(key.text))" : support.name(key.text))
                + (key.operatorClass.map { " \($0)" } ?? "") + (key.isDescending ? " DESC" : "")
        }
        var text = "CREATE \(index.isUnique ? "UNIQUE " : "")INDEX \(support.name(index.name)) ON \(support.tableName(table))"
        if let method = index.method { text += " USING \(method)" }
        text += " (\(keys.joined(separator: ", ")))"
        if !index.includedColumns.isEmpty { text += " INCLUDE (\(support.names(index.includedColumns)))" }
        if index.nullsNotDistinct { text += " NULLS NOT DISTINCT" }
        if let predicate = index.predicate { text += " WHERE \(predicate)" }
        return text
    }
}

extension PostgreSQLDialect {
    /// A ``PostgreSQLRenderer``.
    public var renderer: any SchemaRenderer { PostgreSQLRenderer() }

    /// Names PostgreSQL gives unnamed constraints and indexes:
    /// `<table>_<columns>_pkey/_key/_fkey/_check/_idx`.
    public func isGeneratedName(_ name: String, for kind: SchemaElementKind, on table: String) -> Bool {
        guard name.hasPrefix(QualifiedName.unqualified(table) + "_") else { return false }
        let suffix: String =
            switch kind {
            case .primaryKey: "_pkey"
            case .foreignKey: "_fkey"
            case .unique: "_key"
            case .check: "_check"
            case .index: "_idx"
            }
        let trimmed = name.reversed().drop { $0.isNumber }.reversed()
        return String(trimmed).hasSuffix(suffix)
    }
}
