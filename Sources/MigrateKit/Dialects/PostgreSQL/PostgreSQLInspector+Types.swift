/// Types, domains, sequences and extensions: what tables use, created
/// before them.
extension PostgreSQLInspector {
    /// An identifier as a person writes it: bare when it can be, else quoted.
    static func quoted(_ name: String) -> String {
        RenderingSupport(dialect: PostgreSQLDialect(), foldsToLowerCase: true).name(name)
    }

    /// Enum types (labels in their order), composite types, domains (base
    /// type, collation, default, NOT NULL and named checks), and range types
    /// (not modelled: named). Array types and table row types are not
    /// objects of their own.
    func readTypes(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query(
            """
            SELECT \(Self.qualified("t.typname", in: "t.typnamespace")), t.typtype,
                   CASE t.typtype
                       WHEN 'e' THEN array_to_string(ARRAY(SELECT quote_literal(e.enumlabel) FROM pg_enum e
                                                           WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder), ', ')
                       WHEN 'c' THEN array_to_string(ARRAY(
                           SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                           WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum), ', ')
                       WHEN 'd' THEN format_type(t.typbasetype, t.typtypmod)
                   END,
                   CASE WHEN t.typcollation <> bt.typcollation THEN quote_ident(co.collname) END,
                   t.typdefault, t.typnotnull,
                   array_to_string(ARRAY(SELECT 'CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid, true)
                                         FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname), chr(31))
            FROM pg_type t
            LEFT JOIN pg_class r ON r.oid = t.typrelid
            LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
            LEFT JOIN pg_collation co ON co.oid = t.typcollation
            WHERE t.typnamespace IN \(namespaces) AND \(Self.notFromExtension("t.oid", in: "pg_type"))
              AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND r.relkind = 'c'))
            ORDER BY 1
            """)
        for row in rows {
            let name = row.string(0)
            let quotedName = Self.quotedQualified(row.string(0))
            switch row.string(1) {
            case "e", "c":
                let body = row.string(1) == "e" ? "ENUM (\(row.string(2)))" : "(\(row.string(2)))"
                let definition = "CREATE TYPE \(quotedName) AS \(body)"
                builder.add(
                    SchemaObject(
                        kind: .type, name: name, definition: definition, createStatements: [definition],
                        dropStatements: ["DROP TYPE \(quotedName)"]))
            case "d":
                // Created bare, then given its default, NOT NULL and checks
                // one `ALTER DOMAIN` each: a changed domain that columns use
                // is altered in place by adding and dropping those.
                var head = "CREATE DOMAIN \(quotedName) AS \(row.string(2))"
                if let collation = row.text(3) { head += " COLLATE \(collation)" }
                var parts: [String] = []
                var alters: [String] = []
                if let value = row.text(4) {
                    parts.append("DEFAULT \(value)")
                    alters.append("SET DEFAULT \(value)")
                }
                if row.bool(5) {
                    parts.append("NOT NULL")
                    alters.append("SET NOT NULL")
                }
                for constraint in Self.names(row.string(6)) {
                    parts.append(constraint)
                    alters.append("ADD \(constraint)")
                }
                let definition = ([head] + parts).joined(separator: " ")
                builder.add(
                    SchemaObject(
                        kind: .domain, name: name, definition: definition,
                        createStatements: [head] + alters.map { "ALTER DOMAIN \(quotedName) \($0)" },
                        dropStatements: ["DROP DOMAIN \(quotedName)"], dependencies: SQLWords.of(row.string(2)).sorted()))
            default:
                builder.unmodelled.append(UnmodelledObject(kind: "range type", name: name))
            }
        }
    }

    /// Sequences other than those a serial column stands for and identity
    /// sequences. One a column owns (`OWNED BY`) belongs to that table: the
    /// renderer sets the owner once the table exists.
    func readSequences(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query(
            """
            SELECT \(Self.qualified("s.relname", in: "s.relnamespace")), format_type(q.seqtypid, NULL), q.seqincrement, q.seqmin, q.seqmax, q.seqstart,
                   q.seqcache, q.seqcycle, \(Self.qualified("c.relname", in: "c.relnamespace")), a.attname
            FROM pg_class s
            JOIN pg_sequence q ON q.seqrelid = s.oid
            LEFT JOIN pg_depend dep ON dep.objid = s.oid AND dep.classid = 'pg_class'::regclass
                 AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
            LEFT JOIN pg_class c ON c.oid = dep.refobjid
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = dep.refobjsubid
            LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
            WHERE s.relkind = 'S' AND s.relnamespace IN \(namespaces) AND \(Self.notFromExtension("s.oid", in: "pg_class"))
              AND dep.deptype IS DISTINCT FROM 'i'
              AND NOT COALESCE(dep.deptype = 'a' AND \(Self.isSerialSequence)
                               AND pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%', false)
            ORDER BY 1
            """)
        for row in rows {
            let name = Self.quotedQualified(row.string(0))
            var definition =
                "CREATE SEQUENCE \(name) AS \(row.string(1)) INCREMENT BY \(row.string(2)) MINVALUE \(row.string(3)) "
                + "MAXVALUE \(row.string(4)) START WITH \(row.string(5)) CACHE \(row.string(6))"
                + (row.bool(7) ? " CYCLE" : "")
            var create = [definition]
            if let table = row.text(8), let column = row.text(9) {
                let owner = "OWNED BY \(Self.quotedQualified(table)).\(Self.quoted(column))"
                definition += " \(owner)"
                create.append("ALTER SEQUENCE \(name) \(owner)")
            }
            builder.add(
                SchemaObject(
                    kind: .sequence, name: row.string(0), table: row.text(8), definition: definition,
                    createStatements: create, dropStatements: ["DROP SEQUENCE IF EXISTS \(name)"]))
        }
    }

    /// Extensions other than `plpgsql`, which every database has. The
    /// version is not compared: the scratch database is on the same server.
    func readExtensions(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        let rows = try connection.query("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname")
        for row in rows {
            let name = Self.quoted(row.string(0))
            builder.add(
                SchemaObject(
                    kind: .extension, name: row.string(0), definition: "CREATE EXTENSION \(name)",
                    createStatements: ["CREATE EXTENSION IF NOT EXISTS \(name)"],
                    dropStatements: ["DROP EXTENSION IF EXISTS \(name)"]))
        }
    }
}
