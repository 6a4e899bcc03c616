/// What the catalog shows and `migrate` does not model, named so that
/// `check`, `inspect` and autogenerate can say so.
extension PostgreSQLInspector {
    /// One query: exclusion constraints, policies, foreign tables, tables
    /// and views in schemas not inspected, operators, casts, collations, text
    /// search configurations, statistics objects, event triggers and
    /// publications. Objects an extension made are the extension's.
    func readUnmodelled(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let ns = namespaces
        func named(_ name: String, _ namespace: String) -> String { Self.qualified(name, in: namespace) }
        let user =
            "NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%' "
            + "AND n.nspname NOT LIKE 'pg_toast_temp%'"
        let rows = try connection.query(
            """
            SELECT 'exclusion constraint', k.conname || ' on ' || \(named("c.relname", "c.relnamespace")) FROM pg_constraint k
                JOIN pg_class c ON c.oid = k.conrelid WHERE k.contype = 'x' AND c.relnamespace IN \(ns)
                AND k.conparentid = 0
            UNION ALL SELECT 'policy', p.polname || ' on ' || \(named("c.relname", "c.relnamespace")) FROM pg_policy p
                JOIN pg_class c ON c.oid = p.polrelid WHERE c.relnamespace IN \(ns)
            UNION ALL SELECT 'foreign table', \(named("c.relname", "c.relnamespace")) FROM pg_class c
                WHERE c.relkind = 'f' AND c.relnamespace IN \(ns)
            UNION ALL SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'table' END,
                n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relnamespace NOT IN \(ns) AND n.nspname \(user)
                AND \(Self.notFromExtension("c.oid", in: "pg_class"))
            UNION ALL SELECT 'operator', \(named("o.oprname", "o.oprnamespace")) || '(' || format_type(o.oprleft, NULL) || ', '
                || format_type(o.oprright, NULL) || ')' FROM pg_operator o
                WHERE o.oprnamespace IN \(ns) AND \(Self.notFromExtension("o.oid", in: "pg_operator"))
            UNION ALL SELECT 'cast', format_type(k.castsource, NULL) || ' AS ' || format_type(k.casttarget, NULL)
                FROM pg_cast k WHERE k.oid >= 16384 AND \(Self.notFromExtension("k.oid", in: "pg_cast"))
            UNION ALL SELECT 'collation', \(named("co.collname", "co.collnamespace")) FROM pg_collation co
                WHERE co.collnamespace IN \(ns) AND \(Self.notFromExtension("co.oid", in: "pg_collation"))
            UNION ALL SELECT 'text search configuration', \(named("t.cfgname", "t.cfgnamespace")) FROM pg_ts_config t
                WHERE t.cfgnamespace IN \(ns) AND \(Self.notFromExtension("t.oid", in: "pg_ts_config"))
            UNION ALL SELECT 'statistics object', \(named("s.stxname", "s.stxnamespace")) FROM pg_statistic_ext s
                WHERE s.stxnamespace IN \(ns)
            UNION ALL SELECT 'event trigger', evtname FROM pg_event_trigger
            UNION ALL SELECT 'publication', pubname FROM pg_publication
            """)
        for row in rows {
            builder.unmodelled.append(UnmodelledObject(kind: row.string(0), name: row.string(1)))
        }
    }
}
