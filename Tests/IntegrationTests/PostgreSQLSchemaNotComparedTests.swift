import Foundation
import Testing

@testable import MigrateKit

/// What lives in a PostgreSQL schema that is neither the current one nor
/// included is never compared, so every object of it is named in the
/// `not compared` warning, and `check --strict` fails on it; what is not the
/// user's (an extension's objects, array and row types, sequences a column
/// owns, migrate's own version table) is not.
@Suite("PostgreSQL schemas not compared")
struct PostgreSQLSchemaNotComparedTests {
    /// A schema `reports` with one object of each kind, and the implicit
    /// objects they bring along (array types, row types, a multirange type,
    /// range constructors, serial and identity sequences, an owned sequence).
    static let reports = """
        CREATE SCHEMA reports;
        CREATE FUNCTION reports.total(integer) RETURNS integer LANGUAGE sql AS $$ SELECT $1 $$;
        CREATE PROCEDURE reports.refresh() LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE AGGREGATE reports.summed(integer) (SFUNC = int4pl, STYPE = integer);
        CREATE TYPE reports.mood AS ENUM ('sad', 'happy');
        CREATE TYPE reports.pair AS (a integer, b text);
        CREATE TYPE reports.span AS RANGE (SUBTYPE = float8);
        CREATE DOMAIN reports.positive AS integer CHECK (VALUE > 0);
        CREATE SEQUENCE reports.numbers;
        CREATE TABLE reports.facts (id serial PRIMARY KEY, n integer GENERATED ALWAYS AS IDENTITY, m reports.mood);
        CREATE SEQUENCE reports.owned OWNED BY reports.facts.id;
        CREATE MATERIALIZED VIEW reports.totals AS SELECT 1 AS one;
        CREATE VIEW reports.recent AS SELECT 1 AS one;
        CREATE FOREIGN DATA WRAPPER reports_wrapper;
        CREATE SERVER reports_server FOREIGN DATA WRAPPER reports_wrapper;
        CREATE FOREIGN TABLE reports.remote (a integer) SERVER reports_server;
        CREATE TEXT SEARCH DICTIONARY reports.words (TEMPLATE = simple);

        """

    /// Each object of ``reports`` as the warning names it.
    static let named = [
        "aggregate reports.summed(integer)", "composite type reports.pair", "domain reports.positive",
        "enum type reports.mood", "foreign table reports.remote", "function reports.total(integer)",
        "materialized view reports.totals", "procedure reports.refresh()", "range type reports.span",
        "sequence reports.numbers", "table reports.facts", "text search dictionary reports.words",
        "view reports.recent",
    ]

    /// A project at head with one table in `public`, declared and upgraded.
    static func upgradedProject(extraConfig: String = "", declaring extra: String = "") throws -> AutogenerateProject {
        let project = try AutogenerateProject(.postgresql, extraConfig: extraConfig)
        try project.declare("CREATE TABLE customers (id serial PRIMARY KEY);\n" + extra)
        try project.expectSuccess("revision", "--autogenerate", "-m", "Customers")
        try project.expectSuccess("upgrade", "head")
        return project
    }

    /// Before, a schema holding only routines, types, domains and a
    /// sequence passed `check --strict` without a word.
    @Test func routinesTypesDomainsAndSequencesOfASchemaNotComparedFailStrictCheck() throws {
        let project = try Self.upgradedProject()
        try project.execute(
            """
            CREATE SCHEMA reports;
            CREATE FUNCTION reports.total(integer) RETURNS integer LANGUAGE sql AS $$ SELECT $1 $$;
            CREATE TYPE reports.mood AS ENUM ('sad', 'happy');
            CREATE DOMAIN reports.positive AS integer CHECK (VALUE > 0);
            CREATE SEQUENCE reports.numbers;
            """)
        let check = try project.run("check", "--strict")
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        for name in [
            "function reports.total(integer)", "enum type reports.mood", "domain reports.positive",
            "sequence reports.numbers",
        ] {
            #expect(check.stderr.contains(name), "\(name): \(check.stderr)")
        }
        let plain = try project.run("check")
        #expect(plain.status == 0, "\(plain.stdout)\(plain.stderr)")
        #expect(plain.stderr.contains("not compared"), "\(plain.stderr)")
    }

    /// Every object of the schema is named once with its kind, and nothing
    /// that is part of another object is.
    @Test func everyObjectOfASchemaNotComparedIsNamedWithItsKind() throws {
        let database = try ScratchDatabase(.postgresql)
        try database.run(Self.reports)
        let schema = try database.inspect()
        let names = schema.unmodelled.map { "\($0.kind) \($0.name)" }
        #expect(names == Self.named, "\(names)")
        #expect(schema.tables.isEmpty && schema.objects.isEmpty)
    }

    /// In the current schema too: operator classes and families,
    /// conversions and text search dictionaries are named; a range type's
    /// cast to its multirange and an operator class's own family are not.
    @Test func operatorClassesConversionsAndDictionariesOfTheCurrentSchemaAreNamed() throws {
        let database = try ScratchDatabase(.postgresql)
        try database.run(
            """
            CREATE OPERATOR CLASS int_hash FOR TYPE integer USING hash AS OPERATOR 1 =, FUNCTION 1 hashint4(integer);
            CREATE OPERATOR FAMILY text_family USING hash;
            CREATE CONVERSION latin_conversion FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
            CREATE TEXT SEARCH DICTIONARY words (TEMPLATE = simple);
            CREATE TYPE span AS RANGE (SUBTYPE = float8);
            """)
        let names = try database.inspect().unmodelled.map { "\($0.kind) \($0.name)" }
        #expect(
            names == [
                "conversion latin_conversion", "operator class int_hash", "operator family text_family",
                "range type span", "text search dictionary words",
            ], "\(names)")
    }

    @Test func checkStrictNamesEachObjectOfASchemaNotCompared() throws {
        let project = try Self.upgradedProject()
        try project.execute(Self.reports)
        let check = try project.run("check", "--strict")
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        let warning = try #require(check.stderr.split(separator: "\n").first { $0.contains("not compared") })
        #expect(warning == "warning: " + UnmodelledObject.warning(for: Self.named.map(Self.object))!, "\(warning)")
    }

    /// An extension's objects in a schema of their own, an included
    /// schema's objects and a version table in another schema (a second
    /// project's, or this one's after `search_path` changed) are not named.
    @Test func extensionsIncludedSchemasAndVersionTablesAreNotNamed() throws {
        let billing = """
            CREATE SCHEMA billing;
            CREATE TYPE billing.state AS ENUM ('draft', 'sent');
            CREATE DOMAIN billing.amount AS numeric(10,2) CHECK (VALUE >= 0);
            CREATE SEQUENCE billing.numbers;
            CREATE FUNCTION billing.total(integer) RETURNS integer LANGUAGE sql AS $$ SELECT $1 $$;
            CREATE MATERIALIZED VIEW billing.totals AS SELECT 1 AS one;

            """
        let project = try Self.upgradedProject(
            extraConfig: "include_schemas = billing\n", declaring: billing + "CREATE EXTENSION citext;\n")
        let connection = try project.project.connect()
        defer { connection.close() }
        #expect(try connection.scalar("SELECT count(*) FROM pg_available_extensions WHERE name = 'citext'")?.int == 1)
        try project.execute(
            """
            DROP EXTENSION citext;
            CREATE SCHEMA ext;
            CREATE EXTENSION citext SCHEMA ext;
            CREATE SCHEMA other_project;
            CREATE TABLE other_project.migrate_version (revision text PRIMARY KEY);
            """)
        #expect(try connection.scalar("SELECT count(*) FROM pg_type WHERE typnamespace = 'ext'::regnamespace")?.int ?? 0 > 0)
        let check = try project.run("check", "--strict")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(!check.stderr.contains("not compared"), "\(check.stderr)")
    }

    /// The objects of schemas not compared come with the same one query,
    /// however many such schemas there are.
    @Test func schemasNotComparedKeepTheQueryCountFixed() throws {
        func queries(schemas: Int) throws -> Int {
            let database = try ScratchDatabase(.postgresql)
            for index in 0..<schemas {
                try database.run(Self.reports.replacingOccurrences(of: "reports", with: "r\(index)"))
            }
            let counting = CountingConnection(database.connection)
            let schema = try PostgreSQLInspector().inspect(counting, excluding: [])
            #expect(schema.unmodelled.count == schemas * Self.named.count)
            return counting.queries
        }
        #expect(try queries(schemas: 1) == queries(schemas: 12))
    }

    /// `enum type reports.mood` as an object: the kind is every word but the last.
    static func object(_ label: String) -> UnmodelledObject {
        let words = label.split(separator: " ")
        return UnmodelledObject(kind: words.dropLast().joined(separator: " "), name: String(words.last!))
    }
}
