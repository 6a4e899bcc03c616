import Foundation
import Testing

@testable import MigrateKit

/// Each dialect's inspector against a real database: DDL covering every
/// element of the schema model in, the exact model out.
@Suite("Schema inspector")
struct InspectorTests {
    @Test(arguments: TestBackend.allCases)
    func readsEveryElementOfTheModel(_ backend: TestBackend) throws {
        let database = try ScratchDatabase(backend)
        try database.run(Self.ddl[backend]!)
        let schema = try database.inspect()
        #expect(schema.tableNames == ["authors", "books"])
        #expect(schema[table: "authors"] == Self.expected[backend]![0])
        #expect(schema[table: "books"] == Self.expected[backend]![1])
    }

    @Test(arguments: TestBackend.allCases)
    func inspectingTheSameDDLTwiceGivesEqualModels(_ backend: TestBackend) throws {
        let first = try ScratchDatabase(backend)
        let second = try ScratchDatabase(backend)
        try first.run(Self.ddl[backend]!)
        try second.run(Self.ddl[backend]!)
        #expect(try first.inspect() == second.inspect())
        #expect(try first.inspect() == first.inspect())
    }

    @Test(arguments: TestBackend.allCases)
    func leavesOutExcludedTables(_ backend: TestBackend) throws {
        let database = try ScratchDatabase(backend)
        try database.run(
            """
            CREATE TABLE keep_me (id INTEGER PRIMARY KEY);
            CREATE TABLE tmp_1 (id INTEGER PRIMARY KEY);
            CREATE TABLE tmp_22 (id INTEGER PRIMARY KEY);
            CREATE TABLE audit_a (id INTEGER PRIMARY KEY);
            CREATE TABLE audit_bb (id INTEGER PRIMARY KEY);
            """)
        #expect(try database.inspect(excluding: ["tmp_*", "audit_?"]).tableNames == ["audit_bb", "keep_me"])
        #expect(try database.inspect(excluding: ["*"]).tableNames == [])
        #expect(try database.inspect().tableNames == ["audit_a", "audit_bb", "keep_me", "tmp_1", "tmp_22"])
    }

    @Test(arguments: TestBackend.allCases)
    func migratorLeavesOutTheVersionTableAndExcludeTables(_ backend: TestBackend) throws {
        let database = try ScratchDatabase(backend)
        try database.run(
            """
            CREATE TABLE notes (id INTEGER PRIMARY KEY);
            CREATE TABLE legacy_log (id INTEGER PRIMARY KEY);
            CREATE TABLE my_versions (revision VARCHAR(64) PRIMARY KEY);
            """)
        var config = MigrateConfig(scriptLocation: "/nonexistent", url: database.url)
        config.versionTable = "my_versions"
        config.excludeTables = ["legacy_*"]
        #expect(try Migrator(config).inspect().tableNames == ["notes"])
    }

    /// The number of catalog queries does not grow with the number of tables.
    @Test(arguments: TestBackend.allCases)
    func queryCountDoesNotDependOnTableCount(_ backend: TestBackend) throws {
        func queries(tables: Int) throws -> Int {
            let database = try ScratchDatabase(backend)
            var script = "CREATE TABLE parent (id INTEGER PRIMARY KEY, name VARCHAR(50));\n"
            for index in 1..<tables {
                script += """
                    CREATE TABLE t\(index) (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), \
                    name VARCHAR(50) UNIQUE, CHECK (id > 0));
                    CREATE INDEX t\(index)_name ON t\(index) (name, id);

                    """
            }
            try database.run(script)
            let counting = CountingConnection(database.connection)
            let schema = try backend.dialect.inspector.inspect(counting, excluding: [])
            #expect(schema.tables.count == tables)
            return counting.queries
        }
        let one = try queries(tables: 1)
        #expect(try queries(tables: 30) == one)
        // MySQL: five more for views, triggers, routines, their parameters and events;
        // PostgreSQL reads its other objects with eight more (see PostgreSQLObjectInspectorTests).
        #expect(one <= (backend == .mysql ? 13 : backend == .postgresql ? 12 : 8))
    }
}
