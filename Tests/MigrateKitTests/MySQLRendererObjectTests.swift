import Testing

@testable import MigrateKit

/// MySQL/MariaDB SQL for what issue 8 added to the model: index types and
/// prefixes, generated columns, `ON UPDATE`, table options, and object bodies
/// the revision file must keep whole.
@Suite("MySQLRenderer objects")
struct MySQLRendererObjectTests {
    let renderer = MySQLRenderer()

    static let film = Table(
        name: "film",
        columns: [
            Column(name: "id", type: "int", isNullable: false),
            Column(name: "title", type: "varchar(200)", isNullable: false),
            Column(name: "body", type: "text"),
            Column(name: "code", type: "varchar(8)", collation: "utf8mb4_bin"),
            Column(name: "pos", type: "point", isNullable: false),
            Column(name: "tax", type: "decimal(6,2)", generated: Column.Generated(expression: "`id` * 1.2", isStored: false)),
            Column(name: "len", type: "int", generated: Column.Generated(expression: "char_length(`title`)", isStored: true)),
            Column(
                name: "updated", type: "timestamp", isNullable: false, defaultExpression: "CURRENT_TIMESTAMP",
                onUpdate: "CURRENT_TIMESTAMP"),
        ],
        primaryKey: PrimaryKey(columns: ["id"]),
        indexes: [
            Index(name: "film_text", keys: [.column("title"), .column("body")], method: "FULLTEXT"),
            Index(name: "film_pos", keys: [.column("pos")], method: "SPATIAL"),
            Index(name: "film_title", keys: [IndexKey(text: "title", isExpression: false, prefixLength: 10)]),
        ],
        options: ["engine": "InnoDB", "charset": "utf8mb4", "collate": "utf8mb4_general_ci"])

    @Test func createsATableWithIndexTypesPrefixesGeneratedColumnsAndOptions() {
        let sql = renderer.render([.createTable(Self.film)], current: Schema(), target: Schema(tables: [Self.film]))
        #expect(
            sql == """
                -- create table film (id, title, body, code, pos, tax, len, updated)
                CREATE TABLE film (
                    id int NOT NULL,
                    title varchar(200) NOT NULL,
                    body text,
                    code varchar(8) COLLATE utf8mb4_bin,
                    pos point NOT NULL,
                    tax decimal(6,2) GENERATED ALWAYS AS (`id` * 1.2) VIRTUAL,
                    len int GENERATED ALWAYS AS (char_length(`title`)) STORED,
                    updated timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
                    PRIMARY KEY (id),
                    FULLTEXT KEY film_text (title, body),
                    SPATIAL KEY film_pos (pos),
                    KEY film_title (title(10))
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

                """)
    }

    @Test func addsFullTextIndexesAndPrefixes() {
        let sql = renderer.render(
            [.addIndex(table: "film", Self.film.indexes[0]), .addIndex(table: "film", Self.film.indexes[2])],
            current: Schema(), target: Schema())
        #expect(sql.contains("CREATE FULLTEXT INDEX film_text ON film (title, body);"))
        #expect(sql.contains("CREATE INDEX film_title ON film (title(10));"))
    }

    /// `CONVERT TO` converts the columns that follow the table; the ones
    /// with a collation of their own, and text columns it may widen, are set
    /// back right after.
    @Test func changesTheEngineAndConvertsTheCharacterSet() {
        let latin = ["engine": "MyISAM", "charset": "latin1", "collate": "latin1_general_ci"]
        let sql = renderer.render(
            [.setTableOptions(table: "film", from: Self.film.options, to: latin)], current: Schema(),
            target: Schema(tables: [Self.film]))
        #expect(
            sql == """
                -- change options of table film: charset utf8mb4 → latin1, collate utf8mb4_general_ci → latin1_general_ci, engine InnoDB → MyISAM
                ALTER TABLE film ENGINE=MyISAM;
                ALTER TABLE film CONVERT TO CHARACTER SET latin1 COLLATE latin1_general_ci;
                ALTER TABLE film MODIFY COLUMN body text;
                ALTER TABLE film MODIFY COLUMN code varchar(8) COLLATE utf8mb4_bin;

                """)
    }

    /// A trigger or routine body holds `;`: it is written between
    /// `DELIMITER` lines, and the MySQL splitter reads it back as one
    /// statement, followed by the next one.
    @Test func writesBodiesBetweenDelimiterLinesThatSplitAsOneStatement() throws {
        let body = "CREATE TRIGGER `t_audit` AFTER INSERT ON `t` FOR EACH ROW BEGIN\n  INSERT INTO audit VALUES (NEW.id);\nEND"
        let trigger = SchemaObject(
            kind: .trigger, name: "t_audit", table: "t", definition: body, createStatements: [body],
            dropStatements: ["DROP TRIGGER `t_audit`"])
        let view = SchemaObject(
            kind: .view, name: "v", definition: "", createStatements: ["CREATE VIEW `v` AS select 1 AS `one`"],
            dropStatements: ["DROP VIEW `v`"])
        let sql = renderer.render(
            [.createObject(trigger, reason: nil), .createObject(view, reason: nil)], current: Schema(), target: Schema())
        #expect(sql.contains("DELIMITER $$\n\(body)$$\nDELIMITER ;\n"))
        #expect(sql.contains("\nCREATE VIEW `v` AS select 1 AS `one`;\n"), "no DELIMITER around a body without ;")
        let statements = try StatementSplitter(flavor: .mysql).split(sql).map(\.text)
        #expect(statements == [body, "CREATE VIEW `v` AS select 1 AS `one`"])
        // Without them the body would be cut at its first `;`, as the `mysql` client cuts it.
        #expect(try StatementSplitter(flavor: .mysql).split(body + ";").count == 2)
    }

    @Test func picksADelimiterTheBodyDoesNotHold() {
        #expect(MySQLRenderer.delimited("BEGIN SELECT '$$'; END").hasPrefix("DELIMITER //\n"))
        #expect(MySQLRenderer.delimited("SELECT 1") == "SELECT 1")
    }
}
