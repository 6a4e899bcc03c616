import Foundation
import Testing

@testable import MigrateKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The PostgreSQL connection and dialect against a real server: the one
/// `scripts/test.sh` starts, named by `MIGRATE_TEST_POSTGRESQL_URL`.
@Suite("PostgreSQL connection and dialect")
struct PostgreSQLConnectionTests {
    let dialect = PostgreSQLDialect()

    @Test func queryReadsValuesAndNulls() throws {
        let connection = try PostgreSQLConnection(url: serverURL())
        let rows = try connection.query(
            "SELECT 1 AS one, 'it''s' AS quote, NULL AS nothing, 'é ✓' AS unicode UNION ALL SELECT 2, '', NULL, NULL")
        #expect(
            rows == [
                [.text("1"), .text("it's"), .null, .text("é ✓")],
                [.text("2"), .text(""), .null, .null],
            ])
        #expect(try connection.query("SELECT 1 WHERE false").isEmpty)
        #expect(try connection.query("CREATE TEMPORARY TABLE t (id INTEGER)").isEmpty)
        #expect(try connection.scalar("SELECT count(*) FROM t")?.int == 0)
    }

    @Test func executeDiscardsRows() throws {
        let connection = try PostgreSQLConnection(url: serverURL())
        try connection.execute("SELECT pg_sleep(0)")
        try connection.execute("SELECT generate_series(1, 1000)")
        try connection.execute("")
        try connection.execute("CREATE TEMPORARY TABLE t (id INTEGER); INSERT INTO t VALUES (1), (2)")
        #expect(try connection.scalar("SELECT sum(id) FROM t") == .text("3"))
    }

    @Test func syntaxErrorReportsTheServerMessageAndTheStatement() throws {
        let connection = try PostgreSQLConnection(url: serverURL())
        let error = try #require(throws: DatabaseError.self) { try connection.execute("SELEC 1") }
        #expect(error.kind == .statement)
        #expect(error.message == #"syntax error at or near "SELEC""#)
        #expect(error.sql == "SELEC 1")
        #expect(try connection.scalar("SELECT 'still usable'") == .text("still usable"))
    }

    @Test func statementErrorCarriesDetailAndHintOnOneLine() throws {
        let connection = try PostgreSQLConnection(url: serverURL())
        let hinted = try #require(throws: DatabaseError.self) {
            try connection.query("SELECT relnamee FROM pg_class")
        }
        #expect(hinted.message.hasPrefix(#"column "relnamee" does not exist. HINT: Perhaps you meant"#))
        try connection.execute("CREATE TEMPORARY TABLE u (id INTEGER PRIMARY KEY)")
        try connection.execute("INSERT INTO u VALUES (7)")
        let detailed = try #require(throws: DatabaseError.self) { try connection.execute("INSERT INTO u VALUES (7)") }
        #expect(
            detailed.message
                == #"duplicate key value violates unique constraint "u_pkey". DETAIL: Key (id)=(7) already exists."#)
        #expect(!detailed.message.contains("\n"))
    }

    @Test func wrongPasswordIsAnAuthenticationErrorWithoutThePassword() throws {
        var url = try serverURL()
        let password = "wrong-\(UUID().uuidString)"
        url.password = password
        let error = try #require(
            throws: DatabaseError.self, "the test server must check passwords (scripts/test.sh uses scram-sha-256)"
        ) { try PostgreSQLConnection(url: url) }
        #expect(error.kind == .authentication, "\(error)")
        #expect(error.message.contains("password authentication failed"))
        #expect(error.message.contains(url.redacted))
        #expect(!error.message.contains(password))
        #expect(!error.message.contains("\n"))
    }

    @Test func unknownDatabaseSaysHowToCreateIt() throws {
        let name = uniqueName("missing")
        let url = try serverURL().with(database: name)
        let error = try #require(throws: DatabaseError.self) { try PostgreSQLConnection(url: url) }
        #expect(error.kind == .unknownDatabase)
        #expect(error.message == "database '\(name)' does not exist; create it with `migrate database create`")
    }

    @Test func refusedPortIsAConnectError() throws {
        var url = try serverURL()
        url.host = "127.0.0.1"
        url.options["host"] = nil
        url.options["unix_socket"] = nil
        url.port = try closedPort()
        url.options["connect_timeout"] = "2"
        let error = try #require(throws: DatabaseError.self) { try PostgreSQLConnection(url: url) }
        #expect(error.kind == .connect)
        #expect(error.message.contains(url.redacted))
        #expect(error.message.contains("Connection refused"))
        #expect(!error.message.contains("\n"))
        if let password = url.password { #expect(!error.message.contains(password)) }
    }

    /// A server that accepts the TCP connection but never answers: only
    /// `connect_timeout` ends the wait.
    @Test func silentServerTimesOutWithConnectTimeout() throws {
        let listener = try SilentListener()
        defer { listener.close() }
        var url = try serverURL()
        url.host = "127.0.0.1"
        url.options["host"] = nil
        url.options["unix_socket"] = nil
        url.port = listener.port
        url.options["connect_timeout"] = "2"
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: DatabaseError.self) { try PostgreSQLConnection(url: url) }
        #expect(error.kind == .connect)
        #expect(error.message.contains("no answer within 2 s"))
        #expect(start.duration(to: clock.now) < .seconds(8))
    }

    @Test func noticesReachTheHandlerAndNeverStandardError() throws {
        let marker = uniqueName("notice")
        let connection = try PostgreSQLConnection(url: serverURL())
        var notices: [String] = []
        connection.noticeHandler = { notices.append($0) }
        let printed = try capturingStandardError {
            try connection.execute("DO $$ BEGIN RAISE NOTICE '\(marker)'; END $$")
            try connection.execute("DO $$ BEGIN RAISE WARNING 'w-\(marker)' USING HINT = 'h'; END $$")
            connection.noticeHandler = nil
            try connection.execute("DO $$ BEGIN RAISE NOTICE 'discarded-\(marker)'; END $$")
        }
        #expect(notices == [marker, "WARNING: w-\(marker). HINT: h"])
        #expect(!printed.contains(marker))
    }

    @Test func closeIsIdempotentAndLaterCallsFail() throws {
        let connection = try PostgreSQLConnection(url: serverURL())
        connection.close()
        connection.close()
        let error = try #require(throws: DatabaseError.self) { try connection.query("SELECT 1") }
        #expect(error.kind == .connect)
    }

    @Test func transactionsRollBackDDL() throws {
        let connection = try PostgreSQLConnection(url: serverURL())
        let table = uniqueName("rolled_back")
        try dialect.beginTransaction(on: connection)
        try connection.execute("CREATE TABLE \(dialect.quoteIdentifier(table)) (id INTEGER)")
        #expect(try dialect.tableExists(table, on: connection))
        try connection.execute("ROLLBACK")
        #expect(try !dialect.tableExists(table, on: connection))
    }

    @Test func quotingRoundTripsThroughTheServer() throws {
        #expect(dialect.quoteIdentifier(#"a"b"#) == #""a""b""#)
        #expect(dialect.literal("it's") == "'it''s'")
        let connection = try PostgreSQLConnection(url: serverURL())
        let tricky = #"back\slash 'quote' "double" $$ é \n"#
        #expect(try connection.scalar("SELECT \(dialect.literal(tricky))") == .text(tricky))
        let column = dialect.quoteIdentifier(tricky)
        #expect(try connection.scalar("SELECT \(column) FROM (SELECT 1 AS \(column)) s") == .text("1"))
    }

    @Test func dialectAnswers() {
        #expect(dialect.name == "postgresql")
        #expect(dialect.hasTransactionalDDL)
        #expect(dialect.splitterFlavor == .postgresql)
        let types = dialect.versionTableTypes
        #expect(
            [types.revision, types.text, types.timestamp, types.integer]
                == ["VARCHAR(64)", "TEXT", "TIMESTAMPTZ", "BIGINT"])
    }

    @Test func connectionKeywordsComeFromTheURL() throws {
        let keywords = { (text: String) in
            Dictionary(
                PostgreSQLConnectionOptions(url: try DatabaseURL.parse(text)).parameters.map { ($0.keyword, $0.value) },
                uniquingKeysWith: { $1 })
        }
        #expect(
            try keywords("postgresql://app:pw@db.example:6543/shop?sslmode=require&min_size=2&target_session_attrs=any")
                == [
                    "host": "db.example", "port": "6543", "user": "app", "password": "pw", "dbname": "shop",
                    "sslmode": "require", "connect_timeout": "10", "application_name": "migrate",
                    "client_encoding": "UTF8", "target_session_attrs": "any",
                ])
        let socket = try keywords(
            "postgres://app@/shop?host=/var/run/postgresql&connect_timeout=3&application_name=web")
        #expect(socket["host"] == "/var/run/postgresql")
        #expect(socket["connect_timeout"] == "3")
        #expect(socket["application_name"] == "web")
        #expect(socket["password"] == nil)
    }

    @Test func lockKeyIsFNV1a64() {
        #expect(PostgreSQLDialect.lockKey(for: "") == Int64(bitPattern: 0xcbf2_9ce4_8422_2325))
        #expect(PostgreSQLDialect.lockKey(for: "a") == Int64(bitPattern: 0xaf63_dc4c_8601_ec8c))
        #expect(PostgreSQLDialect.lockKey(for: "foobar") == Int64(bitPattern: 0x8594_4171_f739_67e8))
    }

    @Test func heldLockTimesOutNamingTheHolderThenCanBeTaken() throws {
        let key = uniqueName("lock")
        let holder = try PostgreSQLConnection(url: serverURL())
        let waiter = try PostgreSQLConnection(url: serverURL())
        let holderPID = try #require(try holder.scalar("SELECT pg_backend_pid()")?.string)
        try dialect.acquireLock(key, on: holder, timeout: 1)

        let error = try #require(throws: DatabaseError.self) {
            try dialect.acquireLock(key, on: waiter, timeout: 0.3)
        }
        #expect(error.kind == .lockTimeout)
        #expect(error.message.contains("pid \(holderPID) ("), "\(error.message)")
        #expect(error.message.contains("application 'migrate'"))
        #expect(error.message.contains("raise lock_timeout"))

        try dialect.releaseLock(key, on: holder)
        try dialect.acquireLock(key, on: waiter, timeout: 1)
        #expect(throws: DatabaseError.self) { try dialect.acquireLock(key, on: holder, timeout: 0) }
        waiter.close()
        try dialect.acquireLock(key, on: holder, timeout: 2)
        try dialect.releaseLock(key, on: holder)
    }

    @Test(arguments: ["plain", #"Odd "name" with-dash"#])
    func createExistsAndDropDatabase(_ flavour: String) throws {
        let url = try serverURL().with(database: uniqueName(flavour))
        #expect(try !dialect.databaseExists(url))
        try dialect.createDatabase(url)
        #expect(try dialect.databaseExists(url))

        let again = try #require(throws: DatabaseError.self) { try dialect.createDatabase(url) }
        #expect(again.kind == .alreadyExists)
        #expect(again.message.hasPrefix("database '\(url.database!)' already exists"))

        let connection = try PostgreSQLConnection(url: url)
        #expect(try connection.scalar("SELECT current_database()") == .text(url.database!))
        try dialect.dropDatabase(url)
        #expect(try !dialect.databaseExists(url))
        let lost = try #require(throws: DatabaseError.self) { try connection.query("SELECT 1") }
        #expect(lost.kind == .connect, "\(lost)")

        let missing = try #require(throws: DatabaseError.self) { try dialect.dropDatabase(url) }
        #expect(missing.kind == .unknownDatabase)
    }
}

// MARK: - Helpers

/// The server URL from the environment, or a failure that says how to get one.
private func serverURL() throws -> DatabaseURL {
    let variable = "MIGRATE_TEST_POSTGRESQL_URL"
    guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty else {
        throw PostgreSQLTestSetupError(
            description: "\(variable) is not set: run the suite with scripts/test.sh, which starts a "
                + "throwaway PostgreSQL server, or point it at a server of your own.")
    }
    return try DatabaseURL.parse(text)
}

private struct PostgreSQLTestSetupError: Error, CustomStringConvertible {
    var description: String
}

private func uniqueName(_ prefix: String) -> String {
    "migrate_pg_\(prefix)_" + UUID().uuidString.prefix(8).lowercased()
}

/// Runs `body` with file descriptor 2 sent to a pipe, and returns what was written.
private func capturingStandardError(_ body: () throws -> Void) throws -> String {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { throw PostgreSQLTestSetupError(description: "pipe() failed") }
    fflush(nil)
    let saved = dup(2)
    dup2(pipeEnds[1], 2)
    closeDescriptor(pipeEnds[1])
    defer { closeDescriptor(pipeEnds[0]) }
    do {
        try body()
    } catch {
        fflush(nil)
        dup2(saved, 2)
        closeDescriptor(saved)
        throw error
    }
    fflush(nil)
    dup2(saved, 2)
    closeDescriptor(saved)
    var output = Data()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = read(pipeEnds[0], &buffer, buffer.count)
        if count <= 0 { break }
        output.append(contentsOf: buffer[0..<count])
    }
    return String(decoding: output, as: UTF8.self)
}

/// A TCP port on 127.0.0.1 with nothing listening on it.
private func closedPort() throws -> Int {
    let listener = try SilentListener()
    let port = listener.port
    listener.close()
    return port
}

/// A TCP socket on 127.0.0.1 that listens but never accepts or answers.
private final class SilentListener {
    private var descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, streamSocketType, 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && listen(descriptor, 4) == 0
                    && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard descriptor >= 0, bound else { throw PostgreSQLTestSetupError(description: "cannot open a TCP listener") }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        if descriptor >= 0 { closeDescriptor(descriptor) }
        descriptor = -1
    }

    deinit { close() }
}

#if canImport(Glibc)
    private let streamSocketType = Int32(SOCK_STREAM.rawValue)
    private func closeDescriptor(_ descriptor: Int32) { _ = Glibc.close(descriptor) }
#else
    private let streamSocketType = SOCK_STREAM
    private func closeDescriptor(_ descriptor: Int32) { _ = Darwin.close(descriptor) }
#endif
