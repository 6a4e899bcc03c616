import Testing

@testable import MigrateKit

/// MySQL/MariaDB DDL as the renderer writes it: the changes and the exact SQL.
@Suite("MySQLRenderer")
struct MySQLRendererTests {
    let renderer = MySQLRenderer()

    static let books = Table(
        name: "books",
        columns: [
            Column(name: "id", type: "int", isNullable: false, identity: .autoincrement),
            Column(name: "author_id", type: "int", isNullable: false),
            Column(name: "title", type: "varchar(200)", isNullable: false, collation: "utf8mb4_bin", comment: "It's the title"),
            Column(name: "status", type: "varchar(20)", isNullable: false, defaultExpression: "'draft'"),
            Column(name: "created_at", type: "timestamp", isNullable: false, defaultExpression: "CURRENT_TIMESTAMP"),
        ],
        primaryKey: PrimaryKey(columns: ["id"]),
        foreignKeys: [
            ForeignKey(
                name: "books_author_fk", columns: ["author_id"], referencedTable: "authors", referencedColumns: ["id"],
                onDelete: .cascade)
        ],
        uniqueConstraints: [UniqueConstraint(name: "books_title_key", columns: ["title", "author_id"])],
        indexes: [Index(name: "books_author_fk", keys: [.column("author_id")])],
        checks: [CheckConstraint(name: "books_status_check", expression: "`status` <> ''")],
        comment: "Books")

    @Test func createsATableWithKeysInline() {
        let sql = renderer.render([.createTable(Self.books)], current: Schema(), target: Schema(tables: [Self.books]))
        #expect(
            sql == """
                -- create table books (id, author_id, title, status, created_at)
                CREATE TABLE books (
                    id int NOT NULL AUTO_INCREMENT,
                    author_id int NOT NULL,
                    title varchar(200) COLLATE utf8mb4_bin NOT NULL COMMENT 'It''s the title',
                    status varchar(20) NOT NULL DEFAULT 'draft',
                    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
                    PRIMARY KEY (id),
                    UNIQUE KEY books_title_key (title, author_id),
                    KEY books_author_fk (author_id),
                    CONSTRAINT books_author_fk FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE,
                    CONSTRAINT books_status_check CHECK (`status` <> '')
                ) COMMENT = 'Books';

                """)
    }

    @Test func modifiesColumnsWithTheirFullDefinitionAndAddsThemInPlace() {
        let from = Column(name: "status", type: "varchar(20)", isNullable: false, defaultExpression: "'draft'")
        let to = Column(name: "status", type: "varchar(50)")
        let isbn = Column(name: "isbn", type: "varchar(20)")
        var target = Self.books
        target.columns.insert(isbn, at: 1)
        let (upgrade, downgrade) = renderer.renderRevision(
            [.addColumn(table: "books", isbn), .alterColumn(table: "books", from: from, to: to)],
            current: Schema(tables: [Self.books]), target: Schema(tables: [target]))
        #expect(
            upgrade == """
                -- add column books.isbn varchar(20)
                ALTER TABLE books ADD COLUMN isbn varchar(20) AFTER id;

                -- alter column books.status: type varchar(20) → varchar(50), NULL, drop default
                ALTER TABLE books MODIFY COLUMN status varchar(50);

                """)
        #expect(
            downgrade == """
                -- DATA LOSS: narrows type varchar(50) to varchar(20) on books.status; sets NOT NULL on books.status, which may hold NULLs
                -- alter column books.status: type varchar(50) → varchar(20), NOT NULL, default 'draft'
                SET @migrate_sql_mode = @@SESSION.sql_mode;
                SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');
                ALTER TABLE books MODIFY COLUMN status varchar(20) NOT NULL DEFAULT 'draft';
                SET SESSION sql_mode = COALESCE(@migrate_sql_mode, @@SESSION.sql_mode);

                -- DATA LOSS: drops column books.isbn
                -- drop column books.isbn
                ALTER TABLE books DROP COLUMN isbn;

                """)
    }

    @Test func dropsKeysTheMySQLWay() {
        let changes: [SchemaChange] = [
            .dropForeignKey(table: "books", Self.books.foreignKeys[0]),
            .dropIndex(table: "books", Self.books.indexes[0]),
            .dropUnique(table: "books", Self.books.uniqueConstraints[0]),
            .dropCheck(table: "books", Self.books.checks[0]),
            .setPrimaryKey(table: "books", from: Self.books.primaryKey, to: PrimaryKey(columns: ["id", "author_id"])),
            .setTableComment(table: "books", from: "Books", to: nil),
        ]
        #expect(
            renderer.render(changes, current: Schema(), target: Schema()) == """
                -- drop foreign key books_author_fk books(author_id) → authors(id) ON DELETE CASCADE
                ALTER TABLE books DROP FOREIGN KEY books_author_fk;

                -- drop index books_author_fk on books
                DROP INDEX books_author_fk ON books;

                -- drop unique constraint books_title_key on books (title, author_id)
                ALTER TABLE books DROP INDEX books_title_key;

                -- drop check constraint books_status_check on books: `status` <> ''
                ALTER TABLE books DROP CONSTRAINT books_status_check;

                -- change primary key of books from (id) to (id, author_id)
                ALTER TABLE books DROP PRIMARY KEY, ADD PRIMARY KEY (id, author_id);

                -- remove comment from table books
                ALTER TABLE books COMMENT = '';

                """)
    }

    @Test func recognisesServerChosenNames() {
        let dialect = MySQLDialect()
        #expect(dialect.isGeneratedName("books_ibfk_1", for: .foreignKey, on: "books"))
        #expect(dialect.isGeneratedName("CONSTRAINT_1", for: .check, on: "books"))
        #expect(dialect.isGeneratedName("books_chk_2", for: .check, on: "books"))
        #expect(!dialect.isGeneratedName("books_author_fk", for: .foreignKey, on: "books"))
    }
}
