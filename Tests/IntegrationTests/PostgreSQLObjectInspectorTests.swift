import Foundation
import Testing

@testable import MigrateKit

/// The PostgreSQL inspector on the objects of issue 8: what it reads into
/// the model, what it names as not modelled, and that its number of queries
/// does not grow with the number of objects.
@Suite("PostgreSQL object inspector")
struct PostgreSQLObjectInspectorTests {
    static func objects(_ index: Int) -> String {
        """
        CREATE TYPE mood\(index) AS ENUM ('sad', 'happy');
        CREATE DOMAIN positive\(index) AS integer CHECK (VALUE > 0);
        CREATE SEQUENCE counter\(index);
        CREATE TABLE t\(index) (id INTEGER PRIMARY KEY, feeling mood\(index), n positive\(index),
            doubled INTEGER GENERATED ALWAYS AS (id * 2) STORED, tags TEXT[]);
        CREATE INDEX t\(index)_tags ON t\(index) USING gin (tags);
        CREATE VIEW v\(index) AS SELECT id, feeling FROM t\(index);
        CREATE MATERIALIZED VIEW m\(index) AS SELECT id FROM t\(index);
        CREATE FUNCTION f\(index)() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER tr\(index) BEFORE UPDATE ON t\(index) FOR EACH ROW EXECUTE FUNCTION f\(index)();
        CREATE RULE r\(index) AS ON DELETE TO t\(index) DO INSTEAD NOTHING;
        CREATE POLICY p\(index) ON t\(index) USING (true);

        """
    }

    @Test func queryCountDoesNotDependOnObjectCount() throws {
        func queries(_ count: Int) throws -> Int {
            let database = try ScratchDatabase(.postgresql)
            try database.run((1...count).map(Self.objects).joined())
            let counting = CountingConnection(database.connection)
            let schema = try database.backend.dialect.inspector.inspect(counting, excluding: [])
            #expect(schema.tables.count == count)
            #expect(schema.objects.count == count * 8)
            #expect(schema.unmodelled.count == count)
            return counting.queries
        }
        let one = try queries(1)
        #expect(try queries(20) == one)
        #expect(one <= 12)
    }

    @Test func readsObjectsWithTheirDefinitionsAndDependencies() throws {
        let database = try ScratchDatabase(.postgresql)
        try database.run(
            Self.objects(1) + """
                CREATE TABLE parent (id INTEGER, at DATE) PARTITION BY RANGE (at);
                CREATE TABLE part PARTITION OF parent FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                CREATE TABLE child (extra TEXT) INHERITS (t1);
                CREATE FUNCTION pick(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x';
                CREATE FUNCTION pick(x text) RETURNS text LANGUAGE sql AS 'SELECT x';
                """)
        let schema = try database.inspect()
        let view = try #require(schema.objects["view v1"])
        #expect(view.definition == "CREATE VIEW v1 AS\nSELECT t1.id,\n    t1.feeling\n   FROM t1")
        #expect(view.dependencies == ["t1"])
        #expect(schema.objects["type mood1"]?.definition == "CREATE TYPE mood1 AS ENUM ('sad', 'happy')")
        #expect(
            schema.objects["domain positive1"]?.definition
                == "CREATE DOMAIN positive1 AS integer CONSTRAINT positive1_check CHECK (VALUE > 0)")
        #expect(schema.objects["trigger t1.tr1"]?.dependencies == ["t1", "f1"])
        #expect(schema.objects["function pick(integer)"] != nil && schema.objects["function pick(text)"] != nil)
        #expect(schema.objects["function pick(text)"]?.definition.hasPrefix("CREATE OR REPLACE FUNCTION pick(x text)") == true)
        #expect(schema.unmodelled == [UnmodelledObject(kind: "policy", name: "p1 on t1")])
        let t1 = try #require(schema[table: "t1"])
        #expect(t1.column(named: "doubled")?.generated == Column.Generated(expression: "(id * 2)", isStored: true))
        #expect(t1.indexes.first?.method == "gin")
        #expect(schema[table: "parent"]?.options == ["partition by": "RANGE (at)"])
        #expect(
            schema[table: "part"]
                == Table(
                    name: "part",
                    options: ["partition of": "parent", "partition bound": "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"],
                    parentTables: ["parent"]))
        #expect(schema[table: "child"]?.columns.map(\.name) == ["extra"])
        #expect(schema[table: "child"]?.options == ["inherits": "t1"])
    }
}
