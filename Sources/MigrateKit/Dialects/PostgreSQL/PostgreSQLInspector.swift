/// Reads the schema `current_schema()` from `pg_catalog` with a fixed
/// number of queries, whatever the number of tables and objects: columns
/// (with `format_type`, `pg_get_expr` defaults, identity, serial, generated
/// expressions, collation, comments, and the table's partitioning and
/// inheritance), constraints (`pg_constraint`), indexes (`pg_index`, without
/// those that back a constraint), then the other objects (types, domains,
/// sequences, extensions, routines, views, triggers, rules) and what is not
/// modelled.
///
/// Partitions and inheritance children are tables of their own that list
/// only what is theirs: their inherited columns, constraints, indexes and
/// triggers belong to the parent.
public struct PostgreSQLInspector: SchemaInspector {
    /// Schemas read besides the current one (`include_schemas`); what is in
    /// them is named `schema.name`.
    public var includedSchemas: [String]

    /// An inspector of the current schema and of `includedSchemas`.
    public init(includingSchemas includedSchemas: [String] = []) {
        self.includedSchemas = includedSchemas
    }

    /// `true` unless an extension created the object (`pg_depend` type
    /// `e`): the extension stands for it. `catalog` keeps the look-up on
    /// `pg_depend`'s index.
    static func notFromExtension(_ oid: String, in catalog: String) -> String {
        noDependency(of: oid, in: catalog, types: "'e'")
    }

    /// `true` unless `pg_depend` records a dependency of one of `types`
    /// (quoted, comma-separated) of the object on another.
    static func noDependency(of oid: String, in catalog: String, types: String) -> String {
        "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '\(catalog)'::regclass AND e.objid = \(oid) "
            + "AND e.deptype IN (\(types)))"
    }

    /// Reads the tables and objects of `current_schema()` and of
    /// ``includedSchemas``, leaving out tables whose names match `patterns`.
    /// - Throws: ``DatabaseError`` when a catalog query fails.
    public func inspect(_ connection: DatabaseConnection, excluding patterns: [String]) throws -> Schema {
        var builder = SchemaBuilder(excluding: patterns)
        try readSchemas(connection, into: &builder)
        try readColumns(connection, into: &builder)
        try readConstraints(connection, into: &builder)
        try readIndexes(connection, into: &builder)
        try readTypes(connection, into: &builder)
        try readSequences(connection, into: &builder)
        try readExtensions(connection, into: &builder)
        try readRoutines(connection, into: &builder)
        try readViews(connection, into: &builder)
        try readTriggersAndRules(connection, into: &builder)
        try readUnmodelled(connection, into: &builder)
        return builder.schema()
    }

    /// A serial column's sequence exactly as `serial` makes it: owned by the
    /// column, named `<table>_<column>_seq`, of the column's type, from 1 by
    /// 1 up to the type's maximum, cache 1, no cycle. Any other sequence is
    /// an object of its own (`s`: the sequence, `q`: its `pg_sequence` row,
    /// `c`/`a`: the owning table and column).
    static let isSerialSequence = """
        s.relname = c.relname || '_' || a.attname || '_seq' AND q.seqtypid = a.atttypid \
        AND q.seqstart = 1 AND q.seqincrement = 1 AND q.seqmin = 1 AND q.seqcache = 1 AND NOT q.seqcycle \
        AND q.seqmax = CASE a.atttypid WHEN 'int2'::regtype THEN 32767 WHEN 'int4'::regtype THEN 2147483647 \
        ELSE 9223372036854775807 END
        """

    /// A serial column is one whose `nextval` default draws from a sequence
    /// the column owns (`pg_depend` type `a`) made as `serial` makes it;
    /// identity sequences are `i`. Columns a partition or inheritance child
    /// inherits (`attinhcount > 0`) belong to its parent and are left out.
    private func readColumns(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query(
            """
            SELECT \(Self.qualified("c.relname", in: "c.relnamespace")), td.description, a.attname,
                   format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
                   a.attidentity,
                   CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,
                   cd.description,
                   EXISTS (SELECT 1 FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
                           JOIN pg_sequence q ON q.seqrelid = s.oid
                           WHERE dep.refclassid = 'pg_class'::regclass AND dep.refobjid = c.oid
                             AND dep.refobjsubid = a.attnum AND dep.deptype = 'a'
                             AND \(Self.isSerialSequence)),
                   a.attgenerated,
                   CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
                   CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
                   array_to_string(ARRAY(SELECT \(Self.qualified("p.relname", in: "p.relnamespace")) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
                                         WHERE i.inhrelid = c.oid ORDER BY i.inhseqno), chr(31)),
                   c.relispartition
            FROM pg_class c
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attinhcount = 0
            LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
            LEFT JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            LEFT JOIN pg_description td ON td.objoid = c.oid AND td.classoid = 'pg_class'::regclass AND td.objsubid = 0
            LEFT JOIN pg_description cd ON cd.objoid = c.oid AND cd.classoid = 'pg_class'::regclass
                 AND cd.objsubid = a.attnum
            WHERE \(tableFilter)
            ORDER BY 1, a.attnum
            """)
        for row in rows {
            builder.update(row.string(0)) { table in
                table.comment = row.text(1)
                Self.readOptions(row, partitionKey: 11, into: &table)
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
                if row.string(10) == "s", let expression = column.defaultExpression {
                    column.generated = Column.Generated(expression: expression, isStored: true)
                    column.defaultExpression = nil
                }
                table.columns.append(column)
            }
        }
    }

    /// `partition by` (the key of a partitioned table), `partition of` and
    /// `partition bound` (a partition), `inherits` (an inheritance child's
    /// parents); the parents also go to ``Table/parentTables``.
    private static func readOptions(_ row: [SQLValue], partitionKey: Int, into table: inout Table) {
        let parents = names(row.string(partitionKey + 2))
        table.parentTables = parents
        table.options = [:]
        if let key = row.text(partitionKey) { table.options["partition by"] = key }
        if row.bool(partitionKey + 3), let parent = parents.first {
            table.options["partition of"] = parent
            table.options["partition bound"] = row.string(partitionKey + 1)
        } else if !parents.isEmpty {
            table.options["inherits"] = parents.joined(separator: ", ")
        }
    }

    /// Column lists come as names joined by the unit separator, in key order.
    private func readConstraints(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query(
            """
            SELECT \(Self.qualified("c.relname", in: "c.relnamespace")), con.conname, con.contype,
                   array_to_string(ARRAY(
                       SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord), chr(31)),
                   CASE WHEN rn.nspname = current_schema() THEN r.relname ELSE rn.nspname || '.' || r.relname END,
                   array_to_string(ARRAY(
                       SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                       JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord), chr(31)),
                   con.confdeltype, con.confupdtype,
                   CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid, true) END,
                   con.convalidated
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            LEFT JOIN pg_class r ON r.oid = con.confrelid
            LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
            WHERE \(tableFilter) AND con.contype IN ('p', 'u', 'f', 'c') AND con.conparentid = 0 AND con.conislocal
            ORDER BY 1, con.conname
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
                            onDelete: Self.action(row.string(6)), onUpdate: Self.action(row.string(7)),
                            isValidated: row.bool(9)))
                default:
                    table.checks.append(CheckConstraint(name: name, expression: row.string(8), isValidated: row.bool(9)))
                }
            }
        }
    }

    /// One row per index key; expression keys come from
    /// `pg_get_indexdef(index, position, true)`, descending ones have bit 0
    /// of `indoption` set. Included (`INCLUDE`) columns are not keys but
    /// come with each row. The access method is named unless it is btree,
    /// an operator class unless it is its type's default. Indexes of
    /// partitions attached to an index of the parent belong to the parent.
    private func readIndexes(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query(
            """
            SELECT \(Self.qualified("c.relname", in: "c.relnamespace")), ic.relname, i.indisunique, pg_get_expr(i.indpred, i.indrelid, true),
                   k.num = 0,
                   CASE WHEN k.num = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true) ELSE a.attname END,
                   (i.indoption[(k.ord - 1)::int]::int & 1) = 1,
                   NULLIF(am.amname, 'btree'),
                   CASE WHEN NOT opc.opcdefault THEN opc.opcname END,
                   array_to_string(ARRAY(
                       SELECT ia.attname FROM unnest(i.indkey::int2[]) WITH ORDINALITY n(num, ord)
                       JOIN pg_attribute ia ON ia.attrelid = i.indrelid AND ia.attnum = n.num
                       WHERE n.ord > i.indnkeyatts ORDER BY n.ord), chr(31)),
                   COALESCE((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false)
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_am am ON am.oid = ic.relam
            CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)
            LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
            LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[(k.ord - 1)::int]
            WHERE \(tableFilter) AND k.ord <= i.indnkeyatts AND NOT ic.relispartition
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid
                              AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
            ORDER BY 1, ic.relname, k.ord
            """)
        var indexes: [(table: String, index: Index)] = []
        for row in rows {
            let key = IndexKey(
                text: row.string(5), isExpression: row.bool(4), isDescending: row.bool(6), operatorClass: row.text(8))
            if let last = indexes.last, last.table == row.string(0), last.index.name == row.string(1) {
                indexes[indexes.count - 1].index.keys.append(key)
            } else {
                let index = Index(
                    name: row.string(1), keys: [key], isUnique: row.bool(2), predicate: row.text(3), method: row.text(7),
                    includedColumns: Self.names(row.string(9)), nullsNotDistinct: row.bool(10))
                indexes.append((row.string(0), index))
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
    /// A ``PostgreSQLInspector``.
    public var inspector: any SchemaInspector { PostgreSQLInspector() }

    /// Reads the schemas of `include_schemas` too, naming what is in them `schema.name`.
    public func inspector(includingSchemas schemas: [String]) -> (any SchemaInspector)? {
        PostgreSQLInspector(includingSchemas: schemas)
    }
}
