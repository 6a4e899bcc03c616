import Foundation
import Testing

@testable import MigrateKit

@Suite("StatementSplitter")
struct StatementSplitterTests {
    private func split(
        _ sql: String, _ flavor: SplitterFlavor = SplitterFlavor(), firstLine: Int = 1
    ) throws -> [SQLStatement] {
        try StatementSplitter(flavor: flavor).split(sql, firstLine: firstLine)
    }

    private func statement(_ text: String, _ line: Int) -> SQLStatement {
        SQLStatement(text: text, line: line)
    }

    // MARK: Terminators and lines

    @Test func splitsAtSemicolonsWithTheLineEachStatementStartsOn() throws {
        let sql = """
            CREATE TABLE a (id INTEGER);
            CREATE TABLE b (
                id INTEGER,
                a_id INTEGER REFERENCES a (id)
            );

            INSERT INTO a VALUES (1); INSERT INTO a VALUES (2);
            """
        #expect(
            try split(sql) == [
                statement("CREATE TABLE a (id INTEGER)", 1),
                statement("CREATE TABLE b (\n    id INTEGER,\n    a_id INTEGER REFERENCES a (id)\n)", 2),
                statement("INSERT INTO a VALUES (1)", 7),
                statement("INSERT INTO a VALUES (2)", 7),
            ])
    }

    @Test func linesCountFromTheSectionsFirstFileLine() throws {
        #expect(
            try split("\nSELECT 1;\n\n  SELECT\n  2;", firstLine: 10) == [
                statement("SELECT 1", 11), statement("SELECT\n  2", 13),
            ])
    }

    @Test func keepsAFinalStatementWithoutSemicolon() throws {
        #expect(try split("SELECT 1;\nSELECT 2\n\n") == [statement("SELECT 1", 1), statement("SELECT 2", 2)])
    }

    @Test func emptyStatementsAndBlankInputGiveNothing() throws {
        #expect(try split("").isEmpty)
        #expect(try split("  \n\t\n").isEmpty)
        #expect(try split(";;\n ; ").isEmpty)
    }

    @Test func carriageReturnsAreBlanks() throws {
        #expect(try split("SELECT 1;\r\nSELECT\r\n 2;\r\n") == [statement("SELECT 1", 1), statement("SELECT\r\n 2", 2)])
    }

    // MARK: Strings, names, comments

    @Test func semicolonsInsideStringsDoNotSplit() throws {
        let sql = "INSERT INTO t VALUES ('a;b', 'it''s; fine', '');\nSELECT ';';"
        #expect(
            try split(sql) == [
                statement("INSERT INTO t VALUES ('a;b', 'it''s; fine', '')", 1), statement("SELECT ';'", 2),
            ])
    }

    @Test func semicolonsInsideQuotedNamesDoNotSplit() throws {
        let sql = #"CREATE TABLE "we;ird" ("x"";" INTEGER); DROP TABLE "we;ird";"#
        #expect(
            try split(sql) == [
                statement(#"CREATE TABLE "we;ird" ("x"";" INTEGER)"#, 1), statement(#"DROP TABLE "we;ird""#, 1),
            ])
    }

    @Test func stringsMaySpanLines() throws {
        let sql = "INSERT INTO t VALUES ('one;\ntwo;\nthree');\nSELECT 1;"
        #expect(
            try split(sql) == [
                statement("INSERT INTO t VALUES ('one;\ntwo;\nthree')", 1), statement("SELECT 1", 4),
            ])
    }

    @Test func lineCommentsHideSemicolonsAndAreNotStatements() throws {
        let sql = """
            -- a comment; with a semicolon
            SELECT 1; -- trailing; comment
            -- only a comment;
            SELECT 2;
            -- the end;
            """
        #expect(try split(sql) == [statement("SELECT 1", 2), statement("SELECT 2", 4)])
    }

    @Test func blockCommentsHideSemicolonsAndAreNotStatements() throws {
        let sql = """
            /* header;
               still the header; */
            SELECT /* inline; */ 1;
            /* alone */;
            SELECT 2 /* last; */
            """
        #expect(try split(sql) == [statement("SELECT /* inline; */ 1", 3), statement("SELECT 2", 5)])
    }

    @Test func statementStartsAtItsFirstCharacterAfterComments() throws {
        let sql = "\n\n  -- lead\n  /* more\n */ SELECT 1 -- one\n , 2\n -- before the end\n ;"
        #expect(try split(sql) == [statement("SELECT 1 -- one\n , 2", 5)])
    }

    @Test func nonASCIITextIsKeptIntact() throws {
        let sql = "INSERT INTO t VALUES ('héllo; wörld'); SELECT '日本;語' AS \"名前\";"
        #expect(
            try split(sql) == [
                statement("INSERT INTO t VALUES ('héllo; wörld')", 1), statement("SELECT '日本;語' AS \"名前\"", 1),
            ])
    }

    // MARK: SQLite trigger bodies

    @Test func triggerBodyIsOneStatementEvenWithCaseEnd() throws {
        let sql = """
            CREATE TABLE t (a INTEGER, b INTEGER, end_at TEXT);
            CREATE TRIGGER t_ai AFTER INSERT ON t
            BEGIN
              UPDATE t SET b = CASE WHEN NEW.a > 0 THEN 1 ELSE 0 END WHERE rowid = NEW.rowid;
              SELECT CASE WHEN NEW.a < 0 THEN RAISE(ABORT, 'negative; no') END;
            END;
            INSERT INTO t (a) VALUES (1);
            """
        let trigger = """
            CREATE TRIGGER t_ai AFTER INSERT ON t
            BEGIN
              UPDATE t SET b = CASE WHEN NEW.a > 0 THEN 1 ELSE 0 END WHERE rowid = NEW.rowid;
              SELECT CASE WHEN NEW.a < 0 THEN RAISE(ABORT, 'negative; no') END;
            END
            """
        #expect(
            try split(sql, .sqlite) == [
                statement("CREATE TABLE t (a INTEGER, b INTEGER, end_at TEXT)", 1),
                statement(trigger, 2),
                statement("INSERT INTO t (a) VALUES (1)", 7),
            ])
    }

    @Test(arguments: [
        "CREATE TEMP TRIGGER IF NOT EXISTS x AFTER DELETE ON t BEGIN DELETE FROM u; DELETE FROM v; END",
        "create temporary trigger x after delete on t begin delete from u; /* ; */ delete from v; end",
        "Create Trigger x After Delete On t Begin Delete From u; -- end;\n Delete From v; End",
    ])
    func triggerVariantsAreOneStatement(trigger: String) throws {
        #expect(try split(trigger + ";\nSELECT 1;", .sqlite).map(\.text) == [trigger, "SELECT 1"])
    }

    @Test func triggerWithoutFinalSemicolonEndsAtEndOfSection() throws {
        let sql = "CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; END\n"
        #expect(try split(sql, .sqlite) == [statement("CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; END", 1)])
    }

    @Test func transactionBeginAndEndStillSplitWithTriggerBodies() throws {
        let sql = """
            BEGIN;
            CREATE TABLE x (a);
            COMMIT;
            BEGIN TRANSACTION;
            DROP TABLE x;
            END;
            BEGIN IMMEDIATE; END TRANSACTION;
            """
        #expect(
            try split(sql, .sqlite).map(\.text) == [
                "BEGIN", "CREATE TABLE x (a)", "COMMIT", "BEGIN TRANSACTION", "DROP TABLE x", "END",
                "BEGIN IMMEDIATE", "END TRANSACTION",
            ])
    }

    @Test func withoutTriggerBodiesATriggerSplitsAtEverySemicolon() throws {
        let sql = "CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; END;"
        #expect(try split(sql).map(\.text) == ["CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1", "END"])
    }

    @Test func triggerWithoutEndIsAnErrorAtItsFirstLine() throws {
        let sql = "SELECT 1;\nCREATE TRIGGER x AFTER INSERT ON t\nBEGIN\n  SELECT 1;\nCREATE TABLE y (a);\n"
        let error = try #require(throws: RevisionScriptError.self) {
            try StatementSplitter(flavor: .sqlite).split(sql, firstLine: 20, path: "versions/ab_x.sql")
        }
        #expect(error.errorID == "revision.unterminated")
        #expect(error.kind == .unterminated(.triggerBody))
        #expect(error.message.hasPrefix("versions/ab_x.sql:21: "))
        #expect(error.message.contains("END;"))
    }

    // MARK: PostgreSQL

    @Test func dollarQuotedFunctionBodyIsOneStatement() throws {
        let sql = """
            CREATE FUNCTION touch() RETURNS trigger AS $$
            BEGIN
              NEW.updated_at := now(); -- it's; here
              RETURN NEW;
            END;
            $$ LANGUAGE plpgsql;
            CREATE TRIGGER touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
            """
        let function = """
            CREATE FUNCTION touch() RETURNS trigger AS $$
            BEGIN
              NEW.updated_at := now(); -- it's; here
              RETURN NEW;
            END;
            $$ LANGUAGE plpgsql
            """
        #expect(
            try split(sql, .postgresql) == [
                statement(function, 1),
                statement("CREATE TRIGGER touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch()", 7),
            ])
    }

    @Test func taggedDollarQuotesMayContainOtherDollarQuotes() throws {
        let sql = "DO $body$ BEGIN EXECUTE $$SELECT ';'$$; END $body$;\nSELECT $x$a;b$x$, $$;$$;"
        #expect(
            try split(sql, .postgresql) == [
                statement("DO $body$ BEGIN EXECUTE $$SELECT ';'$$; END $body$", 1),
                statement("SELECT $x$a;b$x$, $$;$$", 2),
            ])
    }

    @Test func dollarSignsThatOpenNoQuoteAreOrdinary() throws {
        let sql = "PREPARE p (int) AS SELECT $1;\nSELECT price$usd$ FROM t;\nSELECT 2;"
        #expect(
            try split(sql, .postgresql).map(\.text) == [
                "PREPARE p (int) AS SELECT $1", "SELECT price$usd$ FROM t", "SELECT 2",
            ])
    }

    @Test func dollarQuotesAreOrdinaryTextWhenTheFlavorHasNone() throws {
        #expect(try split("SELECT $$a;b$$;").map(\.text) == ["SELECT $$a", "b$$"])
    }

    @Test func escapeStringsTakeBackslashEscapes() throws {
        let sql = #"SELECT E'it\'s; here', e'\\'; SELECT 'C:\'; SELECT 2;"#
        #expect(
            try split(sql, .postgresql).map(\.text) == [#"SELECT E'it\'s; here', e'\\'"#, #"SELECT 'C:\'"#, "SELECT 2"])
    }

    @Test func nestedBlockComments() throws {
        let sql = "/* outer /* inner; */ still; */ SELECT 1;"
        #expect(try split(sql, .postgresql) == [statement("SELECT 1", 1)])
    }

    // MARK: MySQL

    @Test func backslashEscapesInStrings() throws {
        let sql = #"INSERT INTO t VALUES ('it\'s; fine', "say \"hi;\"", 'back\\');"# + "\nSELECT 2;"
        #expect(
            try split(sql, .mysql) == [
                statement(#"INSERT INTO t VALUES ('it\'s; fine', "say \"hi;\"", 'back\\')"#, 1),
                statement("SELECT 2", 2),
            ])
    }

    @Test func backtickNames() throws {
        let sql = "CREATE TABLE `a;b` (`c``;` INT);\nSELECT 1;"
        #expect(try split(sql, .mysql).map(\.text) == ["CREATE TABLE `a;b` (`c``;` INT)", "SELECT 1"])
        #expect(try split(sql, SplitterFlavor(backtickIdentifiers: true)).count == 2)
    }

    @Test func delimiterCommandChangesTheTerminator() throws {
        let sql = """
            DELIMITER //
            CREATE PROCEDURE p()
            BEGIN
              SELECT 1;
              SELECT 2;
            END//
            DELIMITER ;
            CALL p();
            delimiter $$
            CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END$$
            SELECT 3 $$
            DELIMITER ;
            SELECT 4
            """
        #expect(
            try split(sql, .mysql) == [
                statement("CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND", 2),
                statement("CALL p()", 8),
                statement("CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END", 10),
                statement("SELECT 3", 11),
                statement("SELECT 4", 13),
            ])
    }

    @Test func delimiterIsAnOrdinaryWordWithoutTheCommand() throws {
        #expect(try split("DELIMITER //\nSELECT 1;").map(\.text) == ["DELIMITER //\nSELECT 1"])
    }

    @Test func delimiterWithoutTerminatorIsAnError() throws {
        let error = try #require(throws: RevisionScriptError.self) {
            try StatementSplitter(flavor: .mysql)
                .split("SELECT 1;\nDELIMITER   \nSELECT 2;", firstLine: 5, path: "v.sql")
        }
        #expect(error.errorID == "revision.bad-delimiter")
        #expect(error.message.hasPrefix("v.sql:6: "))
    }

    @Test func mysqlCommentRules() throws {
        let sql = """
            # a comment; here
            SELECT 5--3;
            SELECT 1; -- a comment; here
            /*!40101 SET NAMES utf8mb4 */;
            /* a plain comment */;
            SELECT 2;
            """
        #expect(
            try split(sql, .mysql) == [
                statement("SELECT 5--3", 2), statement("SELECT 1", 3),
                statement("/*!40101 SET NAMES utf8mb4 */", 4), statement("SELECT 2", 6),
            ])
    }

    // MARK: Errors

    @Test(arguments: [
        ("SELECT 1;\nSELECT 'abc;\n\nSELECT 2;", RevisionScriptError.Construct.string, 2),
        ("SELECT \"abc;\nSELECT 2;", .quotedIdentifier, 1),
        ("SELECT 1;\n\n\nSELECT `abc;", .backtickIdentifier, 4),
        ("SELECT 1; /* never\nclosed;", .blockComment, 1),
        ("SELECT 1;\nSELECT $fn$ BEGIN; $$ END;", .dollarQuote(tag: "fn"), 2),
        ("SELECT 1;\nSELECT $$ BEGIN; $fn$ END;", .dollarQuote(tag: ""), 2),
    ])
    func unterminatedConstructsNameTheirFirstLine(
        sql: String, construct: RevisionScriptError.Construct, line: Int
    ) throws {
        let flavor = SplitterFlavor(dollarQuotes: true, backtickIdentifiers: true)
        let section = ScriptSection(direction: .upgrade, body: sql, firstLine: 100)
        let error = try #require(throws: RevisionScriptError.self) {
            try section.statements(flavor: flavor, path: "migrations/versions/abc_x.sql")
        }
        #expect(error.errorID == "revision.unterminated")
        #expect(error.kind == .unterminated(construct))
        #expect(error.path == "migrations/versions/abc_x.sql")
        #expect(error.line == 99 + line)
        #expect(error.message.hasPrefix("migrations/versions/abc_x.sql:\(99 + line): "))
    }

    @Test func errorWithoutPathNamesTheLine() throws {
        let error = try #require(throws: RevisionScriptError.self) { try split("\n'abc") }
        #expect(error.message.hasPrefix("line 2: the string that starts here is never closed"))
    }

    // MARK: Speed

    @Test func splitsFiveThousandLinesInMilliseconds() throws {
        var sql = ""
        for index in 0..<1000 {
            sql += "-- statement \(index); with a comment\n"
            sql += "INSERT INTO notes (id, text) VALUES (\(index), 'note; number \(index)');\n"
            sql += "CREATE FUNCTION f\(index)() RETURNS int AS $$\n  SELECT 1; /* ; */\n$$ LANGUAGE sql;\n"
        }
        let splitter = StatementSplitter(flavor: .postgresql)
        let clock = ContinuousClock()
        var statements: [SQLStatement] = []
        let elapsed = try clock.measure { statements = try splitter.split(sql) }
        #expect(statements.count == 2000)
        #expect(
            statements.last
                == statement("CREATE FUNCTION f999() RETURNS int AS $$\n  SELECT 1; /* ; */\n$$ LANGUAGE sql", 4998))
        // A few milliseconds in a release build; generous for debug builds and busy machines.
        #expect(elapsed < .milliseconds(250))
    }
}
