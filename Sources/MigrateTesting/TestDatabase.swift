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
/// parallel never share one. On SQLite the database is a file in a new temp
/// folder.
public final class TestDatabase: Sendable {
    /// The test database's URL (pass `url.string` to your application).
    public let url: DatabaseURL
    /// The configuration it was made from, pointing at the test database.
    public let config: MigrateConfig
    private let dialectName: String
    private let temporaryFolder: String?

    private init(url: DatabaseURL, config: MigrateConfig, temporaryFolder: String?) {
        self.url = url
        self.config = config
        self.temporaryFolder = temporaryFolder
        dialectName = Dialects.dialect(for: url).name
    }

    /// Creates a uniquely named database beside the configured one and
    /// upgrades it to `revision`.
    /// - Parameters:
    ///   - config: the project's configuration; its URL names the server.
    ///   - revision: how far to upgrade: `head` (default), `heads`, a
    ///     revision id, or `base` to leave it empty.
    /// - Throws: the connection's error (with the URL redacted) when the
    ///   server is down; ``DatabaseError`` of kind `.alreadyExists` should the
    ///   name be taken (it is never reused); a migration's error, after which
    ///   the half-made database has been dropped.
    public static func create(_ config: MigrateConfig, revision: String = "head") throws -> TestDatabase {
        guard let base = config.url else { throw RunError.noDatabaseURL }
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).lowercased()
        var folder: String?
        let url: DatabaseURL
        if base.backend == .sqlite {
            let path = NSTemporaryDirectory() + "migrate-test-" + suffix
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            folder = path
            let stem = ((base.database ?? "app") as NSString).lastPathComponent
            url = base.with(database: (path as NSString).appendingPathComponent("test_\(Self.safe(stem))_\(suffix).db"))
        } else {
            url = base.with(database: "test_\(Self.safe(base.database ?? "app"))_\(suffix)")
        }
        let dialect = Dialects.dialect(for: url)
        try dialect.createDatabase(url)
        var testConfig = config
        testConfig.url = url
        let database = TestDatabase(url: url, config: testConfig, temporaryFolder: folder)
        do {
            if revision != "base" { try Migrator(testConfig).upgrade(to: revision) }
        } catch {
            try? database.drop()
            throw error
        }
        return database
    }

    /// Drops the test database (and its temp folder on SQLite).
    public func drop() throws {
        try Dialects.named(dialectName)!.dropDatabase(url)
        if let temporaryFolder { try? FileManager.default.removeItem(atPath: temporaryFolder) }
    }

    /// A ``Migrator`` for the test database, to move it up or down in a test.
    public func migrator() -> Migrator { Migrator(config) }

    /// Keeps names to letters, digits and underscores, within identifier limits.
    private static func safe(_ name: String) -> String {
        let stem = (name as NSString).deletingPathExtension
        let cleaned = String(stem.map { $0.isLetter || $0.isNumber ? $0 : "_" }.prefix(30))
        return cleaned.isEmpty ? "app" : cleaned
    }
}
