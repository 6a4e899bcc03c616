import Foundation
import Testing

@testable import MigrateKit

/// Issue 8 §5 on the samples beyond pagila and sakila (those have their own
/// tests): PostgreSQL chinook and northwind, MariaDB employees and chinook
/// (SQLite's three samples: `SQLiteSampleSchemaTests.tenEdits`). Each gets
/// the ten edits with rows in every table: autogenerate, upgrade, `check`
/// clean, rows kept, `downgrade -1` back to the same inspected schema.
///
/// A sample without a view, a function or an enum gets one of each first
/// (its `prelude`, declared and migrated with the published DDL), so that
/// "change a view", "add an enum value" and "change a function" edit a real
/// object rather than being left out. The edits are appended statements, or
/// `old → new` replacements in the sample and its prelude.
@Suite("Sample schema edits")
struct SampleSchemaEditTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        var backend: TestBackend
        var name: String
        var prelude: String
        var edits: [(String, String)]
        var testDescription: String { "\(backend) \(name)" }
    }

    static let samples: [Sample] = [
        Sample(
            backend: .postgresql, name: "chinook",
            prelude: """
                CREATE TYPE media_kind AS ENUM ('audio', 'video');
                ALTER TABLE media_type ADD COLUMN kind media_kind DEFAULT 'audio';
                CREATE VIEW artist_albums AS SELECT ar.artist_id, ar.name, count(al.album_id) AS albums
                    FROM artist ar LEFT JOIN album al ON al.artist_id = ar.artist_id GROUP BY ar.artist_id, ar.name;
                CREATE FUNCTION track_seconds(ms integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT ms / 1000.0 $$;
                """,
            edits: [
                ("add a nullable column", "ALTER TABLE artist ADD COLUMN country text;"),
                ("add a NOT NULL column with a default", "ALTER TABLE customer ADD COLUMN loyalty integer DEFAULT 0 NOT NULL;"),
                ("add an index", "CREATE INDEX track_name_idx ON track (name);"),
                (
                    "widen a type read by a view",
                    "name VARCHAR(120),\n    CONSTRAINT artist_pkey → name VARCHAR(200),\n    CONSTRAINT artist_pkey"
                ),
                (
                    "a new table with a foreign key",
                    "CREATE TABLE review (review_id serial PRIMARY KEY, track_id integer NOT NULL REFERENCES track (track_id), body text);"
                ),
                // The last column: PostgreSQL adds a column back at the end (pagila drops staff.picture).
                ("drop a column", "ALTER TABLE employee DROP COLUMN email;"),
                ("change a view", "count(al.album_id) AS albums → count(al.album_id) AS albums, max(al.title) AS last_title"),
                ("add an enum value", "('audio', 'video') → ('audio', 'video', 'podcast')"),
                (
                    "add a trigger",
                    """
                    CREATE FUNCTION trim_name() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := trim(NEW.name); RETURN NEW; END $$;
                    CREATE TRIGGER genre_trim BEFORE INSERT OR UPDATE ON genre FOR EACH ROW EXECUTE FUNCTION trim_name();
                    """
                ),
                ("change a function", "SELECT ms / 1000.0 → SELECT round(ms / 1000.0, 1)"),
            ]),
        Sample(
            backend: .postgresql, name: "northwind",
            prelude: """
                CREATE TYPE order_state AS ENUM ('open', 'shipped');
                ALTER TABLE orders ADD COLUMN state order_state DEFAULT 'open';
                CREATE VIEW product_list AS SELECT p.product_id, p.product_name, c.category_name
                    FROM products p JOIN categories c ON c.category_id = p.category_id;
                CREATE FUNCTION line_total(price real, quantity smallint) RETURNS real LANGUAGE sql IMMUTABLE AS $$ SELECT price * quantity $$;
                """,
            edits: [
                ("add a nullable column", "ALTER TABLE shippers ADD COLUMN email text;"),
                ("add a NOT NULL column with a default", "ALTER TABLE products ADD COLUMN featured boolean DEFAULT false NOT NULL;"),
                ("add an index", "CREATE INDEX orders_ship_country_idx ON orders (ship_country);"),
                (
                    "widen a type read by a view",
                    "category_name character varying(15) NOT NULL → category_name character varying(60) NOT NULL"
                ),
                (
                    "a new table with a foreign key",
                    "CREATE TABLE review (review_id serial PRIMARY KEY, product_id smallint NOT NULL REFERENCES products (product_id), body text);"
                ),
                ("drop a column", "ALTER TABLE customers DROP COLUMN fax;"),
                ("change a view", "c.category_name\n → c.category_name, p.unit_price\n"),
                ("add an enum value", "('open', 'shipped') → ('open', 'packed', 'shipped')"),
                (
                    "add a trigger",
                    """
                    CREATE FUNCTION upper_region() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.region_description := upper(NEW.region_description); RETURN NEW; END $$;
                    CREATE TRIGGER region_upper BEFORE INSERT ON region FOR EACH ROW EXECUTE FUNCTION upper_region();
                    """
                ),
                ("change a function", "SELECT price * quantity → SELECT price * quantity + 0"),
            ]),
        Sample(
            backend: .mysql, name: "employees", prelude: "",
            edits: [
                ("add a nullable column", "ALTER TABLE departments ADD COLUMN floor INT;"),
                ("add a NOT NULL column with a default", "ALTER TABLE titles ADD COLUMN grade INT NOT NULL DEFAULT 1;"),
                ("add an index", "CREATE INDEX employees_last_name ON employees (last_name);"),
                ("widen a type read by views", "last_name   VARCHAR(16)     NOT NULL → last_name   VARCHAR(40)     NOT NULL"),
                (
                    "a new table with a foreign key",
                    "CREATE TABLE review (id INT AUTO_INCREMENT PRIMARY KEY, emp_no INT NOT NULL, note TEXT, FOREIGN KEY (emp_no) REFERENCES employees (emp_no));"
                ),
                ("drop a column", "ALTER TABLE titles DROP COLUMN to_date;"),
                ("change a view", "MAX(to_date) AS to_date\n → MAX(to_date) AS to_date, COUNT(*) AS moves\n"),
                ("add an enum value", "ENUM ('M','F') → ENUM ('M','F','X')"),
                (
                    "add a trigger",
                    """
                    DELIMITER ;;
                    CREATE TRIGGER salaries_floor BEFORE INSERT ON salaries FOR EACH ROW BEGIN
                      IF NEW.salary < 0 THEN SET NEW.salary = 0; END IF;
                    END;;
                    DELIMITER ;
                    """
                ),
                ("change a function", "== USAGE == → == HOW TO USE =="),
            ]),
        Sample(
            backend: .mysql, name: "chinook",
            prelude: """
                ALTER TABLE `MediaType` ADD COLUMN `Kind` ENUM('audio','video') DEFAULT 'audio';
                CREATE VIEW `ArtistAlbums` AS SELECT ar.`ArtistId`, ar.`Name`, COUNT(al.`AlbumId`) AS `Albums`
                    FROM `Artist` ar LEFT JOIN `Album` al ON al.`ArtistId` = ar.`ArtistId` GROUP BY ar.`ArtistId`, ar.`Name`;
                CREATE FUNCTION `TrackSeconds`(ms INT) RETURNS DECIMAL(10,1) DETERMINISTIC RETURN ms / 1000;
                """,
            edits: [
                ("add a nullable column", "ALTER TABLE `Artist` ADD COLUMN `Country` VARCHAR(40);"),
                ("add a NOT NULL column with a default", "ALTER TABLE `Customer` ADD COLUMN `Loyalty` INT NOT NULL DEFAULT 0;"),
                ("add an index", "CREATE INDEX `IDX_TrackName` ON `Track` (`Name`);"),
                (
                    "widen a type read by a view",
                    "`Name` NVARCHAR(120),\n    CONSTRAINT `PK_Artist` → `Name` NVARCHAR(200),\n    CONSTRAINT `PK_Artist`"
                ),
                (
                    "a new table with a foreign key",
                    "CREATE TABLE `Review` (`ReviewId` INT AUTO_INCREMENT PRIMARY KEY, `TrackId` INT NOT NULL, FOREIGN KEY (`TrackId`) REFERENCES `Track` (`TrackId`));"
                ),
                ("drop a column", "ALTER TABLE `Customer` DROP COLUMN `Fax`;"),
                ("change a view", "AS `Albums` → AS `Albums`, MAX(al.`Title`) AS `LastTitle`"),
                ("add an enum value", "ENUM('audio','video') → ENUM('audio','video','podcast')"),
                (
                    "add a trigger",
                    """
                    CREATE TRIGGER `GenreTrim` BEFORE INSERT ON `Genre` FOR EACH ROW SET NEW.`Name` = TRIM(NEW.`Name`);
                    """
                ),
                ("change a function", "RETURN ms / 1000; → RETURN ROUND(ms / 1000, 1);"),
            ]),
    ]

    static func ddl(_ sample: Sample) throws -> String {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("SampleSchemas/\(sample.backend.dialect.name)")
        return try String(contentsOf: folder.appendingPathComponent(sample.name + ".sql"), encoding: .utf8)
            + "\n" + sample.prelude + "\n"
    }

    @Test(arguments: samples)
    func tenEdits(_ sample: Sample) throws {
        #expect(sample.edits.count == 10)
        let ddl = try Self.ddl(sample)
        let project = try AutogenerateProject(sample.backend)
        try project.declare(ddl)
        try project.expectSuccess("revision", "--autogenerate", "-m", "Create \(sample.name)")
        try project.expectSuccess("upgrade", "head")
        let published = try project.inspect()
        try project.execute(Self.seed(published, backend: sample.backend, rows: 3))
        let counts = try Self.counts(published, in: project)
        #expect(counts.values.allSatisfy { $0 >= 3 }, "\(counts)")

        try Self.runEdits(sample.edits, on: ddl, in: project, published: published, counts: counts)
    }

    /// Each edit declared in turn (appended, or `old → new` replaced in
    /// `ddl`): autogenerate, upgrade, `check` clean, every row kept,
    /// `downgrade -1` back to `published`; its revision is then removed, so
    /// the next edit starts from `ddl` again.
    static func runEdits(
        _ edits: [(String, String)], on ddl: String, in project: AutogenerateProject, published: Schema,
        counts: [String: Int]
    ) throws {
        for (what, edit) in edits {
            let parts = edit.components(separatedBy: " → ")
            if parts.count == 2 { #expect(ddl.contains(parts[0]), "\(what): the text to edit is not in the sample") }
            try project.declare(parts.count == 2 ? ddl.replacingOccurrences(of: parts[0], with: parts[1]) : ddl + edit + "\n")
            let before = Set(try project.revisionFiles())
            let generated = try project.run("revision", "--autogenerate", "-m", what)
            #expect(generated.status == 0 && generated.stdout.hasPrefix("Generated "), "\(what): \(generated.stdout)\(generated.stderr)")
            guard let path = Set(try project.revisionFiles()).subtracting(before).first else { continue }
            let sql = try String(contentsOfFile: path, encoding: .utf8)
            let upgraded = try project.run("upgrade", "head")
            #expect(upgraded.status == 0, "\(what): \(upgraded.stderr)\n\(sql)")
            if upgraded.status == 0 {
                let check = try project.run("check")
                #expect(check.status == 0, "\(what): \(check.stdout)\(check.stderr)\n\(sql)")
                #expect(try Self.counts(published, in: project) == counts, "\(what): rows lost\n\(sql)")
                let downgraded = try project.run("downgrade", "-1")
                #expect(downgraded.status == 0, "\(what): \(downgraded.stderr)\n\(sql)")
                #expect(try project.inspect() == published, "\(what): downgrade did not restore the schema\n\(sql)")
            }
            try FileManager.default.removeItem(atPath: path)
        }
    }

    /// `rows` rows in every table with foreign keys off; row `k` refers to
    /// row `k` of every other table, so the references hold anyway.
    static func seed(_ schema: Schema, backend: TestBackend, rows: Int) -> String {
        guard backend == .postgresql else { return MySQLSampleEditTests.seed(schema, rows: rows) }
        var script = "SET session_replication_role = replica;\n"
        for table in schema.tables.values.sorted(by: { $0.name < $1.name }) {
            let columns = table.columns.filter { $0.generated == nil && $0.identity == nil && $0.defaultExpression == nil }
            for row in 1...rows {
                let names = columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
                let values = columns.map { postgresqlValue(for: $0.type, row: row) }.joined(separator: ", ")
                script += "INSERT INTO \"\(table.name)\" (\(names)) VALUES (\(values));\n"
            }
        }
        return script + "RESET session_replication_role;\n"
    }

    static func postgresqlValue(for type: String, row: Int) -> String {
        if type.hasPrefix("date") || type.hasPrefix("timestamp") { return "'2020-01-0\(row)'" }
        if type == "bytea" { return "'\\x00'" }
        if type == "boolean" { return "true" }
        return "'\(row)'"
    }

    static func counts(_ schema: Schema, in project: AutogenerateProject) throws -> [String: Int] {
        let quote = project.project.backend.dialect.quoteIdentifier
        var counts: [String: Int] = [:]
        for name in schema.tables.keys { counts[name] = try project.count(quote(name)) }
        return counts
    }
}
