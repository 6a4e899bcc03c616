import Testing

@testable import MigrateKit

/// The version table's statements: values bound live, literals offline, and
/// ids limited to what the `revision` column holds.
@Suite("Version table SQL")
struct VersionTableSQLTests {
    static let dialects: [any Dialect] = [SQLiteDialect(), PostgreSQLDialect(), MySQLDialect()]

    @Test func liveStatementsBindEveryValue() {
        let id = #"a\b'c"#
        let mysql = VersionTableSQL(name: "migrate_version", dialect: MySQLDialect())
        let insert = mysql.insert(id, checksum: "c1", state: .applying, milliseconds: 0, progress: (0, "p0"))
        #expect(
            insert.sql == """
                INSERT INTO `migrate_version` (revision, checksum, applied_at, execution_ms, state, completed_statements, \
                completed_checksum) VALUES (?, ?, CURRENT_TIMESTAMP, 0, ?, 0, ?)
                """)
        #expect(insert.values == [.text(id), .text("c1"), .text("applying"), .text("p0")])
        let postgres = VersionTableSQL(name: "migrate_version", dialect: PostgreSQLDialect())
        let progress = postgres.recordProgress(id, completed: 3, checksum: "p3")
        #expect(progress.sql == #"UPDATE "migrate_version" SET completed_statements = 3, completed_checksum = $1 WHERE revision = $2"#)
        #expect(progress.values == [.text("p3"), .text(id)])
        let update = postgres.update(id, state: .applied, milliseconds: 7, checksum: "c2")
        #expect(update.sql == #"UPDATE "migrate_version" SET state = $1, execution_ms = 7, checksum = $2 WHERE revision = $3"#)
        // Settling a tracked revision records its last progress in the same statement.
        let settle = mysql.update(id, state: .applied, milliseconds: 7, checksum: "c2", progress: (4, "p4"))
        #expect(
            settle.sql == """
                UPDATE `migrate_version` SET state = ?, execution_ms = 7, checksum = ?, completed_statements = 4, \
                completed_checksum = ? WHERE revision = ?
                """)
        #expect(settle.values == [.text("applied"), .text("c2"), .text("p4"), .text(id)])
        let delete = VersionTableSQL(name: "migrate_version", dialect: SQLiteDialect()).delete(id)
        #expect(delete.sql == #"DELETE FROM "migrate_version" WHERE revision = ?"#)
        #expect(delete.values == [.text(id)])
    }

    @Test func offlineStatementsWriteLiterals() {
        let sql = VersionTableSQL(name: "migrate_version", dialect: PostgreSQLDialect(), bindsValues: false)
        let insert = sql.insert("it's", checksum: nil, state: .applied, milliseconds: 0)
        #expect(
            insert.sql == """
                INSERT INTO "migrate_version" (revision, checksum, applied_at, execution_ms, state) \
                VALUES ('it''s', NULL, CURRENT_TIMESTAMP, 0, 'applied')
                """)
        #expect(insert.values.isEmpty)
    }

    @Test func everyRevisionColumnHoldsTheLongestID() {
        for dialect in Self.dialects {
            #expect(dialect.versionTableTypes.revision == "VARCHAR(\(RevisionID.maximumLength))", "\(dialect.name)")
        }
    }

    @Test func fileWithTooLongIDIsRefused() throws {
        func file(_ id: String) -> String {
            "-- m\n--\n-- Revision ID: \(id)\n-- Revises:\n\n-- migrate:upgrade\nSELECT 1;\n"
        }
        let longest = String(repeating: "x", count: RevisionID.maximumLength)
        #expect(try RevisionScript.parse(file(longest), path: "v/x.sql").revision == longest)
        #expect(throws: RevisionScriptError(.revisionIDTooLong(longest + "y"), path: "v/y.sql", line: 3)) {
            try RevisionScript.parse(file(longest + "y"), path: "v/y.sql")
        }
    }

    @Test func prefixChecksumsTellStatementsApart() {
        let split = { (texts: [String]) in texts.enumerated().map { SQLStatement(text: $1, line: $0 + 1) } }
        let two = split(["CREATE TABLE a (id INTEGER)", "INSERT INTO a VALUES (1)"])
        let checksums = StatementPrefix.checksums(of: two)
        #expect(checksums.count == 3)
        #expect(checksums[0] == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Set(checksums).count == 3)
        let edited = StatementPrefix.checksums(of: split(["CREATE TABLE a (id INTEGER)", "INSERT INTO a VALUES (2)"]))
        #expect(edited[1] == checksums[1] && edited[2] != checksums[2])
        let joined = StatementPrefix.checksums(of: split(["CREATE TABLE a (id INTEGER)INSERT INTO a VALUES (1)"]))
        #expect(joined[1] != checksums[2])
    }
}
