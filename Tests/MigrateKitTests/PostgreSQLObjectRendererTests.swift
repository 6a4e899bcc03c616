import Testing

@testable import MigrateKit

/// PostgreSQL object changes and the new table and index features, as SQL.
@Suite("PostgreSQLRenderer objects")
struct PostgreSQLObjectRendererTests {
    let renderer = PostgreSQLRenderer()

    static func rating(_ labels: String) -> SchemaObject {
        let definition = "CREATE TYPE rating AS ENUM (\(labels))"
        return SchemaObject(
            kind: .type, name: "rating", definition: definition, createStatements: [definition],
            dropStatements: ["DROP TYPE rating"])
    }

    static let film = Table(
        name: "film",
        columns: [
            Column(name: "id", type: "integer", isNullable: false),
            Column(name: "rating", type: "rating", defaultExpression: "'G'::rating"),
        ])
    static let list = SchemaObject(
        kind: .view, name: "film_list", definition: "CREATE VIEW film_list AS SELECT rating FROM film",
        createStatements: ["CREATE VIEW film_list AS SELECT rating FROM film"], dropStatements: ["DROP VIEW film_list"],
        dependencies: ["film"])

    @Test func addsEnumValuesInPlaceBeforeOrAfterTheirNeighbours() {
        let old = Self.rating("'G', 'R'")
        let new = Self.rating("'G', 'PG', 'R', 'NC-17'")
        #expect(PostgreSQLDialect().canAlterInPlace(old, to: new))
        // Removing values re-creates the type under its columns: still not a drop and create.
        #expect(PostgreSQLDialect().canAlterInPlace(new, to: old))
        #expect(
            renderer.statements(for: .alterObject(from: old, to: new)) == [
                "ALTER TYPE rating ADD VALUE 'PG' BEFORE 'R'", "ALTER TYPE rating ADD VALUE 'NC-17' AFTER 'R'",
            ])
    }

    @Test func removesEnumValuesByRecreatingTheTypeAndTheViewsOverItsColumns() {
        let old = Self.rating("'G', 'R'")
        let new = Self.rating("'G', 'PG', 'R'")
        let schema = Schema(tables: [Self.film], objects: [new, Self.list])
        #expect(
            renderer.statements(for: .alterObject(from: new, to: old), current: schema, target: schema) == [
                "DROP VIEW film_list",
                "ALTER TYPE rating RENAME TO rating__migrate_old",
                "CREATE TYPE rating AS ENUM ('G', 'R')",
                "ALTER TABLE film ALTER COLUMN rating DROP DEFAULT",
                "ALTER TABLE film ALTER COLUMN rating TYPE rating USING rating::text::rating",
                "ALTER TABLE film ALTER COLUMN rating SET DEFAULT 'G'::rating",
                "DROP TYPE rating__migrate_old",
                "CREATE VIEW film_list AS SELECT rating FROM film",
            ])
    }

    /// A view over the column that the same revision changes is dropped
    /// before and created after by its own changes: re-creating the type
    /// leaves it alone rather than dropping it a second time.
    @Test func leavesAViewTheChangeListReCreatesToItsOwnChanges() {
        let old = Self.rating("'G', 'R'")
        let new = Self.rating("'G', 'PG', 'R'")
        var changed = Self.list
        changed.definition = "CREATE VIEW film_list AS SELECT id, rating FROM film"
        changed.createStatements = [changed.definition]
        let current = Schema(tables: [Self.film], objects: [new, changed])
        let target = Schema(tables: [Self.film], objects: [old, Self.list])
        let statements = renderer.statements(for: .alterObject(from: new, to: old), current: current, target: target)
        #expect(!statements.contains { $0.contains("VIEW") }, "\(statements)")
        #expect(statements.first == "ALTER TYPE rating RENAME TO rating__migrate_old")
    }

    @Test func replacesAFunctionInPlaceOnlyWhenItsSignatureAndResultStay() {
        func function(_ body: String, returns: String = "integer") -> SchemaObject {
            let definition = "CREATE OR REPLACE FUNCTION f(x integer)\n RETURNS \(returns)\n LANGUAGE sql\nAS $function$\(body)$function$"
            return SchemaObject(
                kind: .function, name: "f(integer)", definition: definition, createStatements: [definition],
                dropStatements: ["DROP FUNCTION f(integer)"])
        }
        #expect(PostgreSQLDialect().canAlterInPlace(function("SELECT x"), to: function("SELECT x + 1")))
        #expect(!PostgreSQLDialect().canAlterInPlace(function("SELECT x"), to: function("SELECT x", returns: "bigint")))
        #expect(
            renderer.statements(for: .alterObject(from: function("SELECT x"), to: function("SELECT 2"))) == [
                function("SELECT 2").definition
            ])
    }

    @Test func writesIndexMethodsOperatorClassesIncludeAndNullsNotDistinct() {
        let index = Index(
            name: "t_name", keys: [IndexKey(text: "name", isExpression: false, operatorClass: "text_pattern_ops")],
            isUnique: true, method: "hash", includedColumns: ["id"], nullsNotDistinct: true)
        #expect(
            renderer.createIndex(index, table: "t")
                == "CREATE UNIQUE INDEX t_name ON t USING hash (name text_pattern_ops) INCLUDE (id) NULLS NOT DISTINCT")
    }

    @Test func writesGeneratedColumnsPartitionsAndInheritance() {
        let parent = Table(
            name: "event",
            columns: [
                Column(name: "at", type: "date", isNullable: false),
                Column(name: "day", type: "integer", generated: Column.Generated(expression: "EXTRACT(day FROM at)", isStored: true)),
            ],
            options: ["partition by": "RANGE (at)"])
        #expect(
            renderer.createTable(parent) == [
                "CREATE TABLE event (\n    at date NOT NULL,\n    day integer GENERATED ALWAYS AS (EXTRACT(day FROM at)) STORED\n) PARTITION BY RANGE (at)"
            ])
        let partition = Table(
            name: "event_2025", options: ["partition of": "event", "partition bound": "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"],
            parentTables: ["event"])
        #expect(
            renderer.createTable(partition) == [
                "CREATE TABLE event_2025 PARTITION OF event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"
            ])
        let child = Table(
            name: "special", columns: [Column(name: "extra", type: "text")], options: ["inherits": "event"], parentTables: ["event"])
        #expect(renderer.createTable(child) == ["CREATE TABLE special (\n    extra text\n) INHERITS (event)"])
        #expect(
            renderer.statements(for: .setTableOptions(table: "special", from: child.options, to: [:]))
                == ["ALTER TABLE special NO INHERIT event"])
    }
}
