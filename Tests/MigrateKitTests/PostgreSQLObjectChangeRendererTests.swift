import Testing

@testable import MigrateKit

/// PostgreSQL objects changed while columns use them, as SQL: domains
/// altered in place, enum types re-created under their domains and routines,
/// materialized views filled or emptied.
@Suite("PostgreSQLRenderer object changes")
struct PostgreSQLObjectChangeRendererTests {
    let renderer = PostgreSQLRenderer()

    static func domain(_ clauses: [String], name: String = "score", base: String = "integer") -> SchemaObject {
        let head = "CREATE DOMAIN \(name) AS \(base)"
        return SchemaObject(
            kind: .domain, name: name, definition: ([head] + clauses).joined(separator: " "),
            createStatements: [head] + clauses.map { "ALTER DOMAIN \(name) \($0)" }, dropStatements: ["DROP DOMAIN \(name)"],
            dependencies: [base])
    }

    @Test func altersADomainInPlaceDroppingWhatGoesThenAddingWhatIsNew() {
        let old = Self.domain(["SET DEFAULT 0", "ADD CONSTRAINT score_range CHECK (VALUE <= 100)"])
        let new = Self.domain([
            "SET NOT NULL", "ADD CONSTRAINT score_range CHECK (VALUE <= 1000)", "ADD CONSTRAINT \"step \"\"10\"\"\" CHECK (VALUE % 10 = 0)",
        ])
        #expect(PostgreSQLDialect().canAlterInPlace(old, to: new))
        #expect(!PostgreSQLDialect().canAlterInPlace(old, to: Self.domain([], base: "bigint")))
        #expect(
            renderer.statements(for: .alterObject(from: old, to: new)) == [
                "ALTER DOMAIN score DROP DEFAULT", "ALTER DOMAIN score DROP CONSTRAINT score_range",
                "ALTER DOMAIN score SET NOT NULL", "ALTER DOMAIN score ADD CONSTRAINT score_range CHECK (VALUE <= 1000)",
                "ALTER DOMAIN score ADD CONSTRAINT \"step \"\"10\"\"\" CHECK (VALUE % 10 = 0)",
            ])
        #expect(
            renderer.statements(for: .alterObject(from: new, to: old)) == [
                "ALTER DOMAIN score DROP NOT NULL", "ALTER DOMAIN score DROP CONSTRAINT score_range",
                "ALTER DOMAIN score DROP CONSTRAINT \"step \"\"10\"\"\"",
                "ALTER DOMAIN score SET DEFAULT 0", "ALTER DOMAIN score ADD CONSTRAINT score_range CHECK (VALUE <= 100)",
            ])
    }

    @Test func aChangedDefaultIsSetNotDropped() {
        let old = Self.domain(["SET DEFAULT 0"])
        let new = Self.domain(["SET DEFAULT 5"])
        #expect(renderer.statements(for: .alterObject(from: old, to: new)) == ["ALTER DOMAIN score SET DEFAULT 5"])
    }

    @Test func removingEnumValuesCarriesDomainsRoutinesAndWhatCallsThem() {
        let old = PostgreSQLObjectRendererTests.rating("'G', 'PG', 'R'")
        let new = PostgreSQLObjectRendererTests.rating("'G', 'R'")
        let domain = Self.domain(["ADD CONSTRAINT kid CHECK (VALUE <> 'R')"], name: "kid_rating", base: "rating")
        let function = SchemaObject(
            kind: .function, name: "is_adult(rating)", definition: "CREATE FUNCTION is_adult(r rating) ...",
            createStatements: ["CREATE FUNCTION is_adult(r rating) ..."], dropStatements: ["DROP FUNCTION is_adult(rating)"],
            dependencies: ["rating"])
        let view = SchemaObject(
            kind: .view, name: "adult_films", definition: "CREATE VIEW adult_films AS ...",
            createStatements: ["CREATE VIEW adult_films AS ..."], dropStatements: ["DROP VIEW adult_films"],
            dependencies: ["is_adult", "shelf"])
        let shelf = Table(
            name: "shelf",
            columns: [Column(name: "id", type: "integer", isNullable: false), Column(name: "for_kids", type: "kid_rating[]")])
        let schema = Schema(tables: [shelf], objects: [old, domain, function, view])
        #expect(
            renderer.statements(for: .alterObject(from: old, to: new), current: schema, target: schema) == [
                "DROP VIEW adult_films", "DROP FUNCTION is_adult(rating)",
                "ALTER TYPE rating RENAME TO rating__migrate_old",
                "ALTER DOMAIN kid_rating RENAME TO kid_rating__migrate_old",
                "CREATE TYPE rating AS ENUM ('G', 'R')",
                "CREATE DOMAIN kid_rating AS rating", "ALTER DOMAIN kid_rating ADD CONSTRAINT kid CHECK (VALUE <> 'R')",
                "ALTER TABLE shelf ALTER COLUMN for_kids TYPE kid_rating[] USING for_kids::text[]::kid_rating[]",
                "DROP DOMAIN kid_rating__migrate_old", "DROP TYPE rating__migrate_old",
                "CREATE FUNCTION is_adult(r rating) ...", "CREATE VIEW adult_films AS ...",
            ])
    }

    @Test func aMaterializedViewIsFilledOrEmptiedInPlace() {
        func view(populated: Bool) -> SchemaObject {
            let create = ["CREATE MATERIALIZED VIEW m AS\n SELECT 1\nWITH NO DATA"] + (populated ? ["REFRESH MATERIALIZED VIEW m"] : [])
            return SchemaObject(
                kind: .materializedView, name: "m", definition: create.joined(separator: ";\n"), createStatements: create,
                dropStatements: ["DROP MATERIALIZED VIEW m"])
        }
        #expect(PostgreSQLDialect().canAlterInPlace(view(populated: true), to: view(populated: false)))
        #expect(
            renderer.statements(for: .alterObject(from: view(populated: true), to: view(populated: false)))
                == ["REFRESH MATERIALIZED VIEW m WITH NO DATA"])
        #expect(
            renderer.statements(for: .alterObject(from: view(populated: false), to: view(populated: true)))
                == ["REFRESH MATERIALIZED VIEW m"])
    }
}
