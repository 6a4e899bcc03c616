import Foundation

/// Views, materialized views (with their indexes and whether they are
/// populated), triggers and rules,
/// compared by the server's own rendering (`pg_get_viewdef`,
/// `pg_get_triggerdef`, `pg_get_ruledef`), with the tables, views and
/// functions they read from `pg_depend`.
extension PostgreSQLInspector {
    func readViews(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query(
            """
            SELECT \(Self.qualified("c.relname", in: "c.relnamespace")), c.relkind, pg_get_viewdef(c.oid, true), array_to_string(c.reloptions, ', '),
                   array_to_string(ARRAY(SELECT pg_get_indexdef(i.indexrelid, 0, true) FROM pg_index i
                                         JOIN pg_class ic ON ic.oid = i.indexrelid
                                         WHERE i.indrelid = c.oid ORDER BY ic.relname), chr(31)),
                   \(Self.dependencies(class: "pg_rewrite", oid: "r.oid", selfOID: "c.oid")), c.relispopulated
            FROM pg_class c
            JOIN pg_rewrite r ON r.ev_class = c.oid AND r.rulename = '_RETURN'
            WHERE c.relnamespace IN \(namespaces) AND c.relkind IN ('v', 'm') AND \(Self.notFromExtension("c.oid", in: "pg_class"))
            ORDER BY 1
            """)
        for row in rows {
            let isMaterialized = row.string(1) == "m"
            let keyword = isMaterialized ? "MATERIALIZED VIEW" : "VIEW"
            let name = Self.quotedQualified(row.string(0))
            var query = row.string(2).trimmingCharacters(in: .whitespacesAndNewlines)
            if query.hasSuffix(";") { query.removeLast() }
            let options = row.text(3).map { " WITH (\($0))" } ?? ""
            var create = ["CREATE \(keyword) \(name)\(options) AS\n\(query)"]
            if isMaterialized {
                // Created empty, indexed, then filled (as pg_dump does); the
                // populated state is part of what is compared.
                create[0] += "\nWITH NO DATA"
                create += Self.names(row.string(4))
                if row.bool(6) { create.append("REFRESH MATERIALIZED VIEW \(name)") }
            } else {
                create += Self.names(row.string(4))
            }
            builder.add(
                SchemaObject(
                    kind: isMaterialized ? .materializedView : .view, name: row.string(0),
                    definition: create.joined(separator: ";\n"), createStatements: create,
                    dropStatements: ["DROP \(keyword) \(name)"], dependencies: Self.names(row.string(5))))
        }
    }

    /// Triggers the user made (not those behind foreign keys, nor the
    /// clones a partition gets from its parent's trigger), then rules other
    /// than a view's `_RETURN`.
    func readTriggersAndRules(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let triggers = try connection.query(
            """
            SELECT t.tgname, \(Self.qualified("c.relname", in: "c.relnamespace")), pg_get_triggerdef(t.oid, true),
                   \(Self.qualified("p.proname", in: "p.pronamespace")), t.tgenabled
            FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid
            JOIN pg_proc p ON p.oid = t.tgfoid
            WHERE c.relnamespace IN \(namespaces) AND NOT t.tgisinternal
              AND CASE WHEN t.tgisinternal THEN false ELSE COALESCE((to_jsonb(t) ->> 'tgparentid')::oid, 0) = 0 END
            ORDER BY 2, t.tgname
            """)
        for row in triggers {
            let table = row.string(1)
            var create = [row.string(2)]
            // `tgenabled`: O fires in origin and local mode (the default), D never, R only as a replica, A always.
            let state = ["D": "DISABLE TRIGGER", "R": "ENABLE REPLICA TRIGGER", "A": "ENABLE ALWAYS TRIGGER"][row.string(4)]
            if let state { create.append("ALTER TABLE \(Self.quotedQualified(table)) \(state) \(Self.quoted(row.string(0)))") }
            builder.add(
                SchemaObject(
                    kind: .trigger, name: row.string(0), table: table, definition: create.joined(separator: ";\n"),
                    createStatements: create,
                    dropStatements: ["DROP TRIGGER \(Self.quoted(row.string(0))) ON \(Self.quotedQualified(table))"],
                    dependencies: [table, row.string(3)]))
        }
        let rules = try connection.query(
            """
            SELECT r.rulename, \(Self.qualified("c.relname", in: "c.relnamespace")), pg_get_ruledef(r.oid, true),
                   \(Self.dependencies(class: "pg_rewrite", oid: "r.oid"))
            FROM pg_rewrite r
            JOIN pg_class c ON c.oid = r.ev_class
            WHERE c.relnamespace IN \(namespaces) AND r.rulename <> '_RETURN'
            ORDER BY 2, r.rulename
            """)
        for row in rules {
            var definition = row.string(2).trimmingCharacters(in: .whitespacesAndNewlines)
            if definition.hasSuffix(";") { definition.removeLast() }
            builder.add(
                SchemaObject(
                    kind: .rule, name: row.string(0), table: row.string(1), definition: definition,
                    createStatements: [definition],
                    dropStatements: ["DROP RULE \(Self.quoted(row.string(0))) ON \(Self.quotedQualified(row.string(1)))"],
                    dependencies: Self.names(row.string(3))))
        }
    }
}
