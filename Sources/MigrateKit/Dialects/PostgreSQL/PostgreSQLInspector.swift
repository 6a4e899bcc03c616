/// Reads the tables of `current_schema()` from `pg_catalog` with three
/// queries, whatever the number of tables: columns (with `format_type`,
/// `pg_get_expr` defaults, identity, serial, collation and comments),
/// constraints (`pg_constraint`: primary, unique, foreign keys, checks) and
/// indexes (`pg_index`, without those that back a constraint).
///
/// Ordinary and partitioned tables are read; partitions are not.
public struct PostgreSQLInspector: SchemaInspector {
    public init() {}

    /// The tables inspected: ordinary and partitioned tables of the current schema.
    static let tableFilter = """
        c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) \
        AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        """

    public func inspect(_ connection: DatabaseConnection, excluding patterns: [String]) throws -> Schema {
        var builder = SchemaBuilder(excluding: patterns)
        try readColumns(connection, into: &builder)
        try readConstraints(connection, into: &builder)
        try readIndexes(connection, into: &builder)
        return builder.schema()
    }

    /// A serial column is one whose `nextval` default draws from a sequence
    /// the column owns (`pg_depend` type `a`); identity sequences are `i`.
    private func readColumns(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query(
            """
            SELECT c.relname, obj_description(c.oid, 'pg_class'), a.attname,
                   format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
                   a.attidentity,
                   CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,
                   col_description(c.oid, a.attnum),
                   EXISTS (SELECT 1 FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
                           WHERE dep.refobjid = c.oid AND dep.refobjsubid = a.attnum AND dep.deptype = 'a')
            FROM pg_class c
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
            LEFT JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            WHERE \(Self.tableFilter)
            ORDER BY c.relname, a.attnum
            """)
        for row in rows {
            builder.update(row.string(0)) { table in
                table.comment = row.text(1)
                guard let name = row.text(2) else { return }
                var column = Column(
                    name: name, type: row.string(3), isNullable: !row.bool(4), defaultExpression: row.text(5),
                    collation: row.text(7), comment: row.text(8))
                switch row.string(6) {
                case "a": column.identity = .always
                case "d": column.identity = .byDefault
                default:
                    if row.bool(9), column.defaultExpression?.hasPrefix("nextval(") == true {
                        column.identity = .serial
                        column.defaultExpression = nil
                    }
                }
                table.columns.append(column)
            }
        }
    }

    /// Column lists come as names joined by the unit separator, in key order.
    private func readConstraints(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query(
            """
            SELECT c.relname, con.conname, con.contype,
                   array_to_string(ARRAY(
                       SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord), chr(31)),
                   CASE WHEN rn.nspname = current_schema() THEN r.relname ELSE rn.nspname || '.' || r.relname END,
                   array_to_string(ARRAY(
                       SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                       JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord), chr(31)),
                   con.confdeltype, con.confupdtype,
                   CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid, true) END
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            LEFT JOIN pg_class r ON r.oid = con.confrelid
            LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
            WHERE \(Self.tableFilter) AND con.contype IN ('p', 'u', 'f', 'c')
            ORDER BY c.relname, con.conname
            """)
        for row in rows {
            let name = row.text(1)
            let columns = Self.names(row.string(3))
            builder.updateExisting(row.string(0)) { table in
                switch row.string(2) {
                case "p":
                    table.primaryKey = PrimaryKey(name: name, columns: columns)
                case "u":
                    table.uniqueConstraints.append(UniqueConstraint(name: name, columns: columns))
                case "f":
                    table.foreignKeys.append(
                        ForeignKey(
                            name: name, columns: columns, referencedTable: row.string(4),
                            referencedColumns: Self.names(row.string(5)),
                            onDelete: Self.action(row.string(6)), onUpdate: Self.action(row.string(7))))
                default:
                    table.checks.append(CheckConstraint(name: name, expression: row.string(8)))
                }
            }
        }
    }

    /// One row per index key; expression keys come from
    /// `pg_get_indexdef(index, position, true)`, descending ones have bit 0
    /// of `indoption` set. Included (`INCLUDE`) columns are not keys.
    private func readIndexes(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query(
            """
            SELECT c.relname, ic.relname, i.indisunique, pg_get_expr(i.indpred, i.indrelid, true),
                   k.num = 0,
                   CASE WHEN k.num = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true) ELSE a.attname END,
                   (i.indoption[(k.ord - 1)::int]::int & 1) = 1
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_class ic ON ic.oid = i.indexrelid
            CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)
            LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
            WHERE \(Self.tableFilter) AND k.ord <= i.indnkeyatts
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid
                              AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
            ORDER BY c.relname, ic.relname, k.ord
            """)
        var indexes: [(table: String, index: Index)] = []
        for row in rows {
            let key = IndexKey(text: row.string(5), isExpression: row.bool(4), isDescending: row.bool(6))
            if let last = indexes.last, last.table == row.string(0), last.index.name == row.string(1) {
                indexes[indexes.count - 1].index.keys.append(key)
            } else {
                indexes.append(
                    (row.string(0), Index(name: row.string(1), keys: [key], isUnique: row.bool(2), predicate: row.text(3))))
            }
        }
        for entry in indexes {
            builder.updateExisting(entry.table) { $0.indexes.append(entry.index) }
        }
    }

    /// `confdeltype`/`confupdtype` letters.
    static func action(_ code: String) -> ForeignKey.Action {
        switch code {
        case "r": .restrict
        case "c": .cascade
        case "n": .setNull
        case "d": .setDefault
        default: .noAction
        }
    }

    static func names(_ cell: String) -> [String] {
        cell.isEmpty ? [] : cell.split(separator: catalogListSeparator, omittingEmptySubsequences: false).map(String.init)
    }
}

extension PostgreSQLDialect {
    public var inspector: any SchemaInspector { PostgreSQLInspector() }
}
