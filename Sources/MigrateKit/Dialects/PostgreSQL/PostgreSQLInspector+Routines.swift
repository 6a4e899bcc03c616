import Foundation

/// Functions, procedures and aggregates, compared by `pg_get_functiondef`.
extension PostgreSQLInspector {
    /// Names of the user tables, types and routines an object depends on,
    /// according to `pg_depend` (`class`/`oid`: the dependent object;
    /// `selfOID`: its own relation, left out).
    static func dependencies(class catalog: String, oid: String, selfOID: String = "0") -> String {
        """
        array_to_string(ARRAY(
            SELECT DISTINCT COALESCE(\(qualified("rc.relname", in: "rc.relnamespace")),
                                     \(qualified("rp.proname", in: "rp.pronamespace")),
                                     \(qualified("rt.typname", in: "rt.typnamespace"))) FROM pg_depend d
            LEFT JOIN pg_class rc ON d.refclassid = 'pg_class'::regclass AND rc.oid = d.refobjid
                 AND rc.relnamespace <> 'pg_catalog'::regnamespace
            LEFT JOIN pg_proc rp ON d.refclassid = 'pg_proc'::regclass AND rp.oid = d.refobjid
                 AND rp.pronamespace <> 'pg_catalog'::regnamespace
            LEFT JOIN pg_type rt ON d.refclassid = 'pg_type'::regclass AND rt.oid = d.refobjid
                 AND rt.typnamespace <> 'pg_catalog'::regnamespace
            WHERE d.classid = '\(catalog)'::regclass AND d.objid = \(oid) AND d.deptype = 'n'
              AND d.refobjid <> \(selfOID) AND COALESCE(rc.oid, rp.oid, rt.oid) IS NOT NULL), chr(31))
        """
    }

    /// One object per routine, named with its argument types
    /// (`film_in_stock(integer, integer)`) so that overloads are distinct.
    /// The definition is `pg_get_functiondef` without the schema qualifier
    /// of the name; an aggregate's is `CREATE AGGREGATE` from
    /// `pg_aggregate` (transition and final function, state type, initial
    /// value; aggregates with more options than these are named as not
    /// modelled). SQL-language bodies are checked when they are created, so
    /// such a function is created with `check_function_bodies` off, as
    /// `pg_dump` does: it may read a table or view that comes later.
    func readRoutines(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query(
            """
            SELECT \(Self.qualified("p.proname", in: "p.pronamespace")), oidvectortypes(p.proargtypes), p.prokind,
                   CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END,
                   l.lanname, CASE WHEN n.nspname = current_schema() THEN quote_ident(n.nspname) END,
                   g.aggtransfn::regproc::text, format_type(g.aggtranstype, NULL),
                   NULLIF(g.aggfinalfn::regproc::text, '-'), g.agginitval,
                   \(Self.dependencies(class: "pg_proc", oid: "p.oid")),
                   g.aggkind <> 'n' OR g.aggcombinefn::oid <> 0 OR g.aggserialfn::oid <> 0
                       OR g.aggmtransfn::oid <> 0 OR g.aggsortop <> 0 OR g.aggfinalextra
            FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_language l ON l.oid = p.prolang
            LEFT JOIN pg_aggregate g ON g.aggfnoid = p.oid
            WHERE p.pronamespace IN \(namespaces) AND \(Self.notFromExtension("p.oid", in: "pg_proc"))
            ORDER BY 1, 2
            """)
        for row in rows {
            let signature = "\(Self.quotedQualified(row.string(0)))(\(row.string(1)))"
            let name = "\(row.string(0))(\(row.string(1)))"
            var dependencies = Self.names(row.string(10))
            let object: SchemaObject
            if row.string(2) == "a", row.bool(11) {
                // Ordered-set, moving, parallel or sort-operator aggregates: more than SFUNC/STYPE/FINALFUNC/INITCOND.
                builder.unmodelled.append(UnmodelledObject(kind: "aggregate", name: name))
                continue
            } else if row.string(2) == "a" {
                var options = ["SFUNC = \(row.string(6))", "STYPE = \(row.string(7))"]
                if let final = row.text(8) { options.append("FINALFUNC = \(final)") }
                if let initial = row.text(9) { options.append("INITCOND = \(PostgreSQLDialect().literal(initial))") }
                dependencies += [row.string(6), row.text(8)].compactMap { $0 }.map { String($0.split(separator: ".").last!) }
                let definition = "CREATE AGGREGATE \(signature) (\(options.joined(separator: ", ")))"
                object = SchemaObject(
                    kind: .function, name: name, definition: definition, createStatements: [definition],
                    dropStatements: ["DROP AGGREGATE \(signature)"], dependencies: dependencies)
            } else {
                let isProcedure = row.string(2) == "p"
                let definition = Self.unqualified(row.string(3), schema: row.text(5))
                let create =
                    row.string(4) == "sql"
                    ? ["SET check_function_bodies = false", definition, "RESET check_function_bodies"] : [definition]
                object = SchemaObject(
                    kind: isProcedure ? .procedure : .function, name: name, definition: definition,
                    createStatements: create,
                    dropStatements: ["DROP \(isProcedure ? "PROCEDURE" : "FUNCTION") \(signature)"],
                    dependencies: dependencies)
            }
            builder.add(object)
        }
    }

    /// `pg_get_functiondef` always qualifies the routine's name with its
    /// schema: without it, the declared schema (inspected in a scratch
    /// schema or database) and the live one read alike. Routines of an
    /// included schema keep their qualified name.
    static func unqualified(_ definition: String, schema: String?) -> String {
        var text = definition.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let schema else { return text }
        for keyword in ["FUNCTION ", "PROCEDURE "] {
            if let range = text.range(of: "CREATE OR REPLACE \(keyword)\(schema).") {
                text.replaceSubrange(range, with: "CREATE OR REPLACE \(keyword)")
                break
            }
        }
        return text
    }
}
