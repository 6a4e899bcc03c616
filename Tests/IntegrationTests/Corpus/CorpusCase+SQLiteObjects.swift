/// SQLite's views, triggers, generated columns and table options (issue 8):
/// created, changed and dropped, and the rebuilds they ride through.
extension CorpusCase {
    static let sqliteView = "CREATE VIEW t_names AS SELECT id, name FROM t;"
    static let sqliteTrigger = """
        CREATE TABLE t_log (id INTEGER PRIMARY KEY, t_id INTEGER, what TEXT);
        CREATE TRIGGER t_logged AFTER UPDATE ON t BEGIN
            INSERT INTO t_log (t_id, what) VALUES (NEW.id, 'updated');
        END;
        """

    static let sqliteInsteadOf = """
        CREATE TRIGGER t_names_insert INSTEAD OF INSERT ON t_names BEGIN
            INSERT INTO t (id, name) VALUES (NEW.id, NEW.name);
        END;
        """

    static let sqliteObjects: [CorpusCase] = [
        CorpusCase("sqlite: add a view", old: base, new: base + "\n" + sqliteView, on: [.sqlite]),
        CorpusCase("sqlite: drop a view", old: base + "\n" + sqliteView, new: base, on: [.sqlite]),
        CorpusCase(
            "sqlite: change a view", old: base + "\n" + sqliteView,
            new: base + "\nCREATE VIEW t_names AS SELECT id, upper(name) AS name FROM t;", on: [.sqlite]),
        CorpusCase("sqlite: add a trigger", old: base, new: base + "\n" + sqliteTrigger, on: [.sqlite]),
        CorpusCase("sqlite: drop a trigger", old: base + "\n" + sqliteTrigger, new: base, on: [.sqlite]),
        CorpusCase(
            "sqlite: change a trigger body", old: base + "\n" + sqliteTrigger,
            new: base + "\n" + sqliteTrigger.replacingOccurrences(of: "'updated'", with: "'changed'"), on: [.sqlite]),
        CorpusCase(
            "sqlite: add a VIRTUAL generated column", old: base,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), shout TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL);",
            on: [.sqlite]),
        CorpusCase(
            "sqlite: add a STORED generated column", old: base,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), size INTEGER AS (length(name)) STORED);",
            on: [.sqlite]),
        CorpusCase(
            "sqlite: change a generation expression",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), size INTEGER AS (length(name)) STORED);",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), size INTEGER AS (length(name) * 2) STORED);",
            on: [.sqlite]),
        CorpusCase(
            "sqlite: make a table STRICT", old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT) STRICT;", on: [.sqlite]),
        CorpusCase(
            "sqlite: make a table WITHOUT ROWID", old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT) WITHOUT ROWID;", on: [.sqlite]),
        CorpusCase(
            "sqlite: rebuild a table a view and a trigger read", old: base + "\n" + sqliteView + "\n" + sqliteTrigger,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL DEFAULT '');\n" + sqliteView + "\n"
                + sqliteTrigger, on: [.sqlite]),
        CorpusCase(
            "sqlite: drop a column a view names",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), note TEXT);\n"
                + "CREATE VIEW t_notes AS SELECT id, note FROM t;",
            new: base + "\nCREATE VIEW t_notes AS SELECT id, name FROM t;", on: [.sqlite]),
        CorpusCase(
            "sqlite: add a nullable column with REFERENCES",
            old: "CREATE TABLE p (id INTEGER PRIMARY KEY, code VARCHAR(10));\n" + base,
            new: "CREATE TABLE p (id INTEGER PRIMARY KEY, code VARCHAR(10));\n"
                + "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), p_id INTEGER REFERENCES p (id) ON DELETE SET NULL);",
            on: [.sqlite]),
        CorpusCase(
            "sqlite: add a value to a CHECK IN list (the enum of SQLite)",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), status TEXT CHECK (status IN ('new', 'done')));",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), status TEXT CHECK (status IN ('new', 'done', 'held')));",
            on: [.sqlite]),
        CorpusCase(
            "sqlite: rebuild a table and create a table that references it", old: base,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(80));\n"
                + "CREATE TABLE tag (id INTEGER PRIMARY KEY, t_id INTEGER REFERENCES t (id));", on: [.sqlite]),
        CorpusCase(
            "sqlite: an INSTEAD OF trigger on a view survives a rebuild of the table",
            old: base + "\n" + sqliteView + "\n" + sqliteInsteadOf,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(80));\n" + sqliteView + "\n" + sqliteInsteadOf,
            on: [.sqlite]),
        CorpusCase(
            "sqlite: a view over a view survives a rebuild of the table",
            old: base + "\n" + sqliteView + "\nCREATE VIEW t_first AS SELECT * FROM t_names WHERE id = 1;",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(80));\n" + sqliteView
                + "\nCREATE VIEW t_first AS SELECT * FROM t_names WHERE id = 1;", on: [.sqlite]),
    ]
}
