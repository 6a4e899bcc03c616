import Foundation
import Testing

@testable import MigrateKit

/// SQLite's views, triggers, generated columns, table options and virtual
/// tables, read and carried through rebuilds on real databases (issue 8).
@Suite("SQLite objects")
struct SQLiteObjectScenarioTests {
    static let sakilaLike = """
        CREATE TABLE address (address_id INTEGER PRIMARY KEY, city VARCHAR(50), last_update TEXT);
        CREATE TABLE customer (customer_id INTEGER PRIMARY KEY, name VARCHAR(50),
            address_id INTEGER REFERENCES address (address_id));
        CREATE VIEW customer_list AS
            SELECT c.customer_id, c.name, a.city FROM customer c JOIN address a ON a.address_id = c.address_id;
        CREATE TRIGGER address_updated AFTER UPDATE ON address BEGIN
            UPDATE address SET last_update = 'now' WHERE address_id = NEW.address_id;
        END;
        """
    static let sakilaSeed = """
        INSERT INTO address (address_id, city) VALUES (1, 'Lyon'), (2, 'Oslo');
        INSERT INTO customer (customer_id, name, address_id) VALUES (1, 'ada', 1), (2, 'grace', 2);
        """

    @Test func readsViewsTriggersGeneratedColumnsOptionsAndNamesVirtualTables() throws {
        let database = try ScratchDatabase(.sqlite)
        try database.run(
            Self.sakilaLike + """

                CREATE TABLE film (id INTEGER PRIMARY KEY, title TEXT NOT NULL,
                    shout TEXT GENERATED ALWAYS AS (upper(title)) VIRTUAL, size INT AS (length(title)) STORED) STRICT;
                CREATE TABLE tag (name TEXT PRIMARY KEY) WITHOUT ROWID;
                CREATE VIRTUAL TABLE film_text USING fts5(title, description);
                CREATE TABLE "Order Details" (id INTEGER PRIMARY KEY);
                CREATE VIEW [Order Count] AS SELECT count(*) AS n FROM [Order Details];
                """)
        let schema = try database.inspect()
        #expect(schema.tableNames == ["Order Details", "address", "customer", "film", "tag"])
        #expect(schema.objects["view Order Count"]?.dependencies == ["Order Details"])
        #expect(schema.unmodelled == [UnmodelledObject(kind: "virtual table", name: "film_text")])
        let view = try #require(schema.objects["view customer_list"])
        #expect(view.dependencies == ["address", "customer"])
        #expect(view.definition.hasPrefix("CREATE VIEW CUSTOMER_LIST AS SELECT C . CUSTOMER_ID"))
        let trigger = try #require(schema.objects["trigger address.address_updated"])
        #expect(trigger.dropStatements == ["DROP TRIGGER address_updated"])
        let film = try #require(schema.tables["film"])
        #expect(film.options == ["strict": "true"])
        #expect(film.column(named: "shout")?.generated == Column.Generated(expression: "upper(title)", isStored: false))
        #expect(film.column(named: "size")?.generated == Column.Generated(expression: "length(title)", isStored: true))
        #expect(schema.tables["tag"]?.options == ["without rowid": "true"])
    }

    /// The number of catalog queries does not grow with views and triggers.
    @Test func queryCountDoesNotDependOnTheNumberOfObjects() throws {
        func queries(tables: Int) throws -> Int {
            let database = try ScratchDatabase(.sqlite)
            var script = ""
            for index in 0..<tables {
                script += """
                    CREATE TABLE t\(index) (id INTEGER PRIMARY KEY, name TEXT, n INT AS (length(name)));
                    CREATE VIEW v\(index) AS SELECT id FROM t\(index);
                    CREATE TRIGGER g\(index) AFTER INSERT ON t\(index) BEGIN SELECT 1; END;
                    CREATE VIRTUAL TABLE f\(index) USING fts5(body);

                    """
            }
            try database.run(script)
            let counting = CountingConnection(database.connection)
            let schema = try SQLiteInspector().inspect(counting, excluding: [])
            #expect(schema.tables.count == tables && schema.objects.count == 2 * tables)
            return counting.queries
        }
        let one = try queries(tables: 1)
        #expect(try queries(tables: 30) == one)
        #expect(one == 4)
    }

    /// "error in view customer_list: no such table: main.address", and the
    /// trigger lost by the rebuild that made `downgrade base` fail later.
    @Test func aRebuildKeepsTheViewsAndTriggersAndDowngradesToBase() throws {
        let project = try AutogenerateProject(.sqlite)
        try project.declare(Self.sakilaLike)
        try project.expectSuccess("revision", "--autogenerate", "-m", "from empty")
        try project.expectSuccess("upgrade", "head")
        try project.execute(Self.sakilaSeed)
        try project.declare(Self.sakilaLike.replacingOccurrences(of: "city VARCHAR(50)", with: "city VARCHAR(80) NOT NULL DEFAULT ''"))
        try project.expectSuccess("revision", "--autogenerate", "-m", "widen city")
        let upgraded = try project.run("upgrade", "head")
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        #expect(try project.run("check").status == 0)
        let schema = try project.inspect()
        #expect(schema.objects.keys.sorted() == ["trigger address.address_updated", "view customer_list"])
        #expect(try project.count("customer_list") == 2)
        let verified = try project.run("verify")
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        try project.expectSuccess("downgrade", "-1")
        #expect(try project.run("check").status == 1)
        let down = try project.run("downgrade", "base")
        #expect(down.status == 0, "\(down.stderr)")
        #expect(try project.inspect() == Schema())
    }

    /// An orphan row made by a rebuild used to pass with "Done".
    @Test func anOrphanRowFailsTheRebuildAndNamesTheTable() throws {
        let project = try AutogenerateProject(.sqlite)
        let old = """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER);
            """
        try project.write("aaaa00000001", message: "Old schema", upgrade: old)
        try project.expectSuccess("upgrade", "head")
        try project.execute("INSERT INTO parent (id) VALUES (1); INSERT INTO child (id, parent_id) VALUES (1, 1), (2, 99);")
        try project.declare(old.replacingOccurrences(of: "parent_id INTEGER)", with: "parent_id INTEGER REFERENCES parent (id))"))
        try project.expectSuccess("revision", "--autogenerate", "-m", "add the key")
        let upgraded = try project.run("upgrade", "head")
        #expect(upgraded.status == 1)
        #expect(upgraded.stderr.contains("foreign key violations after rebuilding child"), "\(upgraded.stderr)")
        #expect(try project.run("current").stdout.contains("aaaa00000001"))
        #expect(try project.inspect().tables["child"]?.foreignKeys == [])
        #expect(try project.count("child") == 2)
    }

    /// A nullable column with `REFERENCES` is one `ALTER TABLE`, no rebuild.
    @Test func aNullableColumnWithReferencesIsAddedWithoutARebuild() throws {
        let project = try AutogenerateProject(.sqlite)
        let old = "CREATE TABLE parent (id INTEGER PRIMARY KEY);\nCREATE TABLE child (id INTEGER PRIMARY KEY);"
        try project.write("aaaa00000001", message: "Old schema", upgrade: old)
        try project.expectSuccess("upgrade", "head")
        try project.declare(
            old.replacingOccurrences(
                of: "(id INTEGER PRIMARY KEY);\nCREATE TABLE child (id INTEGER PRIMARY KEY)",
                with: "(id INTEGER PRIMARY KEY);\nCREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id))"))
        try project.expectSuccess("revision", "--autogenerate", "-m", "add the column")
        let path = try #require(try project.revisionFiles().first { !$0.contains("aaaa00000001") })
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let upgrade = try #require(text.components(separatedBy: "-- migrate:downgrade").first)
        #expect(upgrade.contains("ALTER TABLE child ADD COLUMN parent_id INTEGER REFERENCES parent (id);"), "\(text)")
        #expect(!upgrade.contains("_new_child"))
        try project.expectSuccess("upgrade", "head")
        #expect(try project.run("check").status == 0)
    }
}
