import Foundation
import Testing

@testable import MigrateKit

/// Issue 8 §5 on PostgreSQL: public sample databases, as their projects
/// publish them, through the `migrate` binary on a real server.
@Suite("PostgreSQL sample schemas")
struct PostgreSQLSampleSchemaTests {
    /// The DDL of a sample database kept under `SampleSchemas/postgresql/`.
    static func sample(_ name: String) throws -> String {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("SampleSchemas/postgresql")
        return try String(contentsOf: folder.appendingPathComponent(name + ".sql"), encoding: .utf8)
    }

    /// From empty: autogenerate, upgrade, `check` clean, `verify`, and
    /// `downgrade base` leaves nothing behind.
    @Test(arguments: ["pagila", "chinook", "northwind"])
    func fromEmpty(_ name: String) throws {
        let project = try AutogenerateProject(.postgresql)
        try project.declare(try Self.sample(name))
        try project.expectSuccess("revision", "--autogenerate", "-m", "Create \(name)")
        try project.expectSuccess("upgrade", "head")
        let check = try project.run("check", "--strict")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(try project.inspect() == project.declaredSchema())
        try project.expectSuccess("verify")
        try project.expectSuccess("downgrade", "base")
        let left = try project.inspect()
        #expect(left.tables.isEmpty && left.objects.isEmpty, "left behind: \(left.tableNames) \(left.objects.keys.sorted())")
    }

    /// One row in every pagila table (foreign keys and triggers are off
    /// while they go in: store and staff reference each other).
    static let pagilaRows = """
        SET session_replication_role = replica;
        INSERT INTO country (country_id, country) VALUES (1, 'Åland');
        INSERT INTO city (city_id, city, country_id) VALUES (1, 'Mariehamn', 1);
        INSERT INTO address (address_id, address, district, city_id, phone) VALUES (1, '1 Torggatan', 'Åland', 1, '555');
        INSERT INTO language (language_id, name) VALUES (1, 'English');
        INSERT INTO film (film_id, title, language_id, rating, fulltext)
            VALUES (1, 'ACADEMY DINOSAUR', 1, 'PG', to_tsvector('academy dinosaur'));
        INSERT INTO actor (actor_id, first_name, last_name) VALUES (1, 'PENELOPE', 'GUINESS');
        INSERT INTO category (category_id, name) VALUES (1, 'Action');
        INSERT INTO film_actor (actor_id, film_id) VALUES (1, 1);
        INSERT INTO film_category (film_id, category_id) VALUES (1, 1);
        INSERT INTO store (store_id, manager_staff_id, address_id) VALUES (1, 1, 1);
        INSERT INTO staff (staff_id, first_name, last_name, address_id, store_id, username)
            VALUES (1, 'Mike', 'Hillyer', 1, 1, 'mike');
        INSERT INTO customer (customer_id, store_id, first_name, last_name, address_id) VALUES (1, 1, 'MARY', 'SMITH', 1);
        INSERT INTO inventory (inventory_id, film_id, store_id) VALUES (1, 1, 1);
        INSERT INTO rental (rental_id, rental_date, inventory_id, customer_id, staff_id) VALUES (1, '2022-02-01', 1, 1, 1);
        INSERT INTO payment (payment_id, customer_id, staff_id, rental_id, amount, payment_date)
            VALUES (1, 1, 1, 1, 2.99, '2022-02-15');
        RESET session_replication_role;
        """

    /// The ten realistic edits of §5, each appended to pagila's own DDL
    /// (a `pg_dump` file, so names are schema-qualified), or `old → new`
    /// replaced in it.
    static let pagilaEdits: [(String, String)] = [
        ("add a nullable column", "ALTER TABLE public.actor ADD COLUMN nickname text;"),
        ("add a NOT NULL column with a default", "ALTER TABLE public.customer ADD COLUMN loyalty integer DEFAULT 0 NOT NULL;"),
        ("add an index", "CREATE INDEX idx_film_length ON public.film USING btree (length);"),
        // Edited in pagila's CREATE TABLE film (see `edited(_:with:)`): views read the column.
        ("widen a type read by views", "rental_rate numeric(4,2) → rental_rate numeric(6,2)"),
        (
            "a new table with a foreign key",
            "CREATE TABLE public.review (review_id serial PRIMARY KEY, film_id integer NOT NULL REFERENCES public.film (film_id), body text);"
        ),
        ("drop a column", "ALTER TABLE public.staff DROP COLUMN picture;"),
        (
            "change a view",
            "CREATE OR REPLACE VIEW public.staff_list AS SELECT s.staff_id AS id, (s.first_name || ' ') || s.last_name AS name, a.address, a.postal_code AS \"zip code\", a.phone, city.city, country.country, s.store_id AS sid FROM public.staff s JOIN public.address a ON s.address_id = a.address_id JOIN public.city ON a.city_id = city.city_id JOIN public.country ON city.country_id = country.country_id WHERE s.active;"
        ),
        ("add an enum value", "ALTER TYPE public.mpaa_rating ADD VALUE 'X' AFTER 'NC-17';"),
        (
            "add a trigger",
            "CREATE TRIGGER film_touch BEFORE INSERT ON public.film FOR EACH ROW EXECUTE FUNCTION public.last_updated();"
        ),
        (
            "change a function",
            "CREATE OR REPLACE FUNCTION public.last_day(timestamp with time zone) RETURNS date LANGUAGE sql IMMUTABLE STRICT AS $_$ SELECT (date_trunc('month', $1) + interval '1 month' - interval '1 day')::date $_$;"
        ),
    ]

    static func edited(_ ddl: String, with edit: String) -> String {
        let parts = edit.components(separatedBy: " → ")
        guard parts.count == 2 else { return ddl + "\n" + edit + "\n" }
        precondition(ddl.contains(parts[0]))
        return ddl.replacingOccurrences(of: parts[0], with: parts[1])
    }

    static let pagilaTables = [
        "actor", "address", "category", "city", "country", "customer", "film", "film_actor", "film_category",
        "inventory", "language", "payment", "rental", "staff", "store",
    ]

    /// Each edit with a row in every table: autogenerate, upgrade, `check`
    /// clean, rows kept, `downgrade -1` back to the same inspected schema.
    @Test func pagilaEdits() throws {
        let project = try AutogenerateProject(.postgresql)
        let pagila = try Self.sample("pagila")
        try project.declare(pagila)
        try project.expectSuccess("revision", "--autogenerate", "-m", "Create pagila")
        try project.expectSuccess("upgrade", "head")
        try project.execute(Self.pagilaRows)
        let rows = try Self.pagilaTables.map { try project.count($0) }
        #expect(rows.allSatisfy { $0 == 1 })
        let before = try project.inspect()
        for (name, edit) in Self.pagilaEdits {
            try project.declare(Self.edited(pagila, with: edit))
            let generated = try project.expectSuccess("revision", "--autogenerate", "-m", name)
            #expect(generated.stdout.hasPrefix("Generated "), "\(name): \(generated.stdout)")
            let path = try #require(
                try project.revisionFiles().last { (try? String(contentsOfFile: $0, encoding: .utf8))?.contains("-- \(name)\n") == true })
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let upgraded = try project.run("upgrade", "head")
            #expect(upgraded.status == 0, "\(name): upgrade failed:\n\(upgraded.stderr)\n\(text)")
            guard upgraded.status == 0 else {
                try FileManager.default.removeItem(atPath: path)
                continue
            }
            let check = try project.run("check")
            #expect(check.status == 0, "\(name): check after upgrade:\n\(check.stdout)\(check.stderr)\n\(text)")
            #expect(try Self.pagilaTables.map { try project.count($0) } == rows, "\(name): rows lost\n\(text)")
            let downgraded = try project.run("downgrade", "-1")
            #expect(downgraded.status == 0, "\(name): downgrade failed:\n\(downgraded.stderr)\n\(text)")
            let after = try project.inspect()
            #expect(after == before, "\(name): downgrade did not restore the schema:\n\(text)")
            #expect(try Self.pagilaTables.map { try project.count($0) } == rows, "\(name): rows lost on downgrade")
            try FileManager.default.removeItem(atPath: path)
        }
    }
}
