/// Reads the tables and objects of `DATABASE()` from `information_schema`
/// with twelve queries (thirteen on MySQL), whatever the number of tables:
/// the server version and defaults (MySQL and MariaDB report defaults and
/// checks differently), `TABLES`, `COLUMNS`, `REFERENTIAL_CONSTRAINTS`,
/// `KEY_COLUMN_USAGE`, `STATISTICS`, `CHECK_CONSTRAINTS` (with
/// `TABLE_CONSTRAINTS` on MySQL), `VIEWS`, `TRIGGERS`, `ROUTINES`,
/// `PARAMETERS` and `EVENTS`. Each is read on its own and joined in memory:
/// joins between `information_schema` tables have no index to use and cost
/// seconds.
///
/// Every unique key is reported as a ``UniqueConstraint``: the server keeps
/// no difference between `UNIQUE (a)` and `CREATE UNIQUE INDEX ... (a)`.
///
/// Table options (`engine`, `charset`, `collate`) are reported for every
/// table; the scratch database the declared schema is read in takes the
/// live database's defaults, so that a table that names none reads alike on
/// both sides.
public struct MySQLInspector: SchemaInspector {
    /// An inspector; it keeps no state between inspections.
    public init() {}

    /// Reads the tables, views, triggers, routines and events of `DATABASE()`,
    /// leaving out tables whose names match `patterns`.
    /// - Throws: ``DatabaseError`` when a catalog query fails.
    public func inspect(_ connection: DatabaseConnection, excluding patterns: [String]) throws -> Schema {
        let server = try ServerFacts(connection)
        let isMariaDB = server.isMariaDB
        var builder = SchemaBuilder(excluding: patterns)
        try readColumns(connection, server: server, into: &builder)
        try readKeys(connection, into: &builder)
        try readIndexes(connection, isMariaDB: isMariaDB, into: &builder)
        try readChecks(connection, isMariaDB: isMariaDB, into: &builder)
        try readObjects(connection, server: server, into: &builder)
        return builder.schema()
    }

    /// `TABLES` and `COLUMNS` are read apart and joined here: MariaDB joins
    /// two `information_schema` tables without an index, which costs about
    /// 0.7 s on 1,000 tables where the two plain reads take 40 ms.
    ///
    /// Views are left to ``readObjects``; MariaDB sequences and system-versioned
    /// tables, and partitioning, are named as not modelled.
    private func readColumns(_ connection: DatabaseConnection, server: ServerFacts, into builder: inout SchemaBuilder) throws {
        let isMariaDB = server.isMariaDB
        var tableCollations: [String: String] = [:]
        for row in try connection.query(
            """
            SELECT TABLE_NAME, TABLE_COMMENT, TABLE_COLLATION, TABLE_TYPE, ENGINE, CREATE_OPTIONS
            FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()
            """)
        {
            let name = row.string(0)
            let type = row.string(3)
            if type == "VIEW" { continue }
            guard type == "BASE TABLE" else {
                builder.unmodelled.append(UnmodelledObject(kind: type.lowercased(), name: name))
                continue
            }
            if row.string(5).lowercased().contains("partitioned") {
                builder.unmodelled.append(UnmodelledObject(kind: "partitioning of table", name: name))
            }
            tableCollations[name] = row.string(2)
            builder.update(name) {
                $0.comment = row.text(1).flatMap { $0.isEmpty ? nil : $0 }
                $0.options = server.options(engine: row.text(4), collation: row.text(2))
            }
        }
        let rows = try connection.query(
            """
            SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, DATA_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,
                   COLLATION_NAME, COLUMN_COMMENT, GENERATION_EXPRESSION
            FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = DATABASE()
            ORDER BY TABLE_NAME, ORDINAL_POSITION
            """)
        for row in rows {
            let tableName = row.string(0)
            guard let tableCollation = tableCollations[tableName] else { continue }  // a view
            let extra = row.string(6).lowercased()
            let collation = row.text(7)
            let generated = Self.generated(extra: extra, expression: row.text(9))
            let column = Column(
                name: row.string(1), type: Self.normalizedType(row.string(2)), isNullable: row.string(4) == "YES",
                defaultExpression: generated != nil
                    ? nil
                    : Self.normalizedDefault(
                        row.text(5), dataType: row.string(3).lowercased(), extra: extra, isMariaDB: isMariaDB),
                identity: extra.contains("auto_increment") ? .autoincrement : nil,
                collation: collation == tableCollation ? nil : collation,
                comment: row.text(8).flatMap { $0.isEmpty ? nil : $0 }, generated: generated,
                onUpdate: Self.onUpdate(extra: extra))
            builder.updateExisting(tableName) { $0.columns.append(column) }
        }
    }

    /// Primary keys, unique keys and foreign keys from `KEY_COLUMN_USAGE`
    /// (which lists only those three: the primary key is named `PRIMARY`,
    /// a foreign key has a referenced table), with the foreign keys' rules
    /// from `REFERENTIAL_CONSTRAINTS`, read apart for the reason above.
    private func readKeys(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        var rules: [String: (delete: String?, update: String?)] = [:]
        for row in try connection.query(
            """
            SELECT TABLE_NAME, CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE
            FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()
            """)
        {
            rules[row.string(0) + "\u{1F}" + row.string(1)] = (row.text(2), row.text(3))
        }
        let rows = try connection.query(
            """
            SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME
            FROM information_schema.KEY_COLUMN_USAGE
            WHERE TABLE_SCHEMA = DATABASE()
            ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION
            """)
        var previous: (table: String, name: String)?
        for row in rows {
            let table = row.string(0)
            let name = row.string(1)
            let column = row.string(2)
            let continues = previous.map { $0 == (table, name) } ?? false
            previous = (table, name)
            builder.updateExisting(table) { table in
                if name == "PRIMARY" {
                    if continues { table.primaryKey?.columns.append(column) } else { table.primaryKey = PrimaryKey(columns: [column]) }
                } else if let referenced = row.text(3) {
                    if continues {
                        table.foreignKeys[table.foreignKeys.count - 1].columns.append(column)
                        table.foreignKeys[table.foreignKeys.count - 1].referencedColumns.append(row.string(4))
                    } else {
                        let rule = rules[table.name + "\u{1F}" + name]
                        table.foreignKeys.append(
                            ForeignKey(
                                name: name, columns: [column], referencedTable: referenced,
                                referencedColumns: [row.string(4)], onDelete: Self.action(rule?.delete),
                                onUpdate: Self.action(rule?.update)))
                    }
                } else if continues {
                    table.uniqueConstraints[table.uniqueConstraints.count - 1].columns.append(column)
                } else {
                    table.uniqueConstraints.append(UniqueConstraint(name: name, columns: [column]))
                }
            }
        }
    }

    /// Non-unique indexes (unique ones are unique constraints, read above),
    /// with their `FULLTEXT` or `SPATIAL` type and key prefix lengths. A
    /// unique key with a prefix length (`UNIQUE KEY (email(20))`) becomes a
    /// unique index instead of a unique constraint, which has no place for
    /// the prefix. MySQL 8 reports functional key parts in `EXPRESSION`;
    /// MariaDB has no such column.
    private func readIndexes(_ connection: DatabaseConnection, isMariaDB: Bool, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query(
            """
            SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, COLLATION, \(isMariaDB ? "NULL" : "EXPRESSION"), SUB_PART,
                   INDEX_TYPE, NON_UNIQUE
            FROM information_schema.STATISTICS
            WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME <> 'PRIMARY'
            ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
            """)
        var indexes: [(table: String, index: Index)] = []
        for row in rows {
            let descending = row.text(3) == "D"
            var key: IndexKey =
                if let expression = row.text(4) {
                    .expression(expression, descending: descending)
                } else {
                    .column(row.string(2), descending: descending)
                }
            // SPATIAL keys report a SUB_PART of their own (32) that cannot be written.
            if !Self.modelledMethods.contains(row.string(6).uppercased()) { key.prefixLength = row.text(5).flatMap { Int($0) } }
            if let last = indexes.last, last.table == row.string(0), last.index.name == row.string(1) {
                indexes[indexes.count - 1].index.keys.append(key)
            } else {
                let method = row.string(6).uppercased()
                indexes.append(
                    (
                        row.string(0),
                        Index(
                            name: row.string(1), keys: [key], isUnique: row.string(7) == "0",
                            method: Self.modelledMethods.contains(method) ? method : nil)
                    ))
            }
        }
        for entry in indexes {
            if entry.index.isUnique {
                guard entry.index.keys.contains(where: { $0.prefixLength != nil }) else { continue }
                builder.updateExisting(entry.table) { table in
                    table.uniqueConstraints.removeAll { $0.name == entry.index.name }
                    table.indexes.append(entry.index)
                }
            } else {
                builder.updateExisting(entry.table) { $0.indexes.append(entry.index) }
            }
        }
    }

    /// MariaDB's `CHECK_CONSTRAINTS` names the table. MySQL's does not: the
    /// table comes from `TABLE_CONSTRAINTS` by constraint name (unique per
    /// schema there), read apart and matched here.
    private func readChecks(_ connection: DatabaseConnection, isMariaDB: Bool, into builder: inout SchemaBuilder) throws {
        var tables: [String: String] = [:]
        if !isMariaDB {
            for row in try connection.query(
                """
                SELECT CONSTRAINT_NAME, TABLE_NAME FROM information_schema.TABLE_CONSTRAINTS
                WHERE TABLE_SCHEMA = DATABASE() AND CONSTRAINT_TYPE = 'CHECK'
                """)
            {
                tables[row.string(0)] = row.string(1)
            }
        }
        let rows = try connection.query(
            """
            SELECT CONSTRAINT_NAME, CHECK_CLAUSE, \(isMariaDB ? "TABLE_NAME" : "NULL")
            FROM information_schema.CHECK_CONSTRAINTS
            WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY CONSTRAINT_NAME
            """)
        for row in rows {
            guard let table = row.text(2) ?? tables[row.string(0)] else { continue }
            builder.updateExisting(table) {
                $0.checks.append(CheckConstraint(name: row.text(0), expression: Self.unwrapped(row.string(1))))
            }
        }
    }
}

extension MySQLDialect {
    /// A ``MySQLInspector``.
    public var inspector: any SchemaInspector { MySQLInspector() }
}
