import Testing

@testable import MigrateKit

@Suite("DotEnv")
struct DotEnvTests {
    func parse(_ text: String) throws -> [String: String] { try DotEnv.parse(text, path: "/p/.env") }

    @Test func plainAssignments() throws {
        let values = try parse(
            """
            # a comment

            DATABASE_URL=postgresql://app:secret@db/app
            export PGHOST=localhost
              SPACED = some value\t
            EMPTY=
            exportED=1
            """)
        #expect(
            values == [
                "DATABASE_URL": "postgresql://app:secret@db/app", "PGHOST": "localhost", "SPACED": "some value",
                "EMPTY": "", "exportED": "1",
            ])
    }

    @Test func inlineCommentsNeedWhitespaceBefore() throws {
        let values = try parse("A=value # comment\nB=value#not-a-comment\nC=x\t# tab comment\n")
        #expect(values == ["A": "value", "B": "value#not-a-comment", "C": "x"])
    }

    @Test func singleQuotesAreLiteral() throws {
        let values = try parse(#"A='  spaced # kept \n $HOME ' # comment"#)
        #expect(values == ["A": #"  spaced # kept \n $HOME "#])
    }

    @Test func doubleQuotesUnderstandEscapes() throws {
        let values = try parse(#"A="line1\nline2 \"quoted\" back\\slash \$X tab\t" # comment"#)
        #expect(values == ["A": "line1\nline2 \"quoted\" back\\slash $X tab\t"])
    }

    @Test func quotedValuesMaySpanLines() throws {
        let values = try parse("A=\"first\nsecond\"\nB='x\ny'\nC=after\n")
        #expect(values == ["A": "first\nsecond", "B": "x\ny", "C": "after"])
    }

    @Test func laterAssignmentWinsAndCRLF() throws {
        #expect(try parse("A=1\r\nA=2\r\n") == ["A": "2"])
    }

    @Test func noEquals() {
        let error = #expect(throws: ConfigError.self) { try parse("A=1\nB\n") }
        #expect(error?.errorID == "config.syntax")
        #expect(error?.message.contains("/p/.env, line 2") == true)
    }

    @Test func badKey() {
        let error = #expect(throws: ConfigError.self) { try parse("\n1A=x\n") }
        #expect(error?.message.contains("line 2") == true)
        #expect(error?.message.contains("1A") == true)
    }

    @Test func unterminatedQuoteNamesTheStartLineAndHidesTheValue() {
        let error = #expect(throws: ConfigError.self) { try parse("A=1\nDATABASE_URL=\"postgresql://u:hunter2@h/db\n") }
        #expect(error?.errorID == "config.syntax")
        #expect(error?.message.contains("line 2") == true)
        #expect(error?.message.contains("DATABASE_URL") == true)
        #expect(error?.message.contains("hunter2") == false)
    }

    @Test func textAfterClosingQuote() {
        let error = #expect(throws: ConfigError.self) { try parse("A=\"x\" trailing-secret\n") }
        #expect(error?.message.contains("line 1") == true)
        #expect(error?.message.contains("trailing-secret") == false)
    }
}
