/// What lives in the user's schemas that are neither the current one nor
/// included (`include_schemas`): never compared, so each object is named
/// `schema.name` with its kind in the `not compared` warning, as
/// ``readUnmodelled(_:into:)`` reads it in its one query.
extension PostgreSQLInspector {
    /// The oids of the user's schemas: all but `pg_catalog`,
    /// `information_schema` and the toast and temporary ones.
    static let userSchemas =
        "(SELECT oid FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
        + "AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%')"

    /// The oids of the user's schemas that are not inspected.
    var schemasNotCompared: String {
        "(SELECT oid FROM pg_namespace WHERE oid IN \(Self.userSchemas) AND oid NOT IN \(namespaces))"
    }

    /// `true` unless the object is the extension's (`pg_depend` type `e`)
    /// or part of another object (`i`: an array type, a table's row type,
    /// a multirange type, a range type's constructor functions and its
    /// cast to its multirange).
    static func standsAlone(_ oid: String, in catalog: String) -> String {
        noDependency(of: oid, in: catalog, types: "'e', 'i'")
    }

    /// `UNION ALL` arms (kind, `schema.name`) for the relations, types and
    /// routines of ``schemasNotCompared``: tables, views, materialized views,
    /// foreign tables and sequences that no column owns (a serial or
    /// identity sequence is its table's); enum, composite, range and base
    /// types and domains (not array types or row types); functions,
    /// procedures, aggregates and window functions with their argument
    /// types. Indexes, constraints, triggers and rules belong to their table.
    var objectsNotCompared: String {
        let other = schemasNotCompared
        func named(_ name: String, _ namespace: String) -> String {
            "(SELECT nspname FROM pg_namespace WHERE oid = \(namespace)) || '.' || \(name)"
        }
        return """
            UNION ALL SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                    WHEN 'f' THEN 'foreign table' WHEN 'S' THEN 'sequence' ELSE 'table' END,
                \(named("c.relname", "c.relnamespace")) FROM pg_class c
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relnamespace IN \(other)
                AND \(Self.notFromExtension("c.oid", in: "pg_class"))
                AND NOT EXISTS (SELECT 1 FROM pg_depend o WHERE o.classid = 'pg_class'::regclass AND o.objid = c.oid
                    AND o.refclassid = 'pg_class'::regclass AND o.refobjsubid > 0 AND o.deptype IN ('a', 'i'))
            UNION ALL SELECT CASE t.typtype WHEN 'e' THEN 'enum type' WHEN 'c' THEN 'composite type'
                    WHEN 'r' THEN 'range type' WHEN 'd' THEN 'domain' ELSE 'type' END,
                \(named("t.typname", "t.typnamespace")) FROM pg_type t LEFT JOIN pg_class r ON r.oid = t.typrelid
                WHERE t.typnamespace IN \(other) AND t.typtype IN ('b', 'c', 'd', 'e', 'p', 'r')
                AND (t.typtype <> 'c' OR r.relkind = 'c') AND \(Self.standsAlone("t.oid", in: "pg_type"))
            UNION ALL SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate'
                    WHEN 'w' THEN 'window function' ELSE 'function' END,
                \(named("p.proname", "p.pronamespace")) || '(' || oidvectortypes(p.proargtypes) || ')' FROM pg_proc p
                WHERE p.pronamespace IN \(other) AND \(Self.standsAlone("p.oid", in: "pg_proc"))
            """
    }
}
