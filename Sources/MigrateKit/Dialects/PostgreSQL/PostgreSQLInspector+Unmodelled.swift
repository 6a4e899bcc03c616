/// What the catalog shows and `migrate` does not model, named so that
/// `check`, `inspect` and autogenerate can say so.
extension PostgreSQLInspector {
    /// One query: exclusion constraints, policies and foreign tables of the
    /// schemas inspected; operators, operator classes and families, casts,
    /// collations, conversions, text search configurations and
    /// dictionaries and statistics objects of every user schema; event
    /// triggers and publications; and every object of the schemas not
    /// inspected (``objectsNotCompared``). Objects an extension made are the
    /// extension's.
    func readUnmodelled(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let ns = namespaces
        func named(_ name: String, _ namespace: String) -> String { Self.qualified(name, in: namespace) }
        let user = Self.userSchemas
        let rows = try connection.query(
            """
            SELECT 'exclusion constraint', k.conname || ' on ' || \(named("c.relname", "c.relnamespace")) FROM pg_constraint k
                JOIN pg_class c ON c.oid = k.conrelid WHERE k.contype = 'x' AND c.relnamespace IN \(ns)
                AND k.conparentid = 0
            UNION ALL SELECT 'policy', p.polname || ' on ' || \(named("c.relname", "c.relnamespace")) FROM pg_policy p
                JOIN pg_class c ON c.oid = p.polrelid WHERE c.relnamespace IN \(ns)
            UNION ALL SELECT 'foreign table', \(named("c.relname", "c.relnamespace")) FROM pg_class c
                WHERE c.relkind = 'f' AND c.relnamespace IN \(ns)
            \(objectsNotCompared)
            UNION ALL SELECT 'operator', \(named("o.oprname", "o.oprnamespace")) || '(' || format_type(o.oprleft, NULL) || ', '
                || format_type(o.oprright, NULL) || ')' FROM pg_operator o
                WHERE o.oprnamespace IN \(user) AND \(Self.notFromExtension("o.oid", in: "pg_operator"))
            UNION ALL SELECT 'cast', format_type(k.castsource, NULL) || ' AS ' || format_type(k.casttarget, NULL)
                FROM pg_cast k WHERE k.oid >= 16384 AND \(Self.standsAlone("k.oid", in: "pg_cast"))
            UNION ALL SELECT 'collation', \(named("co.collname", "co.collnamespace")) FROM pg_collation co
                WHERE co.collnamespace IN \(user) AND \(Self.notFromExtension("co.oid", in: "pg_collation"))
            UNION ALL SELECT 'text search configuration', \(named("t.cfgname", "t.cfgnamespace")) FROM pg_ts_config t
                WHERE t.cfgnamespace IN \(user) AND \(Self.notFromExtension("t.oid", in: "pg_ts_config"))
            UNION ALL SELECT 'text search dictionary', \(named("d.dictname", "d.dictnamespace")) FROM pg_ts_dict d
                WHERE d.dictnamespace IN \(user) AND \(Self.notFromExtension("d.oid", in: "pg_ts_dict"))
            UNION ALL SELECT 'conversion', \(named("v.conname", "v.connamespace")) FROM pg_conversion v
                WHERE v.connamespace IN \(user) AND \(Self.notFromExtension("v.oid", in: "pg_conversion"))
            UNION ALL SELECT 'operator class', \(named("oc.opcname", "oc.opcnamespace")) FROM pg_opclass oc
                WHERE oc.opcnamespace IN \(user) AND \(Self.notFromExtension("oc.oid", in: "pg_opclass"))
            UNION ALL SELECT 'operator family', \(named("f.opfname", "f.opfnamespace")) FROM pg_opfamily f
                WHERE f.opfnamespace IN \(user) AND \(Self.notFromExtension("f.oid", in: "pg_opfamily"))
                AND NOT EXISTS (SELECT 1 FROM pg_opclass oc WHERE oc.opcfamily = f.oid AND oc.opcname = f.opfname)
            UNION ALL SELECT 'statistics object', \(named("s.stxname", "s.stxnamespace")) FROM pg_statistic_ext s
                WHERE s.stxnamespace IN \(user)
            UNION ALL SELECT 'event trigger', evtname FROM pg_event_trigger
            UNION ALL SELECT 'publication', pubname FROM pg_publication
            """)
        for row in rows {
            builder.unmodelled.append(UnmodelledObject(kind: row.string(0), name: row.string(1)))
        }
    }
}
