import Foundation
import Testing

@testable import MigrateKit

/// A foreign key or check left `NOT VALID` (an online revision stopped
/// before its `VALIDATE`, or one added by hand) has rows nobody checked:
/// `check` must not call it the declared, validated constraint (issue 8 §2).
@Suite("PostgreSQL NOT VALID constraints")
struct PostgreSQLNotValidConstraintTests {
    static let declared = """
        CREATE TABLE authors (id integer PRIMARY KEY);
        CREATE TABLE books (
            id integer PRIMARY KEY,
            author_id integer CONSTRAINT books_author_fk REFERENCES authors (id),
            pages integer CONSTRAINT books_pages_check CHECK (pages > 0)
        );

        """

    @Test func aConstraintLeftNotValidFailsCheckAndAutogenerateValidatesIt() throws {
        let project = try AutogenerateProject(.postgresql)
        try project.declare(Self.declared)
        try project.expectSuccess("revision", "--autogenerate", "-m", "Books")
        try project.expectSuccess("upgrade", "head")
        try project.execute(
            """
            INSERT INTO authors VALUES (1);
            INSERT INTO books VALUES (1, 1, 10);
            ALTER TABLE books DROP CONSTRAINT books_author_fk;
            ALTER TABLE books ADD CONSTRAINT books_author_fk FOREIGN KEY (author_id) REFERENCES authors (id) NOT VALID;
            ALTER TABLE books DROP CONSTRAINT books_pages_check;
            ALTER TABLE books ADD CONSTRAINT books_pages_check CHECK (pages > 0) NOT VALID;
            """)
        let check = try project.run("check")
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("books(author_id) → authors(id) NOT VALID"), "\(check.stdout)")
        #expect(check.stdout.contains("pages > 0 NOT VALID"), "\(check.stdout)")

        try project.expectSuccess("revision", "--autogenerate", "-m", "Validate")
        try project.expectSuccess("upgrade", "head")
        let after = try project.run("check")
        #expect(after.status == 0, "\(after.stdout)\(after.stderr)")
        #expect(try project.count("books") == 1)
    }

    @Test func aDeclaredNotValidConstraintIsCreatedNotValid() throws {
        let project = try AutogenerateProject(.postgresql)
        try project.declare(
            Self.declared.replacingOccurrences(of: " CONSTRAINT books_pages_check CHECK (pages > 0)", with: "")
                + "ALTER TABLE books ADD CONSTRAINT books_pages_check CHECK (pages > 0) NOT VALID;\n")
        try project.expectSuccess("revision", "--autogenerate", "-m", "Books")
        let text = try String(contentsOfFile: try project.revisionFiles()[0], encoding: .utf8)
        #expect(text.contains("ADD CONSTRAINT books_pages_check CHECK (pages > 0) NOT VALID"), "\(text)")
        try project.expectSuccess("upgrade", "head")
        let check = try project.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let live = try project.inspect()
        #expect(live.tables["books"]?.checks.first?.isValidated == false)
        #expect(live.tables["books"]?.foreignKeys.first?.isValidated == true)
    }
}
