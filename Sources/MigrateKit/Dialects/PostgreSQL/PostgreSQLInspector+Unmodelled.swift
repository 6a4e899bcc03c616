/// What the catalog shows and `migrate` does not model, named so that
/// `check`, `inspect` and autogenerate can say so.
extension PostgreSQLInspector {
    /// One query: exclusion constraints, policies and foreign tables of the
    /// schemas inspected; operators, operator classes and families, casts,
    /// collations, conversions, text search configurations and
    /// dictionaries and statistics objects of every user schema; event
    /// triggers and publications; and every object of the schemas not
    /// inspected (``objectsNotCompared``). Objects an extension made are the
    /// extension's; an operator class's own family (of its name) is the
    /// class's.
    func readUnmodelled(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let ns = namespaces
        func named(_ name: String, _ namespace: String) -> String { Self.qualified(name, in: namespace) }
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
                WHERE o.oprnamespace IN \(Self.userSchemas) AND \(Self.notFromExtension("o.oid", in: "pg_operator"))
            UNION ALL SELECT 'cast', format_type(k.castsource, NULL) || ' AS ' || format_type(k.casttarget, NULL)
                FROM pg_cast k WHERE k.oid >= 16384 AND \(Self.standsAlone("k.oid", in: "pg_cast"))
            \(Self.objects("collation", of: "pg_collation", prefix: "coll"))
            \(Self.objects("text search configuration", of: "pg_ts_config", prefix: "cfg"))
            \(Self.objects("text search dictionary", of: "pg_ts_dict", prefix: "dict"))
            \(Self.objects("conversion", of: "pg_conversion", prefix: "con"))
            \(Self.objects("operator class", of: "pg_opclass", prefix: "opc"))
            \(Self.objects(
                "operator family", of: "pg_opfamily", prefix: "opf",
                where: "NOT EXISTS (SELECT 1 FROM pg_opclass oc WHERE oc.opcfamily = x.oid AND oc.opcname = x.opfname)"))
            \(Self.objects("statistics object", of: "pg_statistic_ext", prefix: "stx"))
            UNION ALL SELECT 'event trigger', evtname FROM pg_event_trigger
            UNION ALL SELECT 'publication', pubname FROM pg_publication
            """)
        for row in rows {
            builder.unmodelled.append(UnmodelledObject(kind: row.string(0), name: row.string(1)))
        }
    }

    /// A `UNION ALL` arm naming each object of `catalog` (its columns
    /// `<prefix>name` and `<prefix>namespace`) in a user schema, unless an
    /// extension made it; `condition` narrows it further.
    private static func objects(_ kind: String, of catalog: String, prefix: String, where condition: String = "TRUE") -> String {
        "UNION ALL SELECT '\(kind)', \(qualified("x.\(prefix)name", in: "x.\(prefix)namespace")) FROM \(catalog) x "
            + "WHERE x.\(prefix)namespace IN \(userSchemas) AND \(notFromExtension("x.oid", in: catalog)) AND \(condition)"
    }
}
