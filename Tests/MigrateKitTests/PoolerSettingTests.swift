import Foundation
import Testing

@testable import MigrateKit

/// `pooler =` in migrate.ini, and the transaction-local settings that a
/// transaction pooler needs.
@Suite("Pooler setting")
struct PoolerSettingTests {
    @Test(arguments: [
        ("auto", PoolerMode.auto), ("transaction", .transaction), ("session", .session), ("none", .session), ("Transaction", .transaction),
    ])
    func poolerSpellings(_ text: String, _ mode: PoolerMode) throws {
        let config = try Self.load("pooler = \(text)\n")
        #expect(config.pooler == mode)
    }

    @Test func poolerDefaultsToAuto() throws {
        #expect(try Self.load("").pooler == .auto)
    }

    @Test func anUnknownPoolerIsABadValue() throws {
        #expect {
            _ = try Self.load("pooler = statement\n")
        } throws: { error in
            (error as? ConfigError)?.description.contains("auto, session, none or transaction") == true
        }
    }

    /// Through a transaction pooler every `set_config` is local to the
    /// transaction (`true`); otherwise it lasts the session (`false`).
    @Test func postgreSQLSettingsAreTransactionLocalWhenAsked() {
        let dialect = PostgreSQLDialect()
        let local = dialect.boundLockWaitsSQL(seconds: 2, transactionLocal: true) ?? ""
        let session = dialect.boundLockWaitsSQL(seconds: 2) ?? ""
        #expect(session.components(separatedBy: ", false)").count - 1 == 5, "\(session)")
        #expect(!local.contains(", false)"), "\(local)")
        #expect(session.replacingOccurrences(of: ", false)", with: ", true)") == local)
        #expect(
            dialect.restoreLockWaitsSQL(transactionLocal: true)?.contains("current_setting('migrate.saved_search_path'), true)") == true)
        #expect(dialect.restoreLockWaitsSQL(transactionLocal: false) == dialect.restoreLockWaitsSQL)
    }

    static func load(_ extra: String) throws -> MigrateConfig {
        let folder = NSTemporaryDirectory() + "migrate-pooler-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "[migrate]\nscript_location = migrations\n\(extra)".write(
            toFile: folder + "/migrate.ini", atomically: true, encoding: .utf8)
        return try MigrateConfig.load(environment: [:], workingDirectory: folder)
    }
}
