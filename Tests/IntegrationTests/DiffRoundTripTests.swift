import Foundation
import Testing

@testable import MigrateKit

/// The differ and each dialect's renderer against real databases: for each
/// pair of schemas, the rendered upgrade turns the old into the new and the
/// downgrade turns it back, keeping the data.
@Suite("Diff round trips")
struct DiffRoundTripTests {
    static let base = "CREATE TABLE items (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, price INTEGER);"
    static let row = "INSERT INTO items (id, name, price) VALUES (1, 'pen', 3);"

    static let cases: [DiffRoundTrip] = [
        DiffRoundTrip(
            "create table referencing another", old: base,
            new: base + """

                CREATE TABLE tags (
                    id INTEGER NOT NULL PRIMARY KEY,
                    item_id INTEGER NOT NULL,
                    label VARCHAR(20),
                    CONSTRAINT tags_item_fk FOREIGN KEY (item_id) REFERENCES items (id) ON DELETE CASCADE
                );
                CREATE INDEX tags_label ON tags (label);
                """, insert: row, table: "items"),
        DiffRoundTrip(
            "add nullable column", old: base,
            new: base.replacingOccurrences(of: "price INTEGER", with: "price INTEGER, note TEXT"), insert: row,
            table: "items"),
        DiffRoundTrip(
            "add NOT NULL column with default", old: base,
            new: base.replacingOccurrences(
                of: "price INTEGER", with: "price INTEGER, status VARCHAR(10) NOT NULL DEFAULT 'new'"),
            insert: row, table: "items"),
        DiffRoundTrip(
            "drop column", old: base, new: base.replacingOccurrences(of: ", price INTEGER", with: ""), insert: row,
            table: "items"),
        DiffRoundTrip(
            "widen varchar with an index kept", old: base + "\nCREATE INDEX items_name ON items (name);",
            new: base.replacingOccurrences(of: "VARCHAR(50)", with: "VARCHAR(200)")
                + "\nCREATE INDEX items_name ON items (name);", insert: row, table: "items"),
        DiffRoundTrip(
            "integer to bigint and nullability", old: base,
            new: base.replacingOccurrences(of: "price INTEGER", with: "price BIGINT NOT NULL"), insert: row,
            table: "items"),
        DiffRoundTrip(
            "default added", old: base,
            new: base.replacingOccurrences(of: "price INTEGER", with: "price INTEGER DEFAULT 0"), insert: row,
            table: "items"),
        DiffRoundTrip(
            "unique constraint added", old: base,
            new: base.replacingOccurrences(of: "price INTEGER", with: "price INTEGER, CONSTRAINT items_name_key UNIQUE (name)"),
            insert: row, table: "items"),
        DiffRoundTrip(
            "index columns and uniqueness changed", old: base + "\nCREATE INDEX items_lookup ON items (name);",
            new: base + "\nCREATE UNIQUE INDEX items_lookup ON items (name, price);", insert: row, table: "items"),
        DiffRoundTrip(
            "check constraint added", old: base,
            new: base.replacingOccurrences(
                of: "price INTEGER", with: "price INTEGER, CONSTRAINT items_price_check CHECK (price >= 0)"),
            insert: row, table: "items"),
        DiffRoundTrip(
            "primary key widened",
            old: "CREATE TABLE pairs (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a));",
            new: "CREATE TABLE pairs (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b));",
            insert: "INSERT INTO pairs (a, b) VALUES (1, 2);", table: "pairs"),
        DiffRoundTrip(
            "foreign key added with an action",
            old:
                "CREATE TABLE owners (id INTEGER NOT NULL PRIMARY KEY);\nCREATE TABLE pets (id INTEGER NOT NULL PRIMARY KEY, owner_id INTEGER);",
            new: """
                CREATE TABLE owners (id INTEGER NOT NULL PRIMARY KEY);
                CREATE TABLE pets (id INTEGER NOT NULL PRIMARY KEY, owner_id INTEGER,
                    CONSTRAINT pets_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id) ON DELETE SET NULL);
                """, insert: "INSERT INTO owners (id) VALUES (1); INSERT INTO pets (id, owner_id) VALUES (1, 1);",
            table: "pets"),
        DiffRoundTrip(
            "tables that reference each other", old: [nil: base],
            new: [
                nil: base + """

                    CREATE TABLE x (id INTEGER NOT NULL PRIMARY KEY, y_id INTEGER);
                    CREATE TABLE y (id INTEGER NOT NULL PRIMARY KEY, x_id INTEGER,
                        CONSTRAINT y_x_fk FOREIGN KEY (x_id) REFERENCES x (id));
                    ALTER TABLE x ADD CONSTRAINT x_y_fk FOREIGN KEY (y_id) REFERENCES y (id);
                    """,
                .sqlite: base + """

                    CREATE TABLE x (id INTEGER NOT NULL PRIMARY KEY, y_id INTEGER,
                        CONSTRAINT x_y_fk FOREIGN KEY (y_id) REFERENCES y (id));
                    CREATE TABLE y (id INTEGER NOT NULL PRIMARY KEY, x_id INTEGER,
                        CONSTRAINT y_x_fk FOREIGN KEY (x_id) REFERENCES x (id));
                    """,
            ], insert: row, table: "items"),
        DiffRoundTrip(
            "drop table", old: base + "\nCREATE TABLE scratch (id INTEGER NOT NULL PRIMARY KEY, body TEXT);", new: base,
            insert: row, table: "items"),
        DiffRoundTrip(
            "partial index", old: base, new: base + "\nCREATE INDEX items_cheap ON items (price) WHERE price < 10;",
            insert: row, table: "items", backends: [.sqlite, .postgresql]),
        DiffRoundTrip(
            "comments", old: [nil: base],
            new: [
                .postgresql: base + "\nCOMMENT ON TABLE items IS 'Things for sale';\nCOMMENT ON COLUMN items.name IS 'What it''s called';",
                .mysql: base
                    + "\nALTER TABLE items COMMENT = 'Things for sale';\nALTER TABLE items MODIFY COLUMN name VARCHAR(50) NOT NULL COMMENT 'What it''s called';",
            ], insert: row, table: "items", backends: [.postgresql, .mysql]),
        DiffRoundTrip(
            "foreign key action changed",
            old: """
                CREATE TABLE owners (id INTEGER NOT NULL PRIMARY KEY);
                CREATE TABLE pets (id INTEGER NOT NULL PRIMARY KEY, owner_id INTEGER,
                    CONSTRAINT pets_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id));
                CREATE INDEX pets_owner ON pets (owner_id);
                """,
            new: """
                CREATE TABLE owners (id INTEGER NOT NULL PRIMARY KEY);
                CREATE TABLE pets (id INTEGER NOT NULL PRIMARY KEY, owner_id INTEGER,
                    CONSTRAINT pets_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id) ON DELETE CASCADE);
                CREATE INDEX pets_owner ON pets (owner_id);
                """, insert: "INSERT INTO owners (id) VALUES (1); INSERT INTO pets (id, owner_id) VALUES (1, 1);",
            table: "pets"),
        DiffRoundTrip(
            "default changed and dropped",
            old: "CREATE TABLE items (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) DEFAULT 'x', price INTEGER DEFAULT 1);",
            new: "CREATE TABLE items (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50), price INTEGER DEFAULT 2);",
            insert: row, table: "items"),
        DiffRoundTrip(
            "text to varchar", old: "CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, body TEXT);",
            new: "CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(100));",
            insert: "INSERT INTO notes (id, body) VALUES (1, 'hello');", table: "notes"),
        DiffRoundTrip(
            "expression index", old: base, new: base + "\nCREATE INDEX items_lower_name ON items (lower(name));",
            insert: row, table: "items", backends: [.sqlite, .postgresql]),
        DiffRoundTrip(
            "indexed column dropped", old: base + "\nCREATE INDEX items_price ON items (price);",
            new: base.replacingOccurrences(of: ", price INTEGER", with: ""), insert: row, table: "items"),
        DiffRoundTrip(
            "unique constraint dropped",
            old: base.replacingOccurrences(of: "price INTEGER", with: "price INTEGER, CONSTRAINT items_name_key UNIQUE (name)"),
            new: base, insert: row, table: "items"),
        DiffRoundTrip(
            "column added between others", old: base,
            new: base.replacingOccurrences(of: "name VARCHAR(50) NOT NULL,", with: "name VARCHAR(50) NOT NULL, sku TEXT,"),
            insert: row, table: "items", backends: [.sqlite, .mysql]),
        DiffRoundTrip(
            "identity added",
            old: [
                nil: "CREATE TABLE seqs (id INTEGER NOT NULL PRIMARY KEY, v INTEGER);",
                .postgresql: "CREATE TABLE seqs (id SERIAL PRIMARY KEY, v INTEGER);",
            ],
            new: [
                .sqlite: "CREATE TABLE seqs (id INTEGER PRIMARY KEY AUTOINCREMENT, v INTEGER);",
                .postgresql: "CREATE TABLE seqs (id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v INTEGER);",
                .mysql: "CREATE TABLE seqs (id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY, v INTEGER);",
            ], insert: "INSERT INTO seqs (id, v) VALUES (1, 1);", table: "seqs"),
        DiffRoundTrip(
            "self-referencing table created", old: base,
            new: base + """

                CREATE TABLE nodes (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER,
                    CONSTRAINT nodes_parent_fk FOREIGN KEY (parent_id) REFERENCES nodes (id));
                """, insert: row, table: "items"),
        DiffRoundTrip(
            "referenced table changed, child rows kept",
            old: """
                CREATE TABLE owners (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20));
                CREATE TABLE pets (id INTEGER NOT NULL PRIMARY KEY, owner_id INTEGER,
                    CONSTRAINT pets_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id) ON DELETE CASCADE);
                """,
            new: """
                CREATE TABLE owners (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL DEFAULT '');
                CREATE TABLE pets (id INTEGER NOT NULL PRIMARY KEY, owner_id INTEGER,
                    CONSTRAINT pets_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id) ON DELETE CASCADE);
                """,
            insert: "INSERT INTO owners (id, name) VALUES (1, 'ann'); INSERT INTO pets (id, owner_id) VALUES (1, 1);",
            table: "pets"),
        DiffRoundTrip(
            "referenced key and its foreign key column widened",
            old: """
                CREATE TABLE owners (id INTEGER NOT NULL PRIMARY KEY);
                CREATE TABLE pets (id INTEGER NOT NULL PRIMARY KEY, owner_id INTEGER,
                    CONSTRAINT pets_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id));
                """,
            new: """
                CREATE TABLE owners (id BIGINT NOT NULL PRIMARY KEY);
                CREATE TABLE pets (id INTEGER NOT NULL PRIMARY KEY, owner_id BIGINT,
                    CONSTRAINT pets_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id));
                """, insert: "INSERT INTO owners (id) VALUES (1); INSERT INTO pets (id, owner_id) VALUES (1, 1);",
            table: "pets"),
        DiffRoundTrip(
            "referenced unique key replaced",
            old: """
                CREATE TABLE codes (id INTEGER NOT NULL PRIMARY KEY, code VARCHAR(10) NOT NULL,
                    CONSTRAINT codes_code_key UNIQUE (code));
                CREATE TABLE uses (id INTEGER NOT NULL PRIMARY KEY, code VARCHAR(10),
                    CONSTRAINT uses_code_fk FOREIGN KEY (code) REFERENCES codes (code));
                """,
            new: """
                CREATE TABLE codes (id INTEGER NOT NULL PRIMARY KEY, code VARCHAR(10) NOT NULL,
                    CONSTRAINT codes_code_uq UNIQUE (code));
                CREATE TABLE uses (id INTEGER NOT NULL PRIMARY KEY, code VARCHAR(10),
                    CONSTRAINT uses_code_fk FOREIGN KEY (code) REFERENCES codes (code));
                """,
            insert: "INSERT INTO codes (id, code) VALUES (1, 'a'); INSERT INTO uses (id, code) VALUES (1, 'a');",
            table: "uses"),
        DiffRoundTrip(
            "serial replaced by a plain default", old: "CREATE TABLE seqs (id SERIAL PRIMARY KEY, v INTEGER);",
            new: "CREATE TABLE seqs (id INTEGER NOT NULL DEFAULT 0 PRIMARY KEY, v INTEGER);",
            insert: "INSERT INTO seqs (v) VALUES (1);", table: "seqs", backends: [.postgresql]),
    ]

    @Test(arguments: TestBackend.allCases, cases)
    func upgradeReachesTheNewSchemaAndDowngradeTheOld(_ backend: TestBackend, _ roundTrip: DiffRoundTrip) throws {
        try roundTrip.run(on: backend)
    }

    @Test(arguments: TestBackend.allCases)
    func aConfirmedRenameIsWrittenAsARenameBothWays(_ backend: TestBackend) throws {
        var roundTrip = DiffRoundTrip(
            "rename column", old: Self.base, new: Self.base.replacingOccurrences(of: "price", with: "cost"),
            insert: Self.row, table: "items")
        roundTrip.renames = [RenameAnswer(table: "items", from: "price", to: "cost")]
        let outcome = try #require(try roundTrip.run(on: backend))
        #expect(outcome.upgrade.contains("ALTER TABLE items RENAME COLUMN price TO cost;"), "\(outcome.upgrade)")
        #expect(outcome.downgrade.contains("ALTER TABLE items RENAME COLUMN cost TO price;"), "\(outcome.downgrade)")
    }
}
