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
public final class TestDatabase: Sendable {
    /// The test database's URL (pass `url.string` to your application).
    public let url: DatabaseURL
    /// The configuration it was made from, pointing at the test database.
    public let config: MigrateConfig
    private let database: TemporaryDatabase

    private init(database: TemporaryDatabase, config: MigrateConfig) {
        self.database = database
        self.url = database.url
        self.config = config
    }

    /// Creates `test_<name>_<random>` beside the configured database and
    /// upgrades it to `revision`.
    /// - Parameters:
    ///   - config: the project's configuration; its URL names the server.
    ///   - revision: how far to upgrade: `head` (default), `heads`, a
    ///     revision id, or `base` to leave it empty.
    /// - Throws: the connection's error, naming the test database's URL with
    ///   the password hidden, when the server is down; `DatabaseError` of
    ///   kind `.alreadyExists` should the name be taken (it is never reused);
    ///   a migration's error, after which the half-made database is dropped.
    public static func create(_ config: MigrateConfig, revision: String = "head") throws -> TestDatabase {
        try create(config, revision: revision, suffix: nil)
    }

    static func create(_ config: MigrateConfig, revision: String, suffix: String?) throws -> TestDatabase {
        guard let base = config.url else { throw RunError.noDatabaseURL }
        let scratch = try TemporaryDatabase.create(near: base, prefix: "test", purpose: "test database", suffix: suffix)
        var testConfig = config
        testConfig.url = scratch.url
        testConfig.urlSource = nil
        let database = TestDatabase(database: scratch, config: testConfig)
        do {
            if revision != "base" { try Migrator(testConfig).upgrade(to: revision) }
        } catch {
            try? database.drop()
            throw error
        }
        return database
    }

    /// Drops the test database (and its temp folder on SQLite). Later calls
    /// do nothing, so a second `drop()` never touches a database that has
    /// since taken the name.
    public func drop() throws { try database.drop() }

    /// A `Migrator` for the test database, to move it up or down in a test.
    public func migrator() -> Migrator { Migrator(config) }

    /// Opens a connection to the test database.
    public func connect() throws -> DatabaseConnection { try database.connect() }
}
