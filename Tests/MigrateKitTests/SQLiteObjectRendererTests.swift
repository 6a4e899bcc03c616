import Testing

@testable import MigrateKit

/// SQLite's views, triggers, generated columns and table options as the
/// differ plans and the renderer writes them (issue 8).
@Suite("SQLiteRenderer: objects")
struct SQLiteObjectRendererTests {
    let renderer = SQLiteRenderer()
    let differ = SchemaDiffer(dialect: SQLiteDialect())

    static let address = Table(
        name: "address",
        columns: [
            Column(name: "id", type: "INTEGER", isNullable: false),
            Column(name: "city", type: "TEXT"),
        ],
        primaryKey: PrimaryKey(columns: ["id"]))
    static let customer = Table(
        name: "customer",
        columns: [
            Column(name: "id", type: "INTEGER", isNullable: false),
            Column(name: "name", type: "TEXT"),
        ],
        primaryKey: PrimaryKey(columns: ["id"]))

    static func view(_ name: String, _ sql: String, reads: [String]) -> SchemaObject {
        SchemaObject(
            kind: .view, name: name, definition: SQLiteInspector.normalizedDefinition(sql), createStatements: [sql],
            dropStatements: ["DROP VIEW \(name)"], dependencies: reads)
    }

    static let customerList = view(
        "customer_list", "CREATE VIEW customer_list AS SELECT c.name, a.city FROM customer c JOIN address a ON a.id = c.id",
        reads: ["address", "customer"])
    static let touch = SchemaObject(
        kind: .trigger, name: "address_touch", table: "address",
        definition: "CREATE TRIGGER address_touch AFTER UPDATE ON address BEGIN SELECT 1; END",
        createStatements: ["CREATE TRIGGER address_touch AFTER UPDATE ON address BEGIN SELECT 1; END"],
        dropStatements: ["DROP TRIGGER address_touch"], dependencies: ["address"])

    private func render(_ old: Schema, _ new: Schema) -> (upgrade: String, downgrade: String) {
        renderer.renderRevision(differ.changes(from: old, to: new), current: old, target: new)
    }

    @Test func aRebuildDropsTheViewsReadingTheTableAndItsTriggersFirstAndCreatesThemAfter() {
        var changed = Self.address
        changed.columns[1].type = "VARCHAR(80)"
        let old = Schema(tables: [Self.address, Self.customer], objects: [Self.customerList, Self.touch])
        let new = Schema(tables: [changed, Self.customer], objects: [Self.customerList, Self.touch])
        for sql in [render(old, new).upgrade, render(new, old).upgrade] {
            let statements = sql.split(separator: ";\n").map { $0.split(separator: "\n").filter { !$0.hasPrefix("--") } }
                .map { $0.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines) }
            let position = { (prefix: String) in statements.firstIndex { $0.hasPrefix(prefix) } ?? -1 }
            #expect(position("DROP VIEW customer_list") >= 0, "\(sql)")
            #expect(position("DROP VIEW customer_list") < position("CREATE TABLE \"_new_address\""))
            #expect(position("DROP TRIGGER address_touch") < position("CREATE TABLE \"_new_address\""))
            #expect(position("CREATE VIEW customer_list") > position("ALTER TABLE \"_new_address\" RENAME"))
            #expect(position("CREATE TRIGGER address_touch") > position("ALTER TABLE \"_new_address\" RENAME"))
        }
    }

    @Test func aRebuildOfAnotherTableOrAnAddedColumnLeavesViewsAlone() {
        var added = Self.address
        added.columns.append(Column(name: "zip", type: "TEXT"))
        let old = Schema(tables: [Self.address, Self.customer], objects: [Self.customerList, Self.touch])
        let new = Schema(tables: [added, Self.customer], objects: [Self.customerList, Self.touch])
        #expect(differ.changes(from: old, to: new) == [.addColumn(table: "address", added.columns[2])])
    }

    @Test func aDroppedColumnThatAViewNamesDropsTheViewFirst() {
        var customer = Self.customer
        customer.columns.append(Column(name: "email", type: "TEXT"))
        let emails = Self.view("emails", "CREATE VIEW emails AS SELECT email FROM customer", reads: ["customer"])
        let old = Schema(tables: [customer], objects: [emails])
        var without = emails
        without.createStatements = ["CREATE VIEW emails AS SELECT name FROM customer"]
        without.definition = SQLiteInspector.normalizedDefinition(without.createStatements[0])
        let new = Schema(tables: [Self.customer], objects: [without])
        let upgrade = render(old, new).upgrade
        let drop = upgrade.range(of: "DROP VIEW emails")!.lowerBound
        #expect(drop < upgrade.range(of: "ALTER TABLE customer DROP COLUMN email")!.lowerBound, "\(upgrade)")
    }

    @Test func addsANullableColumnWithReferencesWithAlterTable() {
        var customer = Self.customer
        customer.columns.append(Column(name: "address_id", type: "INTEGER"))
        customer.foreignKeys = [
            ForeignKey(
                name: "customer_address", columns: ["address_id"], referencedTable: "address",
                referencedColumns: ["id"], onDelete: .setNull)
        ]
        let (upgrade, downgrade) = render(
            Schema(tables: [Self.address, Self.customer]), Schema(tables: [Self.address, customer]))
        #expect(
            upgrade == """
                -- add column customer.address_id INTEGER
                ALTER TABLE customer ADD COLUMN address_id INTEGER CONSTRAINT customer_address REFERENCES address (id) ON DELETE SET NULL;

                -- add foreign key customer_address customer(address_id) → address(id) ON DELETE SET NULL

                """)
        // DROP COLUMN refuses a column in a foreign key: the downgrade rebuilds.
        #expect(downgrade.contains("ALTER TABLE \"_new_customer\" RENAME TO customer"))
    }

    @Test func writesGeneratedColumnsAndTableOptionsAndRebuildsForAStoredOne() {
        var table = Self.customer
        table.columns.append(
            Column(name: "upper_name", type: "TEXT", generated: Column.Generated(expression: "upper(name)", isStored: false)))
        table.options = ["strict": "true", "without rowid": "true"]
        let created = render(Schema(), Schema(tables: [table])).upgrade
        #expect(
            created.contains(
                """
                    upper_name TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL,
                    PRIMARY KEY (id)
                ) WITHOUT ROWID, STRICT;
                """), "\(created)")

        var stored = Self.customer
        stored.columns.append(
            Column(name: "upper_name", type: "TEXT", generated: Column.Generated(expression: "upper(name)", isStored: true)))
        let upgrade = render(Schema(tables: [Self.customer]), Schema(tables: [stored])).upgrade
        // "Cannot add a STORED column": rebuilt, and the new column is not copied.
        #expect(upgrade.contains("INSERT INTO \"_new_customer\" (id, name)\n"), "\(upgrade)")
        var virtual = stored
        virtual.columns[2].generated?.isStored = false
        #expect(
            render(Schema(tables: [Self.customer]), Schema(tables: [virtual])).upgrade.contains(
                "ALTER TABLE customer ADD COLUMN upper_name TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL;"))
    }

    @Test func aChangedTableOptionRebuildsTheTable() {
        var strict = Self.customer
        strict.options = ["strict": "true"]
        let (upgrade, downgrade) = render(Schema(tables: [Self.customer]), Schema(tables: [strict]))
        #expect(upgrade.contains("-- change options of table customer: strict default → true"), "\(upgrade)")
        #expect(upgrade.contains("\n) STRICT;\n"))
        #expect(downgrade.contains("ALTER TABLE \"_new_customer\" RENAME TO customer"))
        #expect(!downgrade.contains("STRICT"))
    }

    @Test func theRebuildEndsWithACheckThatFailsOnOrphanRowsOfTheTableAndOfItsChildren() {
        var customer = Self.customer
        customer.foreignKeys = [ForeignKey(columns: ["id"], referencedTable: "address", referencedColumns: ["id"])]
        let schema = Schema(tables: [Self.address, customer])
        let statements = renderer.foreignKeyCheck(after: "address", current: schema, target: schema)
        // A referencing table the revision creates later is not checked: it is not there yet.
        #expect(
            renderer.foreignKeyCheck(after: "address", current: Schema(tables: [Self.address]), target: schema)[1]
                == "INSERT INTO \"_migrate_foreign_key_check\" SELECT count(*) FROM (\n"
                + "    SELECT 1 FROM pragma_foreign_key_check('address')\n)")
        #expect(
            statements == [
                "CREATE TEMP TABLE \"_migrate_foreign_key_check\" (violations INTEGER CONSTRAINT \"foreign key "
                    + "violations after rebuilding address: rows reference missing parents; PRAGMA "
                    + "foreign_key_check(address), PRAGMA foreign_key_check(customer) lists them\" CHECK (violations = 0))",
                """
                INSERT INTO "_migrate_foreign_key_check" SELECT count(*) FROM (
                    SELECT 1 FROM pragma_foreign_key_check('address')
                    UNION ALL SELECT 1 FROM pragma_foreign_key_check('customer') WHERE parent = 'address'
                )
                """,
                "DROP TABLE \"_migrate_foreign_key_check\"",
            ])
    }

    @Test func comparesViewAndTriggerTextWithoutCommentsSpacingOrKeywordCase() {
        #expect(
            SQLiteInspector.normalizedDefinition("CREATE VIEW v as\n  select  a, 'x  y' -- note\n FROM \"T\"")
                == SQLiteInspector.normalizedDefinition("CREATE VIEW v AS SELECT a, 'x  y' from \"T\""))
        #expect(
            SQLiteInspector.normalizedDefinition("CREATE VIEW v AS SELECT 'a'")
                != SQLiteInspector.normalizedDefinition("CREATE VIEW v AS SELECT 'A'"))
    }
}
