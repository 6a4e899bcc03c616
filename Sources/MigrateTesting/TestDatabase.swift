import Foundation
import MigrateKit

/// A throwaway database for one test or one test suite: created next to the
/// configured one, upgraded to head, dropped when the test is done.
///
/// ```swift
/// let config = try MigrateConfig.load("migrate.ini")
/// let db = try TestDatabase.create(config)      // test_<name>_<random>, at head
/// defer { try? db.drop() }
/// // ... connect your app to db.url ...
/// ```
///
/// Each call makes a database with a new random name, so tests running in
/// parallel never share one. On PostgreSQL and MySQL/MariaDB it lives on the
/// configured server (the configured user must be allowed to create
/// databases); on SQLite it is a file in a new temp folder.
///
/// A `TestDatabase` only ever drops the database it created itself: a name
/// that is taken is an error, never reused, and ``drop()`` does nothing the
/// second time.
public final class TestDatabase: @unchecked Sendable {
    // @unchecked: the only mutable state, `dropped`, is guarded by `lock`.

    /// The test database's URL (pass `url.string` to your application).
    public let url: DatabaseURL
    /// The configuration it was made from, pointing at the test database.
    public let config: MigrateConfig
    private let dialect: any Dialect
    private let temporaryFolder: String?
    private let lock = NSLock()
    private var dropped = false

    private init(url: DatabaseURL, config: MigrateConfig, temporaryFolder: String?) {
        self.url = url
        self.config = config
        self.temporaryFolder = temporaryFolder
        dialect = Dialects.dialect(for: url)
    }

    /// Creates a uniquely named database beside the configured one and
    /// upgrades it to `revision`.
    /// - Parameters:
    ///   - config: the project's configuration; its URL names the server,
    ///     and its database name (or SQLite file name) becomes `<name>` in
    ///     `test_<name>_<random>`.
    ///   - revision: how far to upgrade: `head` (default), `heads`, a
    ///     revision id, or `base` to leave it empty.
    /// - Throws: ``RunError`` when the configuration has no URL;
    ///   ``DatabaseError`` when the database cannot be created (the server is
    ///   down, the user may not create databases), naming the test database's
    ///   URL with its password redacted; ``DatabaseError`` of kind
    ///   `.alreadyExists` should the name be taken (it is never reused nor
    ///   dropped); a migration's error, after which the half-made database
    ///   has been dropped.
    public static func create(_ config: MigrateConfig, revision: String = "head") throws -> TestDatabase {
        try create(config, revision: revision, suffix: randomSuffix())
    }

    /// ``create(_:revision:)`` with the random part of the name given (tests
    /// use it to make a name collide).
    static func create(_ config: MigrateConfig, revision: String, suffix: String) throws -> TestDatabase {
        guard let base = config.url else { throw RunError.noDatabaseURL }
        let name = "test_\(safe(base.database ?? "app"))_\(suffix)"
        var folder: String?
        let url: DatabaseURL
        if base.backend == .sqlite {
            // A folder of our own: a new directory cannot hold anyone else's file.
            let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("migrate-test-" + suffix)
            url = base.with(database: (path as NSString).appendingPathComponent(name + ".db"))
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            } catch {
                throw DatabaseError(
                    FileManager.default.fileExists(atPath: path) ? .alreadyExists : .connect,
                    "Cannot create the test database \(url.redacted): cannot make the folder \(path) "
                        + "(\(error.localizedDescription)).")
            }
            folder = path
        } else {
            url = base.with(database: name)
        }
        do {
            try Dialects.dialect(for: url).createDatabase(url)
        } catch {
            if let folder { try? FileManager.default.removeItem(atPath: folder) }
            throw creationFailure(error, url: url)
        }
        var testConfig = config
        testConfig.url = url
        testConfig.urlSource = nil
        let database = TestDatabase(url: url, config: testConfig, temporaryFolder: folder)
        do {
            if revision != "base" { try Migrator(testConfig).upgrade(to: revision) }
        } catch {
            try? database.drop()
            throw error
        }
        return database
    }

    /// Drops the test database (and its temp folder on SQLite). Calling it
    /// again does nothing.
    public func drop() throws {
        lock.lock()
        defer { lock.unlock() }
        guard !dropped else { return }
        try dialect.dropDatabase(url)
        dropped = true
        if let temporaryFolder { try? FileManager.default.removeItem(atPath: temporaryFolder) }
    }

    /// A ``Migrator`` for the test database, to move it up or down in a test.
    public func migrator() -> Migrator { Migrator(config) }

    /// Opens a connection to the test database; close it when done.
    public func connect() throws -> DatabaseConnection {
        try dialect.connect(to: url)
    }

    /// 12 random lowercase hex digits (48 bits).
    private static func randomSuffix() -> String {
        String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12))
    }

    /// The configured database's name (an SQLite file's name without its
    /// folder and extension) reduced to ASCII letters, digits and
    /// underscores, lowercased, at most 30 characters: with the prefix and
    /// suffix it stays within PostgreSQL's 63-byte and MySQL's 64-character
    /// identifier limits.
    static func safe(_ name: String) -> String {
        let stem = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
        let cleaned = String(
            stem.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }.prefix(30))
        return cleaned.allSatisfy { $0 == "_" } ? "app" : cleaned
    }

    /// The creation error, reworded to name the test database (the dialect's
    /// own message names the server's maintenance database).
    private static func creationFailure(_ error: any Error, url: DatabaseURL) -> any Error {
        guard let failure = error as? DatabaseError else { return error }
        return DatabaseError(
            failure.kind, "Cannot create the test database \(url.redacted): \(failure.message)", sql: failure.sql)
    }
}
