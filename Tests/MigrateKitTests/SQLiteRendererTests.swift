import Testing

@testable import MigrateKit

/// SQLite DDL as the renderer writes it: plain `ALTER TABLE` where SQLite
/// allows it, the manual's table rebuild everywhere else.
@Suite("SQLiteRenderer")
struct SQLiteRendererTests {
    let renderer = SQLiteRenderer()
    let differ = SchemaDiffer(dialect: SQLiteDialect())

    static let authors = Table(
        name: "authors",
        columns: [
            Column(name: "id", type: "INTEGER", identity: .autoincrement),
            Column(name: "name", type: "TEXT", isNullable: false, collation: "NOCASE"),
        ],
        primaryKey: PrimaryKey(columns: ["id"]))
    static let books = Table(
        name: "books",
        columns: [
            Column(name: "id", type: "INTEGER", isNullable: false),
            Column(name: "author_id", type: "INTEGER"),
            Column(name: "title", type: "VARCHAR(100)", isNullable: false),
            Column(name: "created_at", type: "TEXT", defaultExpression: "CURRENT_TIMESTAMP"),
        ],
        primaryKey: PrimaryKey(columns: ["id"]),
        indexes: [Index(name: "books_title", keys: [.column("title")], predicate: "title <> ''")])

    private func render(_ old: [Table], _ new: [Table]) -> (upgrade: String, downgrade: String) {
        let current = Schema(tables: old)
        let target = Schema(tables: new)
        return renderer.renderRevision(differ.changes(from: current, to: target), current: current, target: target)
    }

    @Test func createsTablesWithAutoincrementOnTheColumn() {
        #expect(
            render([], [Self.authors]).upgrade == """
                -- create table authors (id, name)
                CREATE TABLE authors (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL COLLATE NOCASE
                );

                """)
    }

    @Test func addsAndDropsPlainColumnsWithAlterTable() {
        var new = Self.books
        new.columns.append(Column(name: "pages", type: "INTEGER", isNullable: false, defaultExpression: "0"))
        let (upgrade, downgrade) = render([Self.books], [new])
        #expect(
            upgrade == """
                -- add column books.pages INTEGER NOT NULL DEFAULT 0
                ALTER TABLE books ADD COLUMN pages INTEGER NOT NULL DEFAULT 0;

                """)
        #expect(
            downgrade == """
                -- DATA LOSS: drops column books.pages
                -- drop column books.pages
                ALTER TABLE books DROP COLUMN pages;

                """)
    }

    @Test func rebuildsTheTableOnceForAllItsChangesAndRecreatesItsIndexes() {
        var new = Self.books
        new.columns[2].type = "VARCHAR(200)"
        new.columns[3].defaultExpression = "datetime('now')"
        new.foreignKeys = [
            ForeignKey(columns: ["author_id"], referencedTable: "authors", referencedColumns: ["id"], onDelete: .cascade)
        ]
        new.checks = [CheckConstraint(name: "books_title_check", expression: "length(title) > 0")]
        let (upgrade, _) = render([Self.authors, Self.books], [Self.authors, new])
        #expect(
            upgrade == """
                -- alter column books.title: type VARCHAR(100) → VARCHAR(200)
                -- alter column books.created_at: default datetime('now')
                -- add check constraint books_title_check on books: length(title) > 0
                -- add foreign key books(author_id) → authors(id) ON DELETE CASCADE
                -- (SQLite cannot ALTER this: books is rebuilt, as its manual describes)
                PRAGMA defer_foreign_keys = ON;
                CREATE TABLE "_new_books" (
                    id INTEGER NOT NULL,
                    author_id INTEGER,
                    title VARCHAR(200) NOT NULL,
                    created_at TEXT DEFAULT (datetime('now')),
                    PRIMARY KEY (id),
                    FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE,
                    CONSTRAINT books_title_check CHECK (length(title) > 0)
                );
                INSERT INTO "_new_books" (id, author_id, title, created_at)
                    SELECT id, author_id, title, created_at FROM books;
                DROP TABLE books;
                ALTER TABLE "_new_books" RENAME TO books;
                CREATE INDEX books_title ON books (title) WHERE title <> '';
                CREATE TEMP TABLE "_migrate_foreign_key_check" (violations INTEGER CONSTRAINT "foreign key violations after rebuilding books: rows reference missing parents; PRAGMA foreign_key_check(books) lists them" CHECK (violations = 0));
                INSERT INTO "_migrate_foreign_key_check" SELECT count(*) FROM (
                    SELECT 1 FROM pragma_foreign_key_check('books')
                );
                DROP TABLE "_migrate_foreign_key_check";

                """)
    }

    @Test func dropsAnIndexedColumnByRebuildingAndANewNotNullColumnWithoutDefaultToo() {
        var new = Self.books
        new.columns.remove(at: 2)
        new.indexes = []
        new.columns.append(Column(name: "isbn", type: "TEXT", isNullable: false))
        let upgrade = render([Self.books], [new]).upgrade
        #expect(
            upgrade.hasPrefix(
                """
                -- drop index books_title on books
                -- add column books.isbn TEXT NOT NULL
                -- DATA LOSS: drops column books.title
                -- drop column books.title
                -- (SQLite cannot ALTER this: books is rebuilt, as its manual describes)
                PRAGMA defer_foreign_keys = ON;
                """))
        #expect(upgrade.contains("INSERT INTO \"_new_books\" (id, author_id, created_at)\n"))
        #expect(!upgrade.contains("CREATE INDEX"))
    }

    @Test func keepsMultiLineExpressionsInsideTheirCommentAndSplitsCleanly() throws {
        var new = Self.authors
        new.checks = [CheckConstraint(expression: "length(name) > 0\n    AND name <> 'x;y'")]
        let upgrade = render([Self.authors], [new]).upgrade
        #expect(
            upgrade.hasPrefix(
                """
                -- add check constraint on authors: length(name) > 0
                --     AND name <> 'x;y'
                -- (SQLite cannot ALTER this
                """))
        let statements = try StatementSplitter(flavor: .sqlite).split(upgrade).map(\.text)
        #expect(statements.count == 8)
        #expect(statements.first == "PRAGMA defer_foreign_keys = ON")
    }

    /// Renames are settled before rendering (see `RenamePlanTests`): what
    /// reaches the renderer as a drop is one, and is marked as data loss.
    @Test func marksTheDropOfATableAsDataLoss() {
        var renamed = Self.authors
        renamed.name = "writers"
        #expect(
            render([Self.authors], [renamed]).upgrade == """
                -- DATA LOSS: drops table authors
                -- drop table authors
                DROP TABLE authors;

                -- create table writers (id, name)
                CREATE TABLE writers (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL COLLATE NOCASE
                );

                """)
    }
}
