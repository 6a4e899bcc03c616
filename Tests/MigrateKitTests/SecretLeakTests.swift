import Foundation
import Testing

@testable import MigrateKit

/// Passwords that reach a message by a road the parser did not foresee: an
/// unencoded `?`, `#` or `/` in a generated password, an INI line without
/// `=`, a value expanded from `.env`.
@Suite("Secrets never reach a message")
struct SecretLeakTests {
    /// `url = postgresql://app:${DB_PASSWORD}@host/db` with generated passwords.
    @Test(arguments: [
        "postgresql://app:9183/Qa?Lm@127.0.0.1/db",
        "postgresql://app:Qa?Lm@127.0.0.1:5432/db",
        "mysql://app:ab#c?d@db/shop",
        "postgresql://app:12/x?y#z@h/db?sslmode=require",
        "mariadb://app:pw@h/db?note=a@b",
    ])
    func unencodedDelimiterInPasswordIsRefusedWithoutEchoingIt(text: String) {
        let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL.parse(text) }
        #expect(error?.errorID == "url.ambiguous")
        let message = error?.message ?? ""
        let scheme = text.components(separatedBy: "://")[0]
        let afterAt = text[text.index(after: text.lastIndex(of: "@")!)...]
        #expect(message.contains("'\(scheme)://app:***@\(afterAt)'"), "\(message)")
        for secret in ["Qa", "Lm", "9183", "ab#c", "12/x", "pw@"] where text.contains(secret) {
            #expect(!message.contains(secret), "\(message)")
        }
    }

    @Test func encodedPasswordStillParses() throws {
        let url = try DatabaseURL.parse("postgresql://app:9183%2FQa%3FLm@127.0.0.1/db")
        #expect(url.password == "9183/Qa?Lm")
        #expect(url.host == "127.0.0.1")
        #expect(url.redacted == "postgresql://app:***@127.0.0.1/db")
    }

    @Test func sqlitePathsMayHoldAt() throws {
        #expect(try DatabaseURL.parse("sqlite:///backups/app@2026.db").database == "backups/app@2026.db")
    }

    /// The error of loading a project whose `migrate.ini` and `.env` hold
    /// these lines (below `script_location`), and the project's folder.
    func loadFailure(ini: String, dotEnv: String) throws -> (ConfigError?, String) {
        let folder = NSTemporaryDirectory() + "secret-leak-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "[migrate]\nscript_location = m\n\(ini)\n".write(toFile: folder + "/migrate.ini", atomically: true, encoding: .utf8)
        try dotEnv.write(toFile: folder + "/.env", atomically: true, encoding: .utf8)
        let error = #expect(throws: ConfigError.self) { try MigrateConfig.load(environment: [:], workingDirectory: folder) }
        return (error, folder)
    }

    @Test func ambiguousURLFromTheConfigurationKeepsItsSourceAndHidesThePassword() throws {
        let (error, folder) = try loadFailure(
            ini: "url = postgresql://app:${DB_PASSWORD}@127.0.0.1/db", dotEnv: "DB_PASSWORD=9183/Qa?Lm\n")
        #expect(error?.errorID == "url.ambiguous")
        #expect(error?.message.contains("9183") == false)
        #expect(error?.message.contains("Qa") == false)
        #expect(error?.message.contains("url in \(folder)/migrate.ini") == true)
    }

    @Test func badValueExpandedFromDotEnvIsShownAsWritten() throws {
        let (error, _) = try loadFailure(ini: "lock_timeout = ${LOCK_SECRET}", dotEnv: "LOCK_SECRET=s3cr3t-token\n")
        #expect(error?.errorID == "config.bad-value")
        #expect(error?.message.contains("s3cr3t-token") == false, "\(error?.message ?? "")")
        #expect(error?.message.contains("${LOCK_SECRET}") == true, "\(error?.message ?? "")")
    }

    @Test func iniLineWithoutEqualsIsNotEchoed() {
        let error = #expect(throws: ConfigError.self) {
            try IniFile.parse("[migrate]\nurl = postgresql://app@db/app\nhunter2-generated?pw\n", path: "/p/migrate.ini")
        }
        #expect(error?.message.contains("/p/migrate.ini, line 3") == true)
        #expect(error?.message.contains("hunter2") == false, "\(error?.message ?? "")")
    }

    @Test func dotEnvBadKeyIsNotEchoed() {
        let error = #expect(throws: ConfigError.self) {
            try DotEnv.parse("postgresql://app:hunter2@db/app?x=1\n", path: "/p/.env")
        }
        #expect(error?.message.contains("/p/.env, line 1") == true)
        #expect(error?.message.contains("hunter2") == false, "\(error?.message ?? "")")
    }

    /// Redaction reads the text once: a 100,000-character URL is handled
    /// (the old regular expressions took 34 s on 16,000 characters).
    @Test func longURLIsRedacted() {
        let secret = String(repeating: "x", count: 100_000)
        let text = "could not connect to postgresql://app:" + secret + "@db/app: refused"
        #expect(redactPasswords(in: text) == "could not connect to postgresql://app:***@db/app: refused")
        let noAt = "postgresql://app:" + secret
        #expect(redactPasswords(in: noAt) == noAt)
        let settings = String(repeating: "password=", count: 10_000) + "z"
        #expect(!redactPasswords(in: settings).contains("z"))
        let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL.parse("oracle://app:" + secret + "@db/x") }
        #expect(error?.message.contains("oracle://app:***@db/x") == true)
    }

    @Test func unclosedQuotedPasswordHidesTheRest() {
        #expect(redactPasswords(in: "host=h password='abc def") == "host=h password=***")
    }
}
