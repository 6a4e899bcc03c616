/// MySQL/MariaDB cases of issue 8: what the dialect has beyond plain tables
/// (index types and prefixes, enum and set values, `ON UPDATE`, generated
/// columns, table options) and its objects (views, triggers, functions,
/// procedures), each created, changed and dropped with rows in place.
extension CorpusCase {
    static let film = "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), rating ENUM('G','PG') DEFAULT 'G');"
    static let filmSeed = "INSERT INTO t (id, name, rating) VALUES (1, 'ada', 'PG'), (2, 'grace', 'G'), (3, 'edsger', 'PG');"
    static let routines = """
        DELIMITER //
        CREATE FUNCTION shout(s VARCHAR(50)) RETURNS VARCHAR(60) DETERMINISTIC
        BEGIN
            DECLARE r VARCHAR(60);
            SET r = CONCAT(UPPER(s), '!');
            RETURN r;
        END //
        DELIMITER ;
        """
    static let audit = "\nCREATE TABLE audit (id INTEGER AUTO_INCREMENT PRIMARY KEY, t_id INTEGER, note VARCHAR(20));"
    static func trigger(_ note: String) -> String {
        """
        \nDELIMITER ;;
        CREATE TRIGGER t_audit AFTER INSERT ON t FOR EACH ROW BEGIN
            INSERT INTO audit (t_id, note) VALUES (NEW.id, '\(note)');
        END;;
        DELIMITER ;
        """
    }

    static let mysqlObjects: [CorpusCase] = [
        CorpusCase(
            "enum: add a value, keeping upper-case values", old: film,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), rating ENUM('G','PG','PG-13') DEFAULT 'G');",
            on: [.mysql], seed: filmSeed),
        CorpusCase(
            "set column with mixed-case values", old: base,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), features SET('Trailers','Deleted Scenes'));",
            on: [.mysql]),
        CorpusCase(
            "foreign key written ON DELETE NO ACTION ON UPDATE NO ACTION", old: parent,
            new: parent
                + "\nCREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER, CONSTRAINT child_parent_fk "
                + "FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE NO ACTION ON UPDATE NO ACTION);",
            on: [.mysql], seed: "INSERT INTO parent (id, name) VALUES (1, 'a'), (2, 'b');", keep: "parent"),
        CorpusCase(
            "add a FULLTEXT index", old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), body TEXT);",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), body TEXT, FULLTEXT KEY t_text (name, body));",
            on: [.mysql]),
        CorpusCase(
            "add a SPATIAL index", old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), pos POINT NOT NULL);",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), pos POINT NOT NULL, SPATIAL KEY t_pos (pos));",
            on: [.mysql], seed: "INSERT INTO t (id, name, pos) VALUES (1, 'a', POINT(1, 2)), (2, 'b', POINT(3, 4));"),
        CorpusCase(
            "index a column prefix, then a longer one", old: base + "\nCREATE INDEX t_name ON t (name(5));",
            new: base + "\nCREATE INDEX t_name ON t (name(10));", on: [.mysql]),
        CorpusCase(
            "a unique key on a column prefix", old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), body TEXT);",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), body TEXT, UNIQUE KEY t_body (body(20)));",
            on: [.mysql], seed: "INSERT INTO t (id, name, body) VALUES (1, 'a', 'x'), (2, 'b', 'y');"),
        CorpusCase(
            "add ON UPDATE CURRENT_TIMESTAMP",
            old: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), updated TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP);",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), "
                + "updated TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);",
            on: [.mysql]),
        CorpusCase(
            "add a VIRTUAL and a STORED generated column", old: base,
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50), "
                + "name_length INTEGER AS (CHAR_LENGTH(name)) VIRTUAL, shout VARCHAR(60) AS (UPPER(name)) STORED);",
            on: [.mysql]),
        CorpusCase(
            "change a table's engine", old: base, new: base.dropLast() + " ENGINE=MyISAM;", on: [.mysql]),
        CorpusCase(
            "change a table's character set and collation", old: base,
            new: base.dropLast() + " DEFAULT CHARSET=latin1 COLLATE=latin1_general_ci;", on: [.mysql]),
        CorpusCase(
            "create a view", old: base, new: base + "\nCREATE VIEW t_names AS SELECT id, name FROM t;", on: [.mysql]),
        CorpusCase(
            "change a view", old: base + "\nCREATE VIEW t_names AS SELECT id, name FROM t;",
            new: base + "\nCREATE VIEW t_names AS SELECT id, UPPER(name) AS name FROM t WHERE id > 1;", on: [.mysql]),
        CorpusCase(
            "drop a view", old: base + "\nCREATE VIEW t_names AS SELECT id, name FROM t;", new: base, on: [.mysql]),
        CorpusCase(
            "retype a column a view reads",
            old: base + "\nCREATE VIEW t_names AS SELECT id, name FROM t;",
            new: "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(200));\n"
                + "CREATE VIEW t_names AS SELECT id, name FROM t;",
            on: [.mysql]),
        CorpusCase("create a trigger", old: base + audit, new: base + audit + trigger("new"), on: [.mysql]),
        CorpusCase("change a trigger", old: base + audit + trigger("new"), new: base + audit + trigger("added"), on: [.mysql]),
        CorpusCase("drop a trigger", old: base + audit + trigger("new"), new: base + audit, on: [.mysql]),
        CorpusCase("create a function", old: base, new: base + "\n" + routines, on: [.mysql]),
        CorpusCase(
            "change a function", old: base + "\n" + routines,
            new: base + "\n" + routines.replacingOccurrences(of: "'!'", with: "'!!'"), on: [.mysql]),
        CorpusCase(
            "create and drop procedures", old: base + "\nCREATE PROCEDURE old_one() SELECT 1;",
            new: base + """

                DELIMITER //
                CREATE PROCEDURE count_names(IN prefix VARCHAR(10), OUT n INT) READS SQL DATA
                COMMENT 'Counts the names that start with a prefix'
                BEGIN
                    SELECT COUNT(*) INTO n FROM t WHERE name LIKE CONCAT(prefix, '%');
                END //
                DELIMITER ;
                """,
            on: [.mysql]),
        CorpusCase(
            "a view over a function", old: base,
            new: base + "\n" + routines + "\nCREATE VIEW loud AS SELECT id, shout(name) AS name FROM t;", on: [.mysql]),
    ]
}
