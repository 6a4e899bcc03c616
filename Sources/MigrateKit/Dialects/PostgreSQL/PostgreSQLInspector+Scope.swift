/// Which schemas the inspector reads and how it names what is in them: the
/// current schema (`current_schema()`, usually `public`) with bare names,
/// and the schemas `include_schemas` adds with qualified ones
/// (`billing.invoices`), so that both sides of a comparison agree whatever
/// their `search_path`.
extension PostgreSQLInspector {
    /// The current schema's oid.
    static let namespace = "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())"

    /// The oids of the schemas inspected: the current one and the included ones.
    var namespaces: String {
        let names = ["current_schema()"] + includedSchemas.map(PostgreSQLDialect().literal)
        return "(SELECT oid FROM pg_namespace WHERE nspname IN (\(names.joined(separator: ", "))))"
    }

    /// The tables inspected: ordinary and partitioned tables of the schemas inspected.
    var tableFilter: String { "c.relnamespace IN \(namespaces) AND c.relkind IN ('r', 'p')" }

    /// SQL for the model's name of an object called `name` in the schema
    /// with oid `namespace`: bare in the current schema, else
    /// `schema.name`. `NULL` when `name` is.
    static func qualified(_ name: String, in namespace: String) -> String {
        "(CASE WHEN \(namespace) = \(Self.namespace) THEN \(name) "
            + "ELSE (SELECT nspname FROM pg_namespace WHERE oid = \(namespace)) || '.' || \(name) END)"
    }

    /// A model name as SQL: each part bare when it can be, else quoted (`billing."Invoice"`).
    static func quotedQualified(_ name: String) -> String {
        RenderingSupport(dialect: PostgreSQLDialect(), foldsToLowerCase: true).tableName(name)
    }

    /// The included schemas that exist, as objects of their own: created
    /// before anything in them, dropped after. Their owner and privileges
    /// are not compared.
    func readSchemas(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        guard !includedSchemas.isEmpty else { return }
        let names = includedSchemas.map(PostgreSQLDialect().literal).joined(separator: ", ")
        let rows = try connection.query(
            "SELECT nspname FROM pg_namespace WHERE nspname IN (\(names)) AND nspname <> current_schema() ORDER BY 1")
        for row in rows {
            let name = Self.quoted(row.string(0))
            builder.add(
                SchemaObject(
                    kind: .schema, name: row.string(0), definition: "CREATE SCHEMA \(name)",
                    createStatements: ["CREATE SCHEMA \(name)"], dropStatements: ["DROP SCHEMA \(name)"]))
        }
    }
}
