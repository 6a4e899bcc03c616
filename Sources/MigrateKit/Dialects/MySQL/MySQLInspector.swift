/// Reads the tables of `DATABASE()` from `information_schema` with five
/// queries, whatever the number of tables: the server version (MySQL and
/// MariaDB report defaults and checks differently), `TABLES` joined with
/// `COLUMNS`, `TABLE_CONSTRAINTS` joined with `KEY_COLUMN_USAGE` and
/// `REFERENTIAL_CONSTRAINTS`, `STATISTICS`, and `CHECK_CONSTRAINTS`.
///
/// Every unique key is reported as a ``UniqueConstraint``: the server keeps
/// no difference between `UNIQUE (a)` and `CREATE UNIQUE INDEX ... (a)`.
public struct MySQLInspector: SchemaInspector {
    public init() {}

    public func inspect(_ connection: DatabaseConnection, excluding patterns: [String]) throws -> Schema {
        let isMariaDB = try connection.scalar("SELECT VERSION()")?.string?.contains("MariaDB") ?? false
        var builder = SchemaBuilder(excluding: patterns)
        try readColumns(connection, isMariaDB: isMariaDB, into: &builder)
        try readKeys(connection, into: &builder)
        try readIndexes(connection, isMariaDB: isMariaDB, into: &builder)
        try readChecks(connection, isMariaDB: isMariaDB, into: &builder)
        return builder.schema()
    }

    private func readColumns(_ connection: DatabaseConnection, isMariaDB: Bool, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query(
            """
            SELECT t.TABLE_NAME, t.TABLE_COMMENT, t.TABLE_COLLATION, c.COLUMN_NAME, c.COLUMN_TYPE, c.DATA_TYPE,
                   c.IS_NULLABLE, c.COLUMN_DEFAULT, c.EXTRA, c.COLLATION_NAME, c.COLUMN_COMMENT
            FROM information_schema.TABLES t
            JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
            WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
            ORDER BY t.TABLE_NAME, c.ORDINAL_POSITION
            """)
        for row in rows {
            let extra = row.string(8).lowercased()
            let collation = row.text(9)
            let column = Column(
                name: row.string(3), type: Self.normalizedType(row.string(4)), isNullable: row.string(6) == "YES",
                defaultExpression: Self.normalizedDefault(
                    row.text(7), dataType: row.string(5).lowercased(), extra: extra, isMariaDB: isMariaDB),
                identity: extra.contains("auto_increment") ? .autoincrement : nil,
                collation: collation == row.text(2) ? nil : collation,
                comment: row.text(10).flatMap { $0.isEmpty ? nil : $0 })
            builder.update(row.string(0)) { table in
                table.comment = row.text(1).flatMap { $0.isEmpty ? nil : $0 }
                table.columns.append(column)
            }
        }
    }

    /// Primary keys, unique keys and foreign keys, one row per key column.
    private func readKeys(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query(
            """
            SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME,
                   k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, rc.DELETE_RULE, rc.UPDATE_RULE
            FROM information_schema.TABLE_CONSTRAINTS tc
            JOIN information_schema.KEY_COLUMN_USAGE k
              ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.TABLE_NAME = tc.TABLE_NAME
             AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
            LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS rc
              ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.TABLE_NAME = tc.TABLE_NAME
             AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
            WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
            ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION
            """)
        var previous: (table: String, name: String)?
        for row in rows {
            let table = row.string(0), name = row.string(1), column = row.string(3)
            let continues = previous.map { $0 == (table, name) } ?? false
            previous = (table, name)
            builder.updateExisting(table) { table in
                switch row.string(2) {
                case "PRIMARY KEY":
                    if continues { table.primaryKey?.columns.append(column) } else { table.primaryKey = PrimaryKey(columns: [column]) }
                case "UNIQUE":
                    if continues {
                        table.uniqueConstraints[table.uniqueConstraints.count - 1].columns.append(column)
                    } else {
                        table.uniqueConstraints.append(UniqueConstraint(name: name, columns: [column]))
                    }
                default:
                    if continues {
                        table.foreignKeys[table.foreignKeys.count - 1].columns.append(column)
                        table.foreignKeys[table.foreignKeys.count - 1].referencedColumns.append(row.string(5))
                    } else {
                        table.foreignKeys.append(
                            ForeignKey(
                                name: name, columns: [column], referencedTable: row.string(4),
                                referencedColumns: [row.string(5)], onDelete: ForeignKey.Action(sql: row.text(6)),
                                onUpdate: ForeignKey.Action(sql: row.text(7))))
                    }
                }
            }
        }
    }

    /// Non-unique indexes (unique ones are unique constraints, read above).
    /// MySQL 8 reports functional key parts in `EXPRESSION`; MariaDB has no
    /// such column.
    private func readIndexes(_ connection: DatabaseConnection, isMariaDB: Bool, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query(
            """
            SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, COLLATION, \(isMariaDB ? "NULL" : "EXPRESSION")
            FROM information_schema.STATISTICS
            WHERE TABLE_SCHEMA = DATABASE() AND NON_UNIQUE = 1
            ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
            """)
        var indexes: [(table: String, index: Index)] = []
        for row in rows {
            let descending = row.text(3) == "D"
            let key: IndexKey =
                if let expression = row.text(4) {
                    .expression(expression, descending: descending)
                } else {
                    .column(row.string(2), descending: descending)
                }
            if let last = indexes.last, last.table == row.string(0), last.index.name == row.string(1) {
                indexes[indexes.count - 1].index.keys.append(key)
            } else {
                indexes.append((row.string(0), Index(name: row.string(1), keys: [key])))
            }
        }
        for entry in indexes {
            builder.updateExisting(entry.table) { $0.indexes.append(entry.index) }
        }
    }

    /// MariaDB's `CHECK_CONSTRAINTS` names the table; MySQL's does not, and
    /// is joined with `TABLE_CONSTRAINTS` by name (unique per schema there).
    private func readChecks(_ connection: DatabaseConnection, isMariaDB: Bool, into builder: inout SchemaBuilder) throws {
        let sql =
            isMariaDB
            ? """
            SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS
            WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME
            """
            : """
            SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE
            FROM information_schema.TABLE_CONSTRAINTS tc
            JOIN information_schema.CHECK_CONSTRAINTS cc
              ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
            WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.CONSTRAINT_TYPE = 'CHECK'
            ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME
            """
        for row in try connection.query(sql) {
            builder.updateExisting(row.string(0)) {
                $0.checks.append(CheckConstraint(name: row.text(1), expression: Self.unwrapped(row.string(2))))
            }
        }
    }
}

extension MySQLDialect {
    public var inspector: any SchemaInspector { MySQLInspector() }
}
