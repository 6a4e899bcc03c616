/// PostgreSQL objects changed while tables use them: a domain altered in
/// place under its column, enum values removed under domains, functions and
/// views, a materialized view filled and emptied, tables in a second schema.
extension CorpusCase {
    static let scoreTable = "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), points score);"
    static let scoreSeed = "INSERT INTO t (id, name, points) VALUES (1, 'ada', 10), (2, 'grace', 20), (3, 'edsger', NULL);"

    static let moodUsers = """
        CREATE DOMAIN mood_now AS mood CONSTRAINT mood_known CHECK (VALUE IS NOT NULL);
        CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), feeling mood DEFAULT 'happy', now mood_now, past mood[]);
        CREATE FUNCTION is_happy(m mood) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT m = 'happy' $$;
        CREATE FUNCTION cheer() RETURNS mood_now LANGUAGE sql AS $$ SELECT 'happy'::mood_now $$;
        CREATE VIEW t_happy AS SELECT id, name FROM t WHERE is_happy(feeling);
        """
    static let moodSeed = """
        INSERT INTO t (id, name, feeling, now, past) VALUES
            (1, 'ada', 'sad', 'happy', '{sad,happy}'), (2, 'grace', 'happy', 'sad', NULL), (3, 'edsger', NULL, 'happy', '{}');
        """

    static let countsView = """
        CREATE MATERIALIZED VIEW t_counts AS SELECT name, count(*) AS n FROM t GROUP BY name;
        CREATE UNIQUE INDEX t_counts_name ON t_counts (name);
        """

    static let postgresqlObjectChanges: [CorpusCase] = [
        pg(
            "postgresql: change the default, NOT NULL and checks of a domain a column uses",
            old: "CREATE DOMAIN score AS integer DEFAULT 0 CONSTRAINT score_range CHECK (VALUE BETWEEN 0 AND 100);\n"
                + scoreTable,
            new: "CREATE DOMAIN score AS integer CONSTRAINT score_range CHECK (VALUE BETWEEN 0 AND 1000) "
                + "CONSTRAINT \"score step\" CHECK (VALUE % 10 = 0);\n" + scoreTable,
            seed: scoreSeed),
        pg(
            "postgresql: a domain a column uses becomes NOT NULL with a default",
            old: "CREATE DOMAIN score AS integer;\n" + scoreTable,
            new: "CREATE DOMAIN score AS integer NOT NULL DEFAULT 5;\n"
                + "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), points score);",
            seed: "INSERT INTO t (id, name, points) VALUES (1, 'ada', 10), (2, 'grace', 20);"),
        pg(
            "postgresql: remove an enum value that a domain, functions and a view use",
            old: "CREATE TYPE mood AS ENUM ('sad', 'meh', 'happy');\n" + moodUsers,
            new: "CREATE TYPE mood AS ENUM ('sad', 'happy');\n" + moodUsers, seed: moodSeed),
        pg(
            "postgresql: reorder enum values under a domain",
            old: "CREATE TYPE mood AS ENUM ('sad', 'happy');\n" + moodUsers,
            new: "CREATE TYPE mood AS ENUM ('happy', 'sad', 'ecstatic');\n" + moodUsers, seed: moodSeed),
        pg(
            "postgresql: empty a populated materialized view",
            old: base + "\n" + countsView,
            new: base + "\n" + countsView.replacingOccurrences(of: "GROUP BY name;", with: "GROUP BY name WITH NO DATA;")),
        pg(
            "postgresql: re-create a populated materialized view over a retyped column",
            old: base + "\n" + countsView,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);\n" + countsView),
    ]
}
