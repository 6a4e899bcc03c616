/// Views, triggers and virtual tables: one query on `sqlite_schema`,
/// whatever their number.
extension SQLiteInspector {
    /// Views and triggers become ``SchemaObject``s compared by their
    /// `sqlite_schema.sql` text (see ``normalizedDefinition(_:)``) and
    /// re-created from it as it is; virtual tables (FTS, R*Tree...) are
    /// named as not modelled. Run after the tables are read: an object's
    /// dependencies are the tables and views its text names.
    func readObjects(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query(
            """
            SELECT m.type, m.name, m.tbl_name, m.sql FROM sqlite_schema m
            WHERE m.type IN ('view', 'trigger') OR (m.type = 'table' AND m.sql LIKE 'CREATE VIRTUAL TABLE%')
            ORDER BY m.type, m.name
            """)
        let views = rows.filter { $0.string(0) == "view" }.map { $0.string(1) }
        var known: [String: String] = [:]
        for name in Array(builder.tables.keys) + views { known[name.lowercased()] = name }
        let support = RenderingSupport(dialect: SQLiteDialect(), foldsToLowerCase: false)
        for row in rows {
            let type = row.string(0)
            let name = row.string(1)
            let table = row.string(2)
            let sql = row.string(3)
            switch type {
            case "view", "trigger":
                let isView = type == "view"
                var read = SQLiteDefinition.identifiers(in: sql).compactMap { known[$0] }.filter { $0 != name }
                if !isView, !read.contains(table) { read.append(table) }
                builder.add(
                    SchemaObject(
                        kind: isView ? .view : .trigger, name: name, table: isView ? nil : table,
                        definition: Self.normalizedDefinition(sql), createStatements: [sql],
                        dropStatements: ["DROP \(type.uppercased()) \(support.name(name))"],
                        dependencies: read.sorted()))
            default:
                builder.unmodelled.append(UnmodelledObject(kind: "virtual table", name: name))
            }
        }
    }

    /// The statement as compared: comments left out, runs of white space
    /// made one space, and bare words (keywords, unquoted names, which
    /// SQLite reads without regard to case) upper-cased; quoted names and
    /// string literals stay as written. SQLite already removes
    /// `IF NOT EXISTS` and `TEMP` from the text it keeps.
    static func normalizedDefinition(_ sql: String) -> String {
        SQLiteDefinition.tokenize(sql).map { $0.isWord ? $0.text.uppercased() : $0.text }.joined(separator: " ")
    }
}
