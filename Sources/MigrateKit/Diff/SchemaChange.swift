/// One step that turns a schema into another: what the differ produces, the
/// renderers write as SQL, and `check` prints.
///
/// Every change knows its inverse (``reversed``), so the downgrade of a
/// revision is the upgrade's changes reversed in order and each reversed.
/// Values carried by a change describe the element as it is at that moment:
/// a `createTable` whose foreign keys form a cycle carries the table without
/// them, and the `addForeignKey` changes that follow add them.
public enum SchemaChange: Sendable, Equatable, Hashable {
    /// A new table, with its columns, keys, constraints and indexes.
    case createTable(Table)
    /// A table that goes away with its rows (data loss); it carries the table as
    /// it was, so the change can be reversed.
    case dropTable(Table)
    /// A new column of `table`.
    case addColumn(table: String, Column)
    /// A column of `table` that goes away with its values (data loss).
    case dropColumn(table: String, Column)
    /// A change of type, nullability, default, identity, collation or comment.
    case alterColumn(table: String, from: Column, to: Column)
    /// A new, changed or removed primary key of `table` (`nil` for none).
    case setPrimaryKey(table: String, from: PrimaryKey?, to: PrimaryKey?)
    /// A new foreign key of `table`.
    case addForeignKey(table: String, ForeignKey)
    /// A foreign key of `table` that goes away.
    case dropForeignKey(table: String, ForeignKey)
    /// A new unique constraint of `table`.
    case addUnique(table: String, UniqueConstraint)
    /// A unique constraint of `table` that goes away.
    case dropUnique(table: String, UniqueConstraint)
    /// A new index of `table`.
    case addIndex(table: String, Index)
    /// An index of `table` that goes away.
    case dropIndex(table: String, Index)
    /// A new check constraint of `table`.
    case addCheck(table: String, CheckConstraint)
    /// A check constraint of `table` that goes away.
    case dropCheck(table: String, CheckConstraint)
    /// A new, changed or removed comment on `table` (`nil` for none).
    case setTableComment(table: String, from: String?, to: String?)
    /// A change of dialect table options (engine, charset, `WITHOUT ROWID`...).
    case setTableOptions(table: String, from: [String: String], to: [String: String])
    /// A new view, function, trigger... `reason` says why when the object
    /// is not new but re-created (its definition changed, or a table it
    /// reads changed under it).
    case createObject(SchemaObject, reason: String? = nil)
    /// An object that goes away, or is dropped to be re-created (`reason`).
    case dropObject(SchemaObject, reason: String? = nil)
    /// An object changed in place, where the dialect can (PostgreSQL
    /// `ALTER TYPE ... ADD VALUE`, `CREATE OR REPLACE FUNCTION`).
    case alterObject(from: SchemaObject, to: SchemaObject)
    /// A table that keeps its rows under a new name (`ALTER TABLE a RENAME TO b`).
    case renameTable(from: String, to: String)
    /// A column of `table` that keeps its values under a new name
    /// (`ALTER TABLE t RENAME COLUMN a TO b`); any change to its definition
    /// follows as an `alterColumn` on the new name.
    case renameColumn(table: String, from: String, to: String)

    /// The change that undoes this one.
    public var reversed: SchemaChange {
        switch self {
        case .createTable(let table): .dropTable(table)
        case .dropTable(let table): .createTable(table)
        case .addColumn(let table, let column): .dropColumn(table: table, column)
        case .dropColumn(let table, let column): .addColumn(table: table, column)
        case .alterColumn(let table, let from, let to): .alterColumn(table: table, from: to, to: from)
        case .setPrimaryKey(let table, let from, let to): .setPrimaryKey(table: table, from: to, to: from)
        case .addForeignKey(let table, let key): .dropForeignKey(table: table, key)
        case .dropForeignKey(let table, let key): .addForeignKey(table: table, key)
        case .addUnique(let table, let unique): .dropUnique(table: table, unique)
        case .dropUnique(let table, let unique): .addUnique(table: table, unique)
        case .addIndex(let table, let index): .dropIndex(table: table, index)
        case .dropIndex(let table, let index): .addIndex(table: table, index)
        case .addCheck(let table, let check): .dropCheck(table: table, check)
        case .dropCheck(let table, let check): .addCheck(table: table, check)
        case .setTableComment(let table, let from, let to): .setTableComment(table: table, from: to, to: from)
        case .setTableOptions(let table, let from, let to): .setTableOptions(table: table, from: to, to: from)
        case .createObject(let object, let reason): .dropObject(object, reason: reason)
        case .dropObject(let object, let reason): .createObject(object, reason: reason)
        case .alterObject(let from, let to): .alterObject(from: to, to: from)
        case .renameTable(let from, let to): .renameTable(from: to, to: from)
        case .renameColumn(let table, let from, let to): .renameColumn(table: table, from: to, to: from)
        }
    }

    /// The object a change creates, drops or alters, or `nil` for a change
    /// to a table.
    public var object: SchemaObject? {
        switch self {
        case .createObject(let object, _), .dropObject(let object, _), .alterObject(_, let object): object
        default: nil
        }
    }

    /// The table the change applies to; for an object, the table it
    /// belongs to, or else its name.
    public var tableName: String {
        switch self {
        case .createObject(let object, _), .dropObject(let object, _), .alterObject(_, let object):
            object.table ?? object.name
        case .createTable(let table), .dropTable(let table): table.name
        case .renameTable(_, let to): to
        case .addColumn(let table, _), .dropColumn(let table, _), .alterColumn(let table, _, _),
            .setPrimaryKey(let table, _, _), .addForeignKey(let table, _), .dropForeignKey(let table, _),
            .addUnique(let table, _), .dropUnique(let table, _), .addIndex(let table, _), .dropIndex(let table, _),
            .addCheck(let table, _), .dropCheck(let table, _), .setTableComment(let table, _, _),
            .setTableOptions(let table, _, _), .renameColumn(let table, _, _):
            table
        }
    }

    /// One line for humans (`check` prints these):
    /// `add column users.email varchar(255) NOT NULL`.
    public var summary: String {
        switch self {
        case .createTable(let table):
            "create table \(table.name) (\(table.columns.map(\.name).joined(separator: ", ")))"
        case .dropTable(let table):
            "drop table \(table.name)"
        case .addColumn(let table, let column):
            "add column \(table).\(column.name) \(column.summary)"
        case .dropColumn(let table, let column):
            "drop column \(table).\(column.name)"
        case .alterColumn(let table, let from, let to):
            "alter column \(table).\(to.name): \(Column.differences(from, to).joined(separator: ", "))"
        case .setPrimaryKey(let table, let from, let to):
            switch (from, to) {
            case (nil, let to?): "add primary key on \(table) (\(to.columns.joined(separator: ", ")))"
            case (_?, nil): "drop primary key of \(table)"
            default:
                "change primary key of \(table) from (\(from?.columns.joined(separator: ", ") ?? "")) to (\(to?.columns.joined(separator: ", ") ?? ""))"
            }
        case .addForeignKey(let table, let key):
            "add foreign key \(key.label(on: table))"
        case .dropForeignKey(let table, let key):
            "drop foreign key \(key.label(on: table))"
        case .addUnique(let table, let unique):
            "add unique constraint \(unique.name.map { $0 + " " } ?? "")on \(table) (\(unique.columns.joined(separator: ", ")))"
        case .dropUnique(let table, let unique):
            "drop unique constraint \(unique.name.map { $0 + " " } ?? "")on \(table) (\(unique.columns.joined(separator: ", ")))"
        case .addIndex(let table, let index):
            "add \(index.isUnique ? "unique " : "")index \(index.name) on \(table) (\(index.keyList))\(index.traits)"
        case .dropIndex(let table, let index):
            "drop \(index.isUnique ? "unique " : "")index \(index.name) on \(table)"
        case .addCheck(let table, let check):
            "add check constraint \(check.name.map { $0 + " " } ?? "")on \(table): \(check.expression)"
                + (check.isValidated ? "" : " NOT VALID")
        case .dropCheck(let table, let check):
            "drop check constraint \(check.name.map { $0 + " " } ?? "")on \(table): \(check.expression)"
                + (check.isValidated ? "" : " NOT VALID")
        case .setTableComment(let table, _, let to):
            to.map { "set comment on table \(table): \($0)" } ?? "remove comment from table \(table)"
        case .setTableOptions(let table, let from, let to):
            "change options of table \(table): "
                + Set(from.keys).union(to.keys).sorted().filter { from[$0] != to[$0] }.map {
                    "\($0) \(from[$0] ?? "default") → \(to[$0] ?? "default")"
                }.joined(separator: ", ")
        case .createObject(let object, let reason):
            "create \(object.label)" + (reason.map { " (\($0))" } ?? "")
        case .dropObject(let object, let reason):
            "drop \(object.label)" + (reason.map { " (\($0))" } ?? "")
        case .alterObject(let from, let to):
            "change \(to.label): \(DefinitionDifference(from.definition, to.definition))"
        case .renameTable(let from, let to):
            "rename table \(from) to \(to)"
        case .renameColumn(let table, let from, let to):
            "rename column \(table).\(from) to \(table).\(to)"
        }
    }
}

extension Column {
    /// `varchar(255) NOT NULL DEFAULT 'x'`, for summaries.
    var summary: String {
        var parts = [type]
        if !isNullable { parts.append("NOT NULL") }
        if let defaultExpression { parts.append("DEFAULT \(defaultExpression)") }
        if let identity { parts.append(identity.rawValue) }
        if let generated { parts.append("GENERATED AS (\(generated.expression)) \(generated.isStored ? "STORED" : "VIRTUAL")") }
        if let onUpdate { parts.append("ON UPDATE \(onUpdate)") }
        return parts.joined(separator: " ")
    }

    /// What differs between two versions of a column, in words.
    static func differences(_ from: Column, _ to: Column) -> [String] {
        var words: [String] = []
        if from.type != to.type { words.append("type \(from.type) → \(to.type)") }
        if from.isNullable != to.isNullable { words.append(to.isNullable ? "NULL" : "NOT NULL") }
        if from.defaultExpression != to.defaultExpression {
            words.append(to.defaultExpression.map { "default \($0)" } ?? "drop default")
        }
        if from.identity != to.identity { words.append("identity \(to.identity?.rawValue ?? "none")") }
        if from.collation != to.collation { words.append("collation \(to.collation ?? "default")") }
        if from.comment != to.comment { words.append(to.comment.map { "comment \($0)" } ?? "drop comment") }
        if from.generated != to.generated {
            words.append(to.generated.map { "generated as (\($0.expression)) \($0.isStored ? "stored" : "virtual")" } ?? "not generated")
        }
        if from.onUpdate != to.onUpdate { words.append(to.onUpdate.map { "on update \($0)" } ?? "no on update") }
        return words
    }
}

extension ForeignKey {
    /// `books(author_id) → authors(id) ON DELETE CASCADE`, with the name
    /// when there is one and the rules that are not `NO ACTION`.
    func label(on table: String) -> String {
        (name.map { $0 + " " } ?? "") + "\(table)(\(columns.joined(separator: ", "))) → "
            + "\(referencedTable)(\(referencedColumns.joined(separator: ", ")))"
            + (onDelete == .noAction ? "" : " ON DELETE \(onDelete.rawValue)")
            + (onUpdate == .noAction ? "" : " ON UPDATE \(onUpdate.rawValue)")
            + (isValidated ? "" : " NOT VALID")
    }

    /// The same columns, referenced columns, rules and validation: the
    /// same key whatever its name.
    func sameRule(as other: ForeignKey) -> Bool {
        (columns, referencedTable, referencedColumns, onDelete, onUpdate, isValidated)
            == (other.columns, other.referencedTable, other.referencedColumns, other.onDelete, other.onUpdate, other.isValidated)
    }
}

extension Index {
    /// The keys as a person reads them: `title, number DESC, lower(title)`.
    var keyList: String {
        let list = keys.map { key in
            key.text + (key.prefixLength.map { "(\($0))" } ?? "") + (key.operatorClass.map { " " + $0 } ?? "")
                + (key.isDescending ? " DESC" : "")
        }.joined(separator: ", ")
        return list
    }

    /// What else sets the index apart, after its key list:
    /// ` using gin include (a) where active`, or nothing.
    var traits: String {
        var extras: [String] = []
        if let method { extras.append("using \(method)") }
        if !includedColumns.isEmpty { extras.append("include (\(includedColumns.joined(separator: ", ")))") }
        if nullsNotDistinct { extras.append("nulls not distinct") }
        if let predicate { extras.append("where \(predicate)") }
        return extras.map { " " + $0 }.joined()
    }
}
