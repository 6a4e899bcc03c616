/// The corpus: schema changes an application makes in its first years, each
/// with the DDL before and after (issue 4).
extension CorpusCase {
    static let all: [CorpusCase] =
        tables + columns + types + nullability + defaults + keys + foreignKeys
        + uniques + indexes + partialIndexes + checks + comments + references + rebuilds + more + mysqlObjects
        + sqliteObjects + postgresqlObjects + postgresqlObjectChanges + postgresqlIncludedSchemas

    static let tables: [CorpusCase] = [
        CorpusCase("add a table", old: base, new: base + "\nCREATE TABLE tag (id INTEGER PRIMARY KEY, label VARCHAR(20) NOT NULL);"),
        CorpusCase("drop a table", old: base + "\nCREATE TABLE tag (id INTEGER PRIMARY KEY, label VARCHAR(20));", new: base),
        CorpusCase(
            "add a table with an index and a unique column", old: base,
            new: base + """

                CREATE TABLE tag (id INTEGER PRIMARY KEY, label VARCHAR(20) NOT NULL UNIQUE, weight INTEGER);
                CREATE INDEX tag_weight ON tag (weight);
                """),
    ]

    static let columns: [CorpusCase] = [
        CorpusCase(
            "add a nullable column", old: base,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), note VARCHAR(30));"),
        CorpusCase(
            "add a NOT NULL column with a default", old: base,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), score INTEGER NOT NULL DEFAULT 0);"),
        CorpusCase(
            "drop a nullable column", old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), note VARCHAR(30));",
            new: base),
        CorpusCase(
            "drop a NOT NULL column with a default",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), score INTEGER NOT NULL DEFAULT 0);",
            new: base),
        CorpusCase(
            "add two columns and drop one",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), legacy INTEGER);",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), a VARCHAR(10), b INTEGER DEFAULT 1);"),
        CorpusCase(
            "drop an indexed column",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), note VARCHAR(30));\nCREATE INDEX t_note ON t (note);",
            new: base),
    ]

    static let types: [CorpusCase] = [
        CorpusCase(
            "widen a varchar", old: base, new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(200));"),
        CorpusCase(
            "integer to bigint", old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), qty INTEGER);",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), qty BIGINT);"),
        CorpusCase(
            "text to varchar", old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(100));"),
        CorpusCase(
            "varchar to text", old: base, new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);"),
    ]

    static let nullability: [CorpusCase] = [
        CorpusCase("make a column NOT NULL", old: base, new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);"),
        CorpusCase("make a column nullable", old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);", new: base),
    ]

    static let defaults: [CorpusCase] = [
        CorpusCase(
            "add a default", old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), status VARCHAR(10));",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), status VARCHAR(10) DEFAULT 'new');"),
        CorpusCase(
            "change a text default",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), status VARCHAR(10) DEFAULT 'new');",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), status VARCHAR(10) DEFAULT 'open');"),
        CorpusCase(
            "drop a default",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), status VARCHAR(10) DEFAULT 'new');",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), status VARCHAR(10));"),
        CorpusCase(
            "change a numeric default",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), score INTEGER DEFAULT 0);",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), score INTEGER DEFAULT 5);"),
    ]

    static let keySeed = "INSERT INTO p (id, code) VALUES (1, 'a'), (2, 'b'), (3, 'c');"

    static let keys: [CorpusCase] = [
        CorpusCase(
            "widen a primary key",
            old: "CREATE TABLE p (id INTEGER NOT NULL, code VARCHAR(10) NOT NULL, PRIMARY KEY (id));",
            new: "CREATE TABLE p (id INTEGER NOT NULL, code VARCHAR(10) NOT NULL, PRIMARY KEY (id, code));",
            seed: keySeed, keep: "p"),
        CorpusCase(
            "move a primary key to another column",
            old: "CREATE TABLE p (id INTEGER NOT NULL, code VARCHAR(10) NOT NULL, PRIMARY KEY (id));",
            new: "CREATE TABLE p (id INTEGER NOT NULL, code VARCHAR(10) NOT NULL, PRIMARY KEY (code));",
            seed: keySeed, keep: "p"),
        CorpusCase(
            "add a primary key",
            old: "CREATE TABLE p (id INTEGER NOT NULL, code VARCHAR(10) NOT NULL);",
            new: "CREATE TABLE p (id INTEGER NOT NULL, code VARCHAR(10) NOT NULL, PRIMARY KEY (id));",
            seed: keySeed, keep: "p"),
    ]

    static let parent = "CREATE TABLE parent (id INTEGER PRIMARY KEY, name VARCHAR(50));"
    static func child(_ reference: String = "") -> String {
        "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER\(reference));\n"
            + "CREATE INDEX child_parent_id ON child (parent_id);"
    }
    static let fk = ", CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id)"
    static let familySeed = """
        INSERT INTO parent (id, name) VALUES (1, 'a'), (2, 'b');
        INSERT INTO child (id, parent_id) VALUES (1, 1), (2, 2), (3, NULL);
        """

    static let foreignKeys: [CorpusCase] = [
        CorpusCase(
            "add a foreign key", old: parent + "\n" + child(), new: parent + "\n" + child(fk),
            seed: familySeed, keep: "child"),
        CorpusCase(
            "drop a foreign key", old: parent + "\n" + child(fk), new: parent + "\n" + child(),
            seed: familySeed, keep: "child"),
        CorpusCase(
            "change ON DELETE", old: parent + "\n" + child(fk + " ON DELETE CASCADE"),
            new: parent + "\n" + child(fk + " ON DELETE SET NULL"), seed: familySeed, keep: "child"),
        CorpusCase(
            "change ON UPDATE", old: parent + "\n" + child(fk),
            new: parent + "\n" + child(fk + " ON UPDATE CASCADE"), seed: familySeed, keep: "child"),
        CorpusCase(
            "add a column with a foreign key",
            old: parent + "\nCREATE TABLE child (id INTEGER PRIMARY KEY);",
            new: parent + "\n" + child(fk),
            seed: "INSERT INTO parent (id, name) VALUES (1, 'a'); INSERT INTO child (id) VALUES (1), (2);",
            keep: "child"),
    ]

    static let uniques: [CorpusCase] = [
        CorpusCase(
            "add a unique constraint", old: base,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), CONSTRAINT t_name_key UNIQUE (name));"),
        CorpusCase(
            "drop a unique constraint",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), CONSTRAINT t_name_key UNIQUE (name));",
            new: base),
        CorpusCase(
            "add a two-column unique constraint",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), code VARCHAR(10));",
            new:
                "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), code VARCHAR(10), CONSTRAINT t_name_code_key UNIQUE (name, code));"
        ),
    ]

    static let indexed = "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), email VARCHAR(50));"
    static func index(_ text: String) -> String { indexed + "\n" + text }

    static let indexes: [CorpusCase] = [
        CorpusCase("add an index", old: indexed, new: index("CREATE INDEX t_name ON t (name);")),
        CorpusCase("drop an index", old: index("CREATE INDEX t_name ON t (name);"), new: indexed),
        CorpusCase(
            "change an index's columns", old: index("CREATE INDEX t_lookup ON t (name);"),
            new: index("CREATE INDEX t_lookup ON t (email);")),
        CorpusCase(
            "change an index's column order", old: index("CREATE INDEX t_lookup ON t (name, email);"),
            new: index("CREATE INDEX t_lookup ON t (email, name);")),
        CorpusCase(
            "make an index unique", old: index("CREATE INDEX t_lookup ON t (name);"),
            new: index("CREATE UNIQUE INDEX t_lookup ON t (name);")),
        CorpusCase(
            "make a unique index plain", old: index("CREATE UNIQUE INDEX t_lookup ON t (name);"),
            new: index("CREATE INDEX t_lookup ON t (name);")),
        CorpusCase(
            "add a descending index", old: indexed, new: index("CREATE INDEX t_name_desc ON t (name DESC);")),
    ]

    static let partialIndexes: [CorpusCase] = [
        CorpusCase(
            "add a partial index", old: indexed, new: index("CREATE INDEX t_named ON t (name) WHERE name IS NOT NULL;"),
            on: TestBackend.partialIndexes),
        CorpusCase(
            "change a partial index's predicate", old: index("CREATE INDEX t_named ON t (name) WHERE name IS NOT NULL;"),
            new: index("CREATE INDEX t_named ON t (name) WHERE email IS NOT NULL;"), on: TestBackend.partialIndexes),
        CorpusCase(
            "add an expression index", old: indexed, new: index("CREATE INDEX t_lower_name ON t (lower(name));"),
            on: TestBackend.partialIndexes),
        CorpusCase(
            "drop an expression index", old: index("CREATE UNIQUE INDEX t_lower_email ON t (lower(email));"),
            new: indexed, on: TestBackend.partialIndexes),
    ]

    static let checked = "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), qty INTEGER"
    static let checkSeed = "INSERT INTO t (id, name, qty) VALUES (1, 'a', 1), (2, 'b', 5), (3, 'c', 10);"

    static let checks: [CorpusCase] = [
        CorpusCase(
            "add a check constraint", old: checked + ");",
            new: checked + ", CONSTRAINT t_qty_positive CHECK (qty >= 0));", seed: checkSeed),
        CorpusCase(
            "drop a check constraint", old: checked + ", CONSTRAINT t_qty_positive CHECK (qty >= 0));",
            new: checked + ");", seed: checkSeed),
        CorpusCase(
            "change a check constraint", old: checked + ", CONSTRAINT t_qty_range CHECK (qty >= 0));",
            new: checked + ", CONSTRAINT t_qty_range CHECK (qty >= 0 AND qty <= 100));", seed: checkSeed),
    ]

    static let comments: [CorpusCase] = [
        CorpusCase(
            "add a table comment", old: base, new: "", on: TestBackend.comments,
            newFor: [
                .postgresql: base + "\nCOMMENT ON TABLE t IS 'People';",
                .mysql: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50)) COMMENT='People';",
            ]),
        CorpusCase(
            "change a table comment", old: "", new: "", on: TestBackend.comments,
            oldFor: [
                .postgresql: base + "\nCOMMENT ON TABLE t IS 'People';",
                .mysql: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50)) COMMENT='People';",
            ],
            newFor: [
                .postgresql: base + "\nCOMMENT ON TABLE t IS 'Everyone we know';",
                .mysql: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50)) COMMENT='Everyone we know';",
            ]),
        CorpusCase(
            "add a column comment", old: base, new: "", on: TestBackend.comments,
            newFor: [
                .postgresql: base + "\nCOMMENT ON COLUMN t.name IS 'Full name';",
                .mysql: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50) COMMENT 'Full name');",
            ]),
    ]

    /// Two tables that reference each other: SQLite takes the references in
    /// `CREATE TABLE`; PostgreSQL and MySQL need the second added afterwards.
    static let cycle = """
        CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER);
        CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER, CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES a (id));
        ALTER TABLE a ADD CONSTRAINT a_b_fk FOREIGN KEY (b_id) REFERENCES b (id);
        CREATE INDEX a_b_id ON a (b_id);
        CREATE INDEX b_a_id ON b (a_id);
        """
    static let sqliteCycle = """
        CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER, CONSTRAINT a_b_fk FOREIGN KEY (b_id) REFERENCES b (id));
        CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER, CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES a (id));
        CREATE INDEX a_b_id ON a (b_id);
        CREATE INDEX b_a_id ON b (a_id);
        """
    static let selfReferencing = """
        CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER, CONSTRAINT node_parent_fk FOREIGN KEY (parent_id) REFERENCES node (id));
        CREATE INDEX node_parent_id ON node (parent_id);
        """

    static let references: [CorpusCase] = [
        CorpusCase(
            "create a parent and a child table", old: base, new: base + "\n" + parent + "\n" + child(fk)),
        CorpusCase(
            "drop a parent and a child table", old: base + "\n" + parent + "\n" + child(fk), new: base),
        CorpusCase(
            "create two tables that reference each other", old: base, new: base + "\n" + cycle,
            newFor: [.sqlite: base + "\n" + sqliteCycle]),
        CorpusCase(
            "drop two tables that reference each other", old: base + "\n" + cycle, new: base,
            oldFor: [.sqlite: base + "\n" + sqliteCycle]),
        CorpusCase("create a self-referencing table", old: base, new: base + "\n" + selfReferencing),
        CorpusCase(
            "add a column to a referenced table", old: parent + "\n" + child(fk),
            new: "CREATE TABLE parent (id INTEGER PRIMARY KEY, name VARCHAR(50), rank INTEGER);\n" + child(fk),
            seed: familySeed, keep: "child"),
    ]

    static let rebuilt = "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), qty INTEGER"
    static let rebuiltIndexes = """
        CREATE INDEX t_name ON t (name);
        CREATE UNIQUE INDEX t_qty ON t (qty);
        """

    /// Changes SQLite's `ALTER TABLE` cannot make: the table is rebuilt, and
    /// its indexes and rows must come through.
    static let rebuilds: [CorpusCase] = [
        CorpusCase(
            "rebuild keeps indexes and rows (NOT NULL with default)", old: rebuilt + ");\n" + rebuiltIndexes,
            new: rebuilt + " NOT NULL DEFAULT 0);\n" + rebuiltIndexes, seed: checkSeed),
        CorpusCase(
            "rebuild keeps indexes and rows (type change)", old: rebuilt + ");\n" + rebuiltIndexes,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(80), qty BIGINT);\n" + rebuiltIndexes,
            seed: checkSeed),
        CorpusCase(
            "rebuild a referenced table keeps the references", old: parent + "\n" + child(fk),
            new: "CREATE TABLE parent (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL DEFAULT '');\n" + child(fk),
            seed: familySeed, keep: "child"),
    ]

    /// Changes that combine several of the above, or touch less common types.
    static let more: [CorpusCase] = [
        CorpusCase(
            "add a table with an autoincrementing key", old: base, new: "",
            newFor: [
                .sqlite: base + "\nCREATE TABLE log (id INTEGER PRIMARY KEY AUTOINCREMENT, line VARCHAR(80));",
                .postgresql: base + "\nCREATE TABLE log (id SERIAL PRIMARY KEY, line VARCHAR(80));",
                .mysql: base + "\nCREATE TABLE log (id INTEGER AUTO_INCREMENT PRIMARY KEY, line VARCHAR(80));",
            ]),
        CorpusCase(
            "change a decimal's precision",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), price DECIMAL(10,2));",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), price DECIMAL(12,4));"),
        CorpusCase(
            "add a timestamp defaulting to now", old: base,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP);"),
        CorpusCase(
            "add a column with a column-level check", old: base,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), qty INTEGER CONSTRAINT t_qty_check CHECK (qty > 0));",
            // MariaDB takes no name on a column-level check (it names it after the column).
            newFor: [.mysql: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), qty INTEGER CHECK (qty > 0));"]),
        CorpusCase(
            "drop a referenced table and the reference to it", old: parent + "\n" + child(fk), new: child(),
            // The downgrade brings the table back empty: only rows that reference nothing can stay.
            seed: "INSERT INTO parent (id, name) VALUES (1, 'a'); INSERT INTO child (id, parent_id) VALUES (1, NULL), (2, NULL);",
            keep: "child"),
        CorpusCase(
            "drop a self-reference", old: base + "\n" + selfReferencing,
            new: base + "\nCREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER);\nCREATE INDEX node_parent_id ON node (parent_id);"
        ),
        CorpusCase(
            "change what a foreign key references",
            old: parent + "\nCREATE TABLE other (id INTEGER PRIMARY KEY);\n" + child(fk),
            new: parent + "\nCREATE TABLE other (id INTEGER PRIMARY KEY);\n"
                + child(", CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES other (id)"),
            seed: "INSERT INTO parent (id, name) VALUES (1, 'a'); INSERT INTO other (id) VALUES (1);"
                + " INSERT INTO child (id, parent_id) VALUES (1, 1), (2, NULL);",
            keep: "child"),
        CorpusCase(
            "several tables change at once",
            old: parent + "\n" + child(fk) + "\n" + base,
            new: "CREATE TABLE parent (id INTEGER PRIMARY KEY, name VARCHAR(80) NOT NULL DEFAULT 'x');\n"
                + child(fk + " ON DELETE CASCADE") + "\n"
                + "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), note VARCHAR(10));\nCREATE INDEX t_name ON t (name);\n"
                + "CREATE TABLE tag (id INTEGER PRIMARY KEY, label VARCHAR(20));",
            seed: familySeed + "\n" + baseSeed, keep: "child"),
        CorpusCase(
            "drop a column in a unique constraint",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), code VARCHAR(10), CONSTRAINT t_code_key UNIQUE (code));",
            new: base),
        CorpusCase(
            "boolean default change",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), done BOOLEAN DEFAULT FALSE);",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), done BOOLEAN DEFAULT TRUE);"),
    ]
}
