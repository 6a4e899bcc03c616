/// PostgreSQL objects and table features of issue 8, each created, changed
/// and dropped through autogenerate, with rows in `t` that must survive.
extension CorpusCase {
    static func pg(_ name: String, old: String, new: String, seed: String = baseSeed, keep: String = "t")
        -> CorpusCase
    {
        CorpusCase(name, old: old, new: new, on: [.postgresql], seed: seed, keep: keep)
    }

    static let moodType = "CREATE TYPE mood AS ENUM ('sad', 'happy');"
    static let moodTable = "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), feeling mood DEFAULT 'happy');"
    static let nameView = "CREATE VIEW t_names AS SELECT id, name FROM t;"
    static let touchFunction = """
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := lower(NEW.name); RETURN NEW; END $$;
        """

    static let postgresqlObjects: [CorpusCase] = [
        pg("postgresql: add an enum type and a column of it", old: base, new: moodType + "\n" + moodTable),
        pg(
            "postgresql: add an enum value in the middle, with a view over the column",
            old: moodType + "\n" + moodTable + "\nCREATE VIEW t_moods AS SELECT id, feeling FROM t;",
            new: "CREATE TYPE mood AS ENUM ('sad', 'meh', 'happy', 'ecstatic');\n" + moodTable
                + "\nCREATE VIEW t_moods AS SELECT id, feeling FROM t;",
            seed: "INSERT INTO t (id, name, feeling) VALUES (1, 'a', 'sad'), (2, 'b', 'happy'), (3, 'c', NULL);"),
        pg("postgresql: drop an enum type with its column", old: moodType + "\n" + moodTable, new: base),
        pg(
            "postgresql: a standalone sequence behind a default", old: base,
            new: "CREATE SEQUENCE t_number_seq START WITH 100 INCREMENT BY 5;\n"
                + "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), number BIGINT DEFAULT nextval('t_number_seq'));"),
        pg(
            "postgresql: a sequence owned by a column, not named as serial names it", old: base,
            new: "CREATE SEQUENCE ticket_numbers AS integer;\n"
                + "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), ticket INTEGER DEFAULT nextval('ticket_numbers'));\n"
                + "ALTER SEQUENCE ticket_numbers OWNED BY t.ticket;"),
        pg(
            "postgresql: change a sequence's increment",
            old: "CREATE SEQUENCE counter;\n" + base, new: "CREATE SEQUENCE counter INCREMENT BY 10 CACHE 5;\n" + base),
        pg(
            "postgresql: a domain with a check, used by a new column", old: base,
            new: "CREATE DOMAIN score AS integer NOT NULL DEFAULT 0 CONSTRAINT score_range CHECK (VALUE BETWEEN 0 AND 100);\n"
                + "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), points score);"),
        pg(
            "postgresql: an extension and a column of its type", old: base,
            new: "CREATE EXTENSION citext;\nCREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), email citext);"),
        pg("postgresql: add a view", old: base, new: base + "\n" + nameView),
        pg(
            "postgresql: change a view's query", old: base + "\n" + nameView,
            new: base + "\nCREATE VIEW t_names AS SELECT id, upper(name) AS name FROM t WHERE id > 0;"),
        pg(
            "postgresql: a view over a view, and a column they read is retyped",
            old: base + "\n" + nameView + "\nCREATE VIEW t_short AS SELECT name FROM t_names;",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);\n" + nameView + "\nCREATE VIEW t_short AS SELECT name FROM t_names;"),
        pg(
            "postgresql: a materialized view with an index", old: base,
            new: base + "\nCREATE MATERIALIZED VIEW t_counts AS SELECT name, count(*) AS n FROM t GROUP BY name;\n"
                + "CREATE UNIQUE INDEX t_counts_name ON t_counts (name);"),
        pg(
            "postgresql: add a function and change its body",
            old: base + "\nCREATE FUNCTION twice(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';",
            new: base + "\nCREATE FUNCTION twice(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT x + x';"),
        pg(
            "postgresql: change a function's return type",
            old: base + "\nCREATE FUNCTION label(x integer) RETURNS text LANGUAGE sql AS $$ SELECT 'n' || x $$;",
            new: base + "\nCREATE FUNCTION label(x integer) RETURNS varchar LANGUAGE sql AS $$ SELECT ('n' || x)::varchar $$;"),
        pg(
            "postgresql: overloaded functions, and an SQL function reading a view", old: base,
            // The revision creates functions before views: with check_function_bodies off.
            new: base + "\n" + nameView + "\nCREATE FUNCTION pick(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x';\n"
                + "CREATE FUNCTION pick(x text) RETURNS text LANGUAGE sql AS 'SELECT x';\n"
                + "CREATE FUNCTION name_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM t_names';"),
        pg(
            "postgresql: a procedure", old: base,
            new: base + "\nCREATE PROCEDURE rename_all(p text) LANGUAGE sql AS $$ UPDATE t SET name = p $$;"),
        pg(
            "postgresql: add a trigger and its function", old: base,
            new: base + "\n" + touchFunction
                + "\nCREATE TRIGGER t_touch BEFORE INSERT OR UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();"),
        pg(
            "postgresql: a rule", old: base,
            new: base + "\nCREATE TABLE t_log (id INTEGER, name VARCHAR(50));\n"
                + "CREATE RULE t_audit AS ON INSERT TO t DO ALSO INSERT INTO t_log VALUES (NEW.id, NEW.name);"),
        pg(
            "postgresql: a stored generated column", old: base,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), shout VARCHAR(60) GENERATED ALWAYS AS (upper(name)) STORED);"),
        pg(
            "postgresql: gin, hash, operator class, INCLUDE and NULLS NOT DISTINCT indexes",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), tags TEXT[]);",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), tags TEXT[]);\n"
                + "CREATE INDEX t_tags ON t USING gin (tags);\nCREATE INDEX t_name_hash ON t USING hash (name);\n"
                + "CREATE INDEX t_name_pattern ON t (name varchar_pattern_ops) INCLUDE (id);\n"
                + "CREATE UNIQUE INDEX t_name_unique ON t (name) NULLS NOT DISTINCT;"),
        pg(
            "postgresql: a partitioned table with partitions, then one more",
            old: base + """

                CREATE TABLE event (id INTEGER, at DATE NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
                CREATE TABLE event_2025 PARTITION OF event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                """,
            new: base + """

                CREATE TABLE event (id INTEGER, at DATE NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
                CREATE TABLE event_2025 PARTITION OF event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                CREATE TABLE event_2026 PARTITION OF event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                CREATE INDEX event_2026_id ON event_2026 (id);
                CREATE TABLE event_other PARTITION OF event DEFAULT;
                """,
            seed: baseSeed + "\nINSERT INTO event VALUES (1, '2025-03-01');", keep: "event"),
        pg(
            "postgresql: an inheritance child with a column of its own", old: base,
            new: base + "\nCREATE TABLE t_special (extra INTEGER) INHERITS (t);"),
        pg(
            "postgresql: add a column to a partitioned table",
            old: """
                CREATE TABLE t (id INTEGER, name VARCHAR(50)) PARTITION BY LIST (id);
                CREATE TABLE t_low PARTITION OF t FOR VALUES IN (1, 2, 3);
                """,
            new: """
                CREATE TABLE t (id INTEGER, name VARCHAR(50), note TEXT) PARTITION BY LIST (id);
                CREATE TABLE t_low PARTITION OF t FOR VALUES IN (1, 2, 3);
                """),
    ]
}
