import Foundation
import Testing

@testable import MigrateKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `MySQLConnection` and `MySQLDialect` against the MariaDB server that
/// `scripts/test.sh` starts (`MIGRATE_TEST_MYSQL_URL`). Without it every
/// test fails with a message that says how to start it.
@Suite("MySQL connection and dialect")
struct MySQLConnectionTests {
    let dialect = MySQLDialect()

    /// The test server with no database selected.
    func serverURL() throws -> DatabaseURL {
        try TestBackend.mysql.serverURL().with(database: nil)
    }

    func connect(_ url: DatabaseURL? = nil) throws -> MySQLConnection {
        try MySQLConnection(url: url ?? serverURL())
    }

    // MARK: Queries

    @Test func queryReturnsTextAndNulls() throws {
        let connection = try connect()
        #expect(
            try connection.query("SELECT 1, NULL, 'text', '' UNION ALL SELECT 2, 'x', NULL, 3.5") == [
                [.text("1"), .null, .text("text"), .text("")],
                [.text("2"), .text("x"), .null, .text("3.5")],
            ])
        #expect(try connection.query("SELECT 1 FROM DUAL WHERE 1 = 0") == [])
        // Cells are read by length: a NUL byte does not end the value.
        #expect(try connection.scalar("SELECT CONCAT('a', CHAR(0), 'b')") == .text("a\0b"))
    }

    @Test func multiByteTextRoundTripsThroughATable() throws {
        let url = try TestBackend.mysql.makeDatabase(in: NSTemporaryDirectory())
        defer { TestBackend.mysql.dispose(url) }
        let connection = try connect(url)
        let text = "Grüße, 日本語, emoji 😀👍🏽, Ελληνικά"
        try connection.execute("CREATE TABLE notes (body VARCHAR(100))")
        try connection.execute("INSERT INTO notes VALUES (\(dialect.literal(text)))")
        #expect(
            try connection.query("SELECT body, CHAR_LENGTH(body) FROM notes") == [
                [.text(text), .text(String(text.unicodeScalars.count))]
            ])
    }

    @Test func executeReadsEveryResultSoTheNextStatementRuns() throws {
        let connection = try connect()
        try connection.execute("SELECT SLEEP(0)")
        try connection.execute("SELECT 1 UNION ALL SELECT 2")
        try connection.execute("SELECT 1; SELECT 2; DO 3")
        #expect(try connection.scalar("SELECT 'next'") == .text("next"))
        #expect(try connection.query("SELECT 'first'; SELECT 'second'") == [[.text("first")]])
        #expect(try connection.scalar("SELECT 'after two results'") == .text("after two results"))
    }

    @Test func syntaxErrorIsAStatementErrorWithNumberStateAndSQL() throws {
        let connection = try connect()
        let error = #expect(throws: DatabaseError.self) { try connection.execute("SELEC 1") }
        #expect(error?.kind == .statement)
        #expect(error?.message.hasPrefix("ERROR 1064 (42000): You have an error in your SQL syntax") == true)
        #expect(error?.sql == "SELEC 1")
        #expect(try connection.scalar("SELECT 'still usable'") == .text("still usable"))
    }

    @Test func failureInALaterStatementOfMultiStatementTextIsReported() throws {
        let connection = try connect()
        let error = #expect(throws: DatabaseError.self) {
            try connection.execute("SELECT 1; SELECT * FROM no_such_schema_xyz.t")
        }
        #expect(error?.kind == .statement)
        #expect(error?.message.hasPrefix("ERROR 1146 (42S02): Table 'no_such_schema_xyz.t' doesn't exist") == true)
        #expect(try connection.scalar("SELECT 2") == .text("2"))
    }

    @Test func closeIsIdempotentAndLaterCallsFail() throws {
        let connection = try connect()
        connection.close()
        connection.close()
        let error = #expect(throws: DatabaseError.self) { try connection.execute("SELECT 1") }
        #expect(error?.message.contains("is closed") == true)
    }

    @Test func warningsReachTheNoticeHandler() throws {
        let connection = try connect()
        try connection.execute("DROP TABLE IF EXISTS mysql.migrate_no_such_table")
        var notices: [String] = []
        connection.noticeHandler = { notices.append($0) }
        try connection.execute("DROP TABLE IF EXISTS mysql.migrate_no_such_table")
        #expect(notices == ["Note 1051: Unknown table 'mysql.migrate_no_such_table'"])
    }

    // MARK: Connecting

    @Test func wrongPasswordIsAnAuthenticationErrorWithoutThePassword() throws {
        var url = try serverURL()
        let password = "wrong-" + UUID().uuidString
        url.password = password
        let error = #expect(throws: DatabaseError.self) { try connect(url) }
        #expect(error?.kind == .authentication)
        #expect(error?.message.contains("Access denied") == true)
        #expect(error.map { !"\($0)".contains(password) } == true)
    }

    @Test func unknownDatabaseSaysHowToCreateIt() throws {
        let name = "migrate_missing_" + UUID().uuidString.prefix(8).lowercased()
        let url = try serverURL().with(database: name)
        let error = #expect(throws: DatabaseError.self) { try connect(url) }
        #expect(error?.kind == .unknownDatabase)
        #expect(error?.message == "database '\(name)' does not exist; create it with `migrate database create`")
    }

    @Test func closedPortIsAConnectErrorNamingTheRedactedURL() throws {
        let url = try DatabaseURL.parse("mysql://app:hunter2@127.0.0.1:1/app?connect_timeout=2")
        let error = #expect(throws: DatabaseError.self) { try connect(url) }
        #expect(error?.kind == .connect)
        #expect(error?.message.contains(url.redacted) == true)
        #expect(error.map { !"\($0)".contains("hunter2") && !$0.message.contains("\n") } == true)
    }

    @Test func silentServerTimesOutAfterConnectTimeout() throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let url = try DatabaseURL.parse("mysql://app:hunter2@127.0.0.1:\(listener.port)/?connect_timeout=2")
        let start = Date()
        let error = #expect(throws: DatabaseError.self) { try connect(url) }
        let elapsed = Date().timeIntervalSince(start)
        #expect(error?.kind == .connect)
        #expect(elapsed > 1.5 && elapsed < 10, "took \(elapsed) s")
    }

    @Test func sslModeRequireRefusesPlainText() throws {
        let connection = try connect()
        let haveSSL = try connection.scalar("SELECT @@have_ssl")
        let url = try urlWithOptions(serverURL(), "sslmode=require")
        if haveSSL == .text("YES") {
            let cipher = try connect(url).scalar(
                "SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'Ssl_cipher'")
            #expect(cipher != .text("") && cipher != nil)
        } else {
            let error = #expect(throws: DatabaseError.self) { try connect(url) }
            #expect(error?.kind == .connect)
            #expect(error?.message.contains("does not offer TLS") == true)
            // `prefer` falls back to plain text.
            #expect(try connect(urlWithOptions(serverURL(), "sslmode=prefer")).scalar("SELECT 1") == .text("1"))
        }
        #expect(try connect(urlWithOptions(serverURL(), "sslmode=disable")).scalar("SELECT 1") == .text("1"))
        let unknownMode = try urlWithOptions(serverURL(), "sslmode=sometimes")
        let bad = #expect(throws: DatabaseError.self) { try connect(unknownMode) }
        #expect(bad?.message.contains("sslmode 'sometimes'") == true)
    }

    @Test func charsetOptionIsUsed() throws {
        let connection = try connect(urlWithOptions(serverURL(), "charset=latin1"))
        #expect(try connection.scalar("SELECT @@character_set_client") == .text("latin1"))
        #expect(try connect().scalar("SELECT @@character_set_client") == .text("utf8mb4"))
    }

    // MARK: Dialect

    @Test func literalRoundTripsANastyString() throws {
        let connection = try connect()
        let nasty =
            "it's \"quoted\" '' \\' back\\slash\\ \\\\n\nnew\r\nline \0nul \u{1A}^Z `tick` %_ 😀"
            + "'); DROP TABLE x; -- "
        #expect(try connection.scalar("SELECT \(dialect.literal(nasty))") == .text(nasty))
        #expect(dialect.literal("a'b\\c\n") == "'a''b\\\\c\\n'")
    }

    @Test func quotedIdentifierNamesATable() throws {
        let url = try TestBackend.mysql.makeDatabase(in: NSTemporaryDirectory())
        defer { TestBackend.mysql.dispose(url) }
        let connection = try connect(url)
        let name = "we`ird na'me"
        #expect(dialect.quoteIdentifier(name) == "`we``ird na'me`")
        try connection.execute("CREATE TABLE \(dialect.quoteIdentifier(name)) (id INT)")
        #expect(try dialect.tableExists(name, on: connection))
        #expect(try !dialect.tableExists("migrate_version", on: connection))
    }

    @Test func versionTableTypesAndFlags() {
        #expect(dialect.name == "mysql")
        #expect(!dialect.hasTransactionalDDL)
        let flavor = dialect.splitterFlavor
        #expect(flavor.backslashEscapes && flavor.backtickIdentifiers && flavor.delimiterCommand)
        #expect(!flavor.dollarQuotes && !flavor.triggerBodies)
        #expect(flavor == .mysql)
        let types = dialect.versionTableTypes
        #expect(types.revision == "VARCHAR(64)" && types.text == "TEXT")
        #expect(types.timestamp == "DATETIME(6)" && types.integer == "BIGINT")
    }

    @Test func beginTransactionOpensOneThatRollsBack() throws {
        let url = try TestBackend.mysql.makeDatabase(in: NSTemporaryDirectory())
        defer { TestBackend.mysql.dispose(url) }
        let connection = try dialect.connect(to: url)
        try connection.execute("CREATE TABLE t (id INT) ENGINE=InnoDB")
        try dialect.beginTransaction(on: connection)
        try connection.execute("INSERT INTO t VALUES (1)")
        try connection.execute("ROLLBACK")
        #expect(try connection.scalar("SELECT COUNT(*) FROM t") == .text("0"))
    }

    // MARK: Locking

    @Test func secondConnectionTimesOutNamingTheHolderThenGetsTheLock() throws {
        let key = "migrate:test_\(UUID().uuidString):migrate_version"
        let holder = try connect()
        let waiter = try connect()
        try dialect.acquireLock(key, on: holder, timeout: 1)
        let holderID = try #require(holder.scalar("SELECT CONNECTION_ID()")?.string)

        let start = Date()
        let error = #expect(throws: DatabaseError.self) { try dialect.acquireLock(key, on: waiter, timeout: 1) }
        #expect(Date().timeIntervalSince(start) >= 0.9)
        #expect(error?.kind == .lockTimeout)
        #expect(error?.message.contains("held by connection \(holderID) (") == true, "\(String(describing: error))")
        #expect(error?.message.contains("raise lock_timeout") == true)

        try dialect.releaseLock(key, on: holder)
        try dialect.acquireLock(key, on: waiter, timeout: 1)
        try dialect.releaseLock(key, on: waiter)
    }

    @Test func closingTheHolderReleasesTheLockAndFractionalTimeoutsWork() throws {
        let key = "migrate:test_\(UUID().uuidString)"
        let holder = try connect()
        let waiter = try connect()
        try dialect.acquireLock(key, on: holder, timeout: 0)
        let start = Date()
        let error = #expect(throws: DatabaseError.self) { try dialect.acquireLock(key, on: waiter, timeout: 0.25) }
        #expect(error?.kind == .lockTimeout)
        #expect(Date().timeIntervalSince(start) < 5)
        holder.close()
        try dialect.acquireLock(key, on: waiter, timeout: 5)
        try dialect.releaseLock(key, on: waiter)
    }

    @Test func longKeysBecomeStableNamesOfAtMost64Characters() throws {
        let base = "migrate:" + String(repeating: "très_long_database_name_", count: 6)
        let first = MySQLDialect.lockName(for: base + ":migrate_version")
        let second = MySQLDialect.lockName(for: base + ":other_version")
        #expect(first.unicodeScalars.count == 64 && second.unicodeScalars.count == 64)
        #expect(first != second)
        #expect(first == MySQLDialect.lockName(for: base + ":migrate_version"))
        #expect(MySQLDialect.lockName(for: "migrate:app:migrate_version") == "migrate:app:migrate_version")

        let connection = try connect()
        try dialect.acquireLock(base + UUID().uuidString, on: connection, timeout: 1)
        try dialect.releaseLock(base + UUID().uuidString, on: connection)
    }

    @Test func timeoutsAreWrittenAsSeconds() {
        #expect(MySQLDialect.seconds(1) == "1")
        #expect(MySQLDialect.seconds(0.25) == "0.250")
        #expect(MySQLDialect.seconds(-3) == "0")
        #expect(MySQLDialect.seconds(.infinity) == "31536000")
    }

    // MARK: Databases

    @Test func createExistsAndDropADatabase() throws {
        let name = "migrate_t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        let url = try serverURL().with(database: name)
        defer { _ = try? dialect.dropDatabase(url) }
        #expect(try !dialect.databaseExists(url))
        try dialect.createDatabase(url)
        #expect(try dialect.databaseExists(url))
        #expect(try connect(url).scalar("SELECT @@character_set_database") == .text("utf8mb4"))

        let again = #expect(throws: DatabaseError.self) { try dialect.createDatabase(url) }
        #expect(again?.kind == .alreadyExists)
        #expect(again?.message.contains("'\(name)' already exists") == true)

        try dialect.dropDatabase(url)
        #expect(try !dialect.databaseExists(url))
        let missing = #expect(throws: DatabaseError.self) { try dialect.dropDatabase(url) }
        #expect(missing?.kind == .unknownDatabase)
    }

    // MARK: Helpers

    /// The URL with its password, as text with query options, parsed again.
    func urlWithOptions(_ url: DatabaseURL, _ query: String) throws -> DatabaseURL {
        func encoded(_ part: String) -> String {
            part.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? part
        }
        var text = "mysql://"
        if let user = url.user {
            text += encoded(user) + (url.password.map { ":" + encoded($0) } ?? "") + "@"
        }
        text += url.host ?? ""
        if let port = url.port { text += ":\(port)" }
        text += "/" + (url.database ?? "") + "?" + query
        return try DatabaseURL.parse(text)
    }
}

/// A TCP port that accepts connections and never says a word, like a
/// server that hangs: the client's handshake read must time out.
private final class SilentListener {
    let port: Int
    private var descriptor: Int32

    init() throws {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard fd >= 0, bound else { throw TestSetupError(message: "cannot open a listening socket") }
        descriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        if descriptor >= 0 {
            #if canImport(Glibc)
                _ = Glibc.close(descriptor)
            #else
                _ = Darwin.close(descriptor)
            #endif
        }
        descriptor = -1
    }
}
