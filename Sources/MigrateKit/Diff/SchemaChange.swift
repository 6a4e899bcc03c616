/// One step that turns a schema into another: what the differ produces, the
/// renderers write as SQL, and `check` prints.
///
/// Every change knows its inverse (``reversed``), so the downgrade of a
/// revision is the upgrade's changes reversed in order and each reversed.
/// Values carried by a change describe the element as it is at that moment:
/// a `createTable` whose foreign keys form a cycle carries the table without
/// them, and the `addForeignKey` changes that follow add them.
public enum SchemaChange: Sendable, Equatable, Hashable {
    case createTable(Table)
    case dropTable(Table)
    case addColumn(table: String, Column)
    case dropColumn(table: String, Column)
    /// A change of type, nullability, default, identity, collation or comment.
    case alterColumn(table: String, from: Column, to: Column)
    case setPrimaryKey(table: String, from: PrimaryKey?, to: PrimaryKey?)
    case addForeignKey(table: String, ForeignKey)
    case dropForeignKey(table: String, ForeignKey)
    case addUnique(table: String, UniqueConstraint)
    case dropUnique(table: String, UniqueConstraint)
    case addIndex(table: String, Index)
    case dropIndex(table: String, Index)
    case addCheck(table: String, CheckConstraint)
    case dropCheck(table: String, CheckConstraint)
    case setTableComment(table: String, from: String?, to: String?)

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
        }
    }

    /// The table the change applies to.
    public var tableName: String {
        switch self {
        case .createTable(let table), .dropTable(let table): table.name
        case .addColumn(let table, _), .dropColumn(let table, _), .alterColumn(let table, _, _),
            .setPrimaryKey(let table, _, _), .addForeignKey(let table, _), .dropForeignKey(let table, _),
            .addUnique(let table, _), .dropUnique(let table, _), .addIndex(let table, _), .dropIndex(let table, _),
            .addCheck(let table, _), .dropCheck(let table, _), .setTableComment(let table, _, _):
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
            "add \(index.isUnique ? "unique " : "")index \(index.name) on \(table) (\(index.keyList))"
        case .dropIndex(let table, let index):
            "drop \(index.isUnique ? "unique " : "")index \(index.name) on \(table)"
        case .addCheck(let table, let check):
            "add check constraint \(check.name.map { $0 + " " } ?? "")on \(table): \(check.expression)"
        case .dropCheck(let table, let check):
            "drop check constraint \(check.name.map { $0 + " " } ?? "")on \(table): \(check.expression)"
        case .setTableComment(let table, _, let to):
            to.map { "set comment on table \(table): \($0)" } ?? "remove comment from table \(table)"
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
        return words
    }
}

extension ForeignKey {
    /// `books.author_id → authors.id`, with the name when there is one.
    func label(on table: String) -> String {
        (name.map { $0 + " " } ?? "") + "\(table)(\(columns.joined(separator: ", "))) → "
            + "\(referencedTable)(\(referencedColumns.joined(separator: ", ")))"
    }
}

extension Index {
    /// The keys as a person reads them: `title, number DESC, lower(title)`.
    var keyList: String {
        keys.map { $0.text + ($0.isDescending ? " DESC" : "") }.joined(separator: ", ")
    }
}
