import Foundation

/// Reads a SQLite database's schema with four queries, whatever the number
/// of tables: `sqlite_schema` joined with the table-valued pragmas
/// `pragma_table_xinfo` (columns, with each table's `CREATE TABLE` text),
/// `pragma_index_list`/`pragma_index_xinfo` (indexes) and
/// `pragma_foreign_key_list` (foreign keys), and the views, triggers and
/// virtual tables of `sqlite_schema` (see `readObjects`).
///
/// What no pragma reports — `CHECK` constraints, `AUTOINCREMENT`, `COLLATE`
/// clauses, constraint names, index expressions and partial-index
/// predicates — is read from the stored SQL text by `SQLiteDefinition`.
/// Internal `sqlite_%` tables, virtual tables and their shadow tables are
/// left out of the tables; virtual tables are named as not modelled.
public struct SQLiteInspector: SchemaInspector {
    /// An inspector; it keeps no state between inspections.
    public init() {}

    /// Ordinary tables of `main`: no `sqlite_` internals, no virtual tables
    /// and none of the shadow tables a virtual table keeps its data in (FTS
    /// `x_content`, `x_data`...), which `pragma_table_list` marks `shadow`.
    static let tableFilter = """
        m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
        AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%' \
        AND m.name NOT IN (SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow')
        """

    /// Reads the tables, views, triggers and virtual tables of `main`, leaving out
    /// tables whose names match `patterns`.
    /// - Throws: ``DatabaseError`` when a catalog query fails.
    public func inspect(_ connection: DatabaseConnection, excluding patterns: [String]) throws -> Schema {
        var builder = SchemaBuilder(excluding: patterns)
        var definitions: [String: SQLiteDefinition.TableFacts] = [:]
        try readColumns(connection, into: &builder, definitions: &definitions)
        try readIndexes(connection, into: &builder, definitions: definitions)
        try readForeignKeys(connection, into: &builder, definitions: definitions)
        try readObjects(connection, into: &builder)
        return builder.schema()
    }

    /// Columns, the primary key, checks and the table SQL facts.
    private func readColumns(
        _ connection: DatabaseConnection, into builder: inout SchemaBuilder,
        definitions: inout [String: SQLiteDefinition.TableFacts]
    ) throws {
        let rows = try connection.query(
            """
            SELECT m.name, m.sql, c.cid, c.name, c.type, c."notnull", c.dflt_value, c.pk, c.hidden
            FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) c
            WHERE \(Self.tableFilter) AND c.hidden <> 1
            ORDER BY m.name, c.cid
            """)
        var primaryKeys: [String: [(position: Int, column: String)]] = [:]
        for row in rows {
            let tableName = row.string(0)
            guard !builder.isExcluded(tableName) else {
                builder.noteExcluded(tableName)
                continue
            }
            if definitions[tableName] == nil {
                let facts = SQLiteDefinition(row.string(1)).tableFacts()
                definitions[tableName] = facts
                builder.update(tableName) { table in
                    table.options = facts.options
                    table.checks = facts.constraints.filter { $0.kind == .check }.map {
                        CheckConstraint(name: $0.name, expression: $0.expression ?? "")
                    }
                }
            }
            let name = row.string(3)
            let facts = definitions[tableName]?.columns[name]
            // hidden: 2 a VIRTUAL generated column, 3 a STORED one.
            let hidden = row.string(8)
            let generated =
                ["2", "3"].contains(hidden)
                ? Column.Generated(expression: facts?.generatedExpression ?? "", isStored: hidden == "3") : nil
            let column = Column(
                name: name, type: Self.normalizedType(row.string(4)), isNullable: !row.bool(5),
                defaultExpression: row.text(6), identity: facts?.isAutoincrement == true ? .autoincrement : nil,
                collation: facts?.collation, generated: generated)
            builder.update(tableName) { $0.columns.append(column) }
            if let position = row.text(7).flatMap(Int.init), position > 0 {
                primaryKeys[tableName, default: []].append((position, name))
            }
        }
        for (tableName, parts) in primaryKeys {
            let name = definitions[tableName]?.constraints.first { $0.kind == .primaryKey }?.name
            builder.updateExisting(tableName) {
                $0.primaryKey = PrimaryKey(name: name, columns: parts.sorted { $0.position < $1.position }.map(\.column))
            }
        }
    }

    /// Indexes and unique constraints (the indexes SQLite creates for them).
    /// Driven from the index rows of `sqlite_schema`, so each index's SQL
    /// comes with it without a lookup by name (`sqlite_schema` has no index
    /// on `name`: a join on it would scan the catalog once per index). The
    /// primary-key index of a `WITHOUT ROWID` table has no row there and is
    /// not wanted anyway.
    private func readIndexes(
        _ connection: DatabaseConnection, into builder: inout SchemaBuilder,
        definitions: [String: SQLiteDefinition.TableFacts]
    ) throws {
        let rows = try connection.query(
            """
            SELECT s.tbl_name, s.name, il."unique", il.origin, x.seqno, x.cid, x.name, x."desc", s.sql
            FROM sqlite_schema s
            JOIN pragma_index_list(s.tbl_name) il ON il.name = s.name
            JOIN pragma_index_xinfo(s.name) x
            WHERE s.type = 'index' AND s.tbl_name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND x.key = 1
            ORDER BY s.tbl_name, s.name, x.seqno
            """)
        var groups: [(table: String, index: String, rows: [SQLRow])] = []
        for row in rows {
            if let last = groups.last, last.table == row.string(0), last.index == row.string(1) {
                groups[groups.count - 1].rows.append(row)
            } else {
                groups.append((row.string(0), row.string(1), [row]))
            }
        }
        for group in groups {
            let first = group.rows[0]
            switch first.string(3) {
            case "pk":
                continue
            case "u":
                let columns = group.rows.map { $0.string(6) }
                let name = definitions[group.table]?.constraints.first { $0.kind == .unique && $0.columns == columns }?.name
                builder.updateExisting(group.table) {
                    $0.uniqueConstraints.append(UniqueConstraint(name: name, columns: columns))
                }
            default:
                let facts = SQLiteDefinition(first.string(8)).indexFacts()
                let keys = group.rows.enumerated().map { offset, row in
                    let descending = row.bool(7)
                    // cid -2 is an expression; -1 the rowid.
                    if row.string(5) == "-2" {
                        return IndexKey.expression(offset < facts.keys.count ? facts.keys[offset] : "", descending: descending)
                    }
                    return IndexKey.column(row.text(6) ?? "rowid", descending: descending)
                }
                let index = Index(name: group.index, keys: keys, isUnique: first.bool(2), predicate: facts.predicate)
                builder.updateExisting(group.table) { $0.indexes.append(index) }
            }
        }
    }

    private func readForeignKeys(
        _ connection: DatabaseConnection, into builder: inout SchemaBuilder,
        definitions: [String: SQLiteDefinition.TableFacts]
    ) throws {
        let rows = try connection.query(
            """
            SELECT m.name, f.id, f."table", f."from", f."to", f.on_update, f.on_delete
            FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
            WHERE \(Self.tableFilter)
            ORDER BY m.name, f.id, f.seq
            """)
        var keys: [(table: String, id: String, key: ForeignKey, implicitTarget: Bool)] = []
        for row in rows {
            let table = row.string(0)
            let id = row.string(1)
            if let last = keys.last, last.table == table, last.id == id {
                keys[keys.count - 1].key.columns.append(row.string(3))
                if let to = row.text(4) { keys[keys.count - 1].key.referencedColumns.append(to) }
            } else {
                let key = ForeignKey(
                    columns: [row.string(3)], referencedTable: row.string(2), referencedColumns: row.text(4).map { [$0] } ?? [],
                    onDelete: ForeignKey.Action(sql: row.text(6)), onUpdate: ForeignKey.Action(sql: row.text(5)))
                keys.append((table, id, key, row.text(4) == nil))
            }
        }
        for var entry in keys {
            // `REFERENCES parent` without columns means the parent's primary key.
            if entry.implicitTarget {
                entry.key.referencedColumns = builder.tables[entry.key.referencedTable]?.primaryKey?.columns ?? []
            }
            entry.key.name =
                definitions[entry.table]?.constraints.first {
                    $0.kind == .foreignKey && $0.columns == entry.key.columns
                }?.name
            builder.updateExisting(entry.table) { $0.foreignKeys.append(entry.key) }
        }
    }

    /// The declared type upper-cased, with runs of spaces made one and no
    /// spaces inside the parentheses: `varchar (100)` → `VARCHAR(100)`,
    /// `numeric(10, 2)` → `NUMERIC(10,2)`.
    static func normalizedType(_ declared: String) -> String {
        var text = declared.uppercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for (from, to) in [(" (", "("), ("( ", "("), (" )", ")"), (", ", ","), (" ,", ",")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        return text
    }
}

extension SQLiteDialect {
    /// A ``SQLiteInspector``.
    public var inspector: any SchemaInspector { SQLiteInspector() }
}
