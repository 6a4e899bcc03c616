import Foundation
import Testing

@testable import MigrateKit

/// What the MySQL/MariaDB inspector reads beyond plain tables (issue 8): index
/// types and prefixes, case-exact enum values, `ON UPDATE`, generated columns,
/// table options, views, triggers, routines, and what it names as not modelled.
@Suite("MySQL object inspection")
struct MySQLObjectInspectionTests {
    static let ddl = """
        CREATE TABLE film (
            id INT PRIMARY KEY,
            title VARCHAR(200) NOT NULL,
            body TEXT,
            rating ENUM('G','PG','PG-13') DEFAULT 'G',
            features SET('Trailers','Deleted Scenes'),
            price DECIMAL(5,2) NOT NULL DEFAULT 1.00,
            price_with_tax DECIMAL(6,2) AS (price * 1.2) VIRTUAL,
            title_length INT AS (CHAR_LENGTH(title)) STORED,
            pos POINT NOT NULL,
            updated TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
            KEY film_title_prefix (title(10)),
            UNIQUE KEY film_body_start (body(30)),
            FULLTEXT KEY film_text (title, body),
            SPATIAL KEY film_pos (pos)
        ) ENGINE=InnoDB DEFAULT CHARSET=latin1 COLLATE=latin1_general_ci;
        CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, film_id INT) ENGINE=MyISAM;
        CREATE VIEW cheap_film AS SELECT id, title FROM film WHERE price < 2;
        DELIMITER //
        CREATE TRIGGER film_audit AFTER INSERT ON film FOR EACH ROW BEGIN
            INSERT INTO audit (film_id) VALUES (NEW.id);
        END //
        CREATE FUNCTION taxed(p DECIMAL(5,2)) RETURNS DECIMAL(6,2) DETERMINISTIC RETURN p * 1.2 //
        CREATE PROCEDURE count_films(IN min_price DECIMAL(5,2), OUT n INT) READS SQL DATA
        BEGIN
            SELECT COUNT(*) INTO n FROM film WHERE price >= min_price;
        END //
        DELIMITER ;
        CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM audit;
        """

    @Test func readsIndexTypesPrefixesEnumsGeneratedColumnsAndOptions() throws {
        let database = try ScratchDatabase(.mysql)
        try database.run(Self.ddl)
        let schema = try database.inspect()
        let film = try #require(schema[table: "film"])
        #expect(film.column(named: "rating")?.type == "enum('G','PG','PG-13')")
        #expect(film.column(named: "features")?.type == "set('Trailers','Deleted Scenes')")
        #expect(film.column(named: "updated")?.onUpdate == "CURRENT_TIMESTAMP")
        #expect(film.column(named: "price_with_tax")?.generated?.isStored == false)
        #expect(film.column(named: "price_with_tax")?.generated?.expression.contains("price") == true)
        #expect(film.column(named: "price_with_tax")?.defaultExpression == nil)
        #expect(film.column(named: "title_length")?.generated?.isStored == true)
        #expect(film.indexes.first { $0.name == "film_text" }?.method == "FULLTEXT")
        #expect(film.indexes.first { $0.name == "film_pos" }?.method == "SPATIAL")
        #expect(film.indexes.first { $0.name == "film_pos" }?.keys.first?.prefixLength == nil)
        #expect(film.indexes.first { $0.name == "film_title_prefix" }?.keys.first?.prefixLength == 10)
        // A unique key with a prefix is a unique index: a unique constraint has no place for the prefix.
        #expect(film.indexes.first { $0.name == "film_body_start" }?.isUnique == true)
        #expect(film.indexes.first { $0.name == "film_body_start" }?.keys.first?.prefixLength == 30)
        #expect(film.uniqueConstraints.isEmpty)
        #expect(film.options == ["engine": "InnoDB", "charset": "latin1", "collate": "latin1_general_ci"])
        #expect(schema[table: "audit"]?.options["engine"] == "MyISAM")
    }

    @Test func readsViewsTriggersRoutinesAndNamesEvents() throws {
        let database = try ScratchDatabase(.mysql)
        try database.run(Self.ddl)
        let schema = try database.inspect()
        let view = try #require(schema.objects["view cheap_film"])
        #expect(view.definition.hasPrefix("CREATE VIEW `cheap_film` AS select `film`.`id`"))
        #expect(!view.definition.contains(database.url.database!), "the database name is taken out")
        #expect(view.dependencies.contains("film"))
        let trigger = try #require(schema.objects["trigger film.film_audit"])
        #expect(trigger.createStatements.first?.contains("AFTER INSERT ON `film` FOR EACH ROW BEGIN") == true)
        #expect(trigger.dependencies.contains("audit"))
        let function = try #require(schema.objects["function taxed"])
        #expect(
            function.definition
                == "CREATE FUNCTION `taxed`(`p` decimal(5,2)) RETURNS decimal(6,2)\n    DETERMINISTIC\nRETURN p * 1.2")
        let procedure = try #require(schema.objects["procedure count_films"])
        #expect(procedure.definition.hasPrefix("CREATE PROCEDURE `count_films`(IN `min_price` decimal(5,2), OUT `n` int(11))"))
        #expect(procedure.definition.contains("READS SQL DATA"))
        #expect(schema.unmodelled == [UnmodelledObject(kind: "event", name: "nightly")])
    }

    /// Objects are read with one query per kind, so the count stays the same
    /// with thirty of each.
    @Test func queryCountDoesNotDependOnObjectCount() throws {
        func queries(objects: Int) throws -> Int {
            let database = try ScratchDatabase(.mysql)
            var script = "CREATE TABLE t (id INT PRIMARY KEY, n INT);\nDELIMITER //\n"
            for index in 0..<objects {
                script += """
                    CREATE VIEW v\(index) AS SELECT id FROM t //
                    CREATE TRIGGER tr\(index) BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.n = \(index); END //
                    CREATE FUNCTION f\(index)(a INT) RETURNS INT DETERMINISTIC RETURN a + \(index) //
                    CREATE PROCEDURE p\(index)(IN a INT) BEGIN SELECT a; END //
                    CREATE EVENT e\(index) ON SCHEDULE EVERY 1 DAY DO DELETE FROM t //

                    """
            }
            try database.run(script + "DELIMITER ;\n")
            let counting = CountingConnection(database.connection)
            let schema = try MySQLInspector().inspect(counting, excluding: [])
            #expect(schema.objects.count == objects * 4)
            #expect(schema.unmodelled.count == objects)
            return counting.queries
        }
        let one = try queries(objects: 1)
        #expect(try queries(objects: 30) == one)
    }
}
