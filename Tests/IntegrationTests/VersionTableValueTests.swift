import Foundation
import Testing

@testable import MigrateKit

/// Values in the version table: ids no longer than its `revision` column,
/// refused up front, and ids stored exactly as written whatever the server's
/// `sql_mode` (issue 9).
@Suite("Version table values", .serialized)
struct VersionTableValueTests {
    static let longest = String(repeating: "a", count: 63) + "z"
    static let tooLong = String(repeating: "b", count: 65)

    @Test(arguments: TestBackend.allCases)
    func revisionIDsLongerThanTheColumnAreRefusedUpFront(_ backend: TestBackend) throws {
        let project = try CLIProject(backend)
        try project.write(Self.longest, upgrade: "CREATE TABLE longest_t (id INTEGER);", downgrade: "DROP TABLE longest_t;")
        let upgraded = try project.run("upgrade", "head")
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        #expect(try project.versionRows() == ["\(Self.longest):applied"])
        #expect(try project.run("current", "--check-clean").status == 0)

        let path = try project.write(
            Self.tooLong, revises: [Self.longest], upgrade: "CREATE TABLE long_t (id INTEGER);", downgrade: "DROP TABLE long_t;")
        let refused = try project.run("upgrade", "head")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("error[revision.id-too-long]: \(path):3:"), "\(refused.stderr)")
        #expect(refused.stderr.contains("65 characters") && refused.stderr.contains("64"), "\(refused.stderr)")
        #expect(try project.versionRows() == ["\(Self.longest):applied"])
        #expect(try !project.tableExists("long_t"))
        try FileManager.default.removeItem(atPath: path)

        let revision = try project.run("revision", "-m", "too long", "--rev-id", Self.tooLong)
        #expect(revision.status == 64)
        #expect(revision.stderr.hasPrefix("error[revision.id-too-long]:"), "\(revision.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.versions).count == 1)
    }

    /// With `NO_BACKSLASH_ESCAPES` in the global `sql_mode`, a backslash in
    /// an id is stored as written. The global mode is restored at once.
    @Test func backslashIdUnderGlobalNoBackslashEscapes() throws {
        let project = try CLIProject(.mysql)
        let id = #"a\b"#
        try project.write(id, upgrade: "CREATE TABLE slash_t (id INTEGER);", downgrade: "DROP TABLE slash_t;")
        let admin = try project.connect()
        defer { admin.close() }
        let previous = try admin.scalar("SELECT @@GLOBAL.sql_mode")?.string ?? ""
        try admin.execute("SET GLOBAL sql_mode = CONCAT(@@GLOBAL.sql_mode, ',NO_BACKSLASH_ESCAPES')")
        let upgraded: CommandResult
        let current: CommandResult
        do {
            defer { try? admin.execute("SET GLOBAL sql_mode = '\(previous)'") }
            upgraded = try project.run("upgrade", "head")
            current = try project.run("current", "--check-clean")
        }
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        #expect(try project.versionRows() == [#"a\b:applied"#])
        #expect(current.status == 0, "\(current.stdout)\(current.stderr)")
        #expect(current.stdout.contains(#"a\b (head)"#), "\(current.stdout)")
    }

    /// The same with the mode set on the session the version table is written on.
    @Test func backslashIdUnderSessionNoBackslashEscapes() throws {
        let project = try CLIProject(.mysql)
        let connection = try project.connect()
        defer { connection.close() }
        try connection.execute("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')")
        let table = VersionTable(name: "migrate_version", dialect: MySQLDialect(), connection: connection)
        try table.createIfNeeded()
        let id = #"a\b'c"#
        try table.insert(id, checksum: #"x\y"#, state: .applying, milliseconds: 0)
        try table.update(id, state: .applied, milliseconds: 3)
        let rows = try table.rows()
        #expect(rows.map(\.revision) == [id])
        #expect(rows.map(\.checksum) == [#"x\y"#])
        #expect(rows.map(\.state) == [.applied])
        #expect(try connection.scalar("SELECT COUNT(*) FROM migrate_version WHERE revision = CONCAT('a', CHAR(92), 'b''c')")?.int == 1)
        try table.delete(id)
        #expect(try table.rows().isEmpty)
    }
}
