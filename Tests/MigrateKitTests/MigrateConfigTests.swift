import Foundation
import Testing

@testable import MigrateKit

/// Each test gets its own folder under the temporary directory.
@Suite("MigrateConfig")
final class MigrateConfigTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "migrate-config-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func write(_ text: String, to name: String = "migrate.ini") throws {
        try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }

    func load(_ path: String? = nil, name: String? = nil, url: String? = nil, environment: [String: String] = [:])
        throws -> MigrateConfig
    {
        try MigrateConfig.load(path, name: name, url: url, environment: environment, workingDirectory: folder)
    }

    func failure(_ body: () throws -> MigrateConfig) -> ConfigError? {
        #expect(throws: ConfigError.self) { _ = try body() }
    }

    @Test func defaults() throws {
        try write("[migrate]\nscript_location = migrations\n")
        let config = try load()
        #expect(config.configFile == folder + "/migrate.ini")
        #expect(config.section == "migrate")
        #expect(config.scriptLocation == folder + "/migrations")
        #expect(config.url == nil)
        #expect(config.urlSource == nil)
        #expect(config.schema == nil)
        #expect(config.devURL == nil)
        #expect(config.versionTable == "migrate_version")
        #expect(config.fileTemplate == "%(rev)s_%(slug)s")
        #expect(config.truncateSlugLength == 40)
        #expect(config.transactionPerMigration == false)
        #expect(config.lockTimeout == 60)
        #expect(config.excludeTables == [])
    }

    @Test func everySetting() throws {
        try write(
            """
            [migrate]
            script_location = %(here)s/db/migrations
            url = postgresql://app:${DB_PASSWORD}@localhost/app
            dev_url = postgresql://app@localhost/scratch
            schema = ./schema/../schema.sql
            version_table = schema_history
            file_template = %%(year)d_%%(rev)s_%%(slug)s
            truncate_slug_length = 20
            transaction_per_migration = yes
            lock_timeout = 2.5
            exclude_tables = spatial_ref_sys, audit_*
                tmp_*
            """)
        let config = try load(environment: ["DB_PASSWORD": "pw"])
        #expect(config.scriptLocation == folder + "/db/migrations")
        #expect(config.url == (try DatabaseURL.parse("postgresql://app:pw@localhost/app")))
        #expect(config.urlSource == "migrate.ini")
        #expect(config.devURL?.database == "scratch")
        #expect(config.schema == folder + "/schema.sql")
        #expect(config.versionTable == "schema_history")
        #expect(config.fileTemplate == "%(year)d_%(rev)s_%(slug)s")
        #expect(config.truncateSlugLength == 20)
        #expect(config.transactionPerMigration == true)
        #expect(config.lockTimeout == 2.5)
        #expect(config.excludeTables == ["spatial_ref_sys", "audit_*", "tmp_*"])
    }

    @Test(arguments: [
        ("true", true), ("False", false), ("yes", true), ("no", false), ("1", true), ("0", false), ("on", true), ("OFF", false),
    ])
    func booleans(text: String, expected: Bool) throws {
        try write("[migrate]\nscript_location = m\ntransaction_per_migration = \(text)\n")
        #expect(try load().transactionPerMigration == expected)
    }

    @Test(arguments: [
        ("transaction_per_migration", "maybe"), ("lock_timeout", "soon"), ("lock_timeout", "-1"),
        ("truncate_slug_length", "0"), ("truncate_slug_length", "4.5"), ("version_table", ""),
        ("online", "maybe"), ("statement_lock_timeout", "5"), ("statement_lock_timeout", "-1s"),
    ])
    func badValuesNameKeyAndFile(key: String, value: String) throws {
        try write("[migrate]\nscript_location = m\n\(key) = \(value)\n")
        let error = failure { try load() }
        #expect(error?.errorID == "config.bad-value")
        #expect(error?.message.contains(key) == true)
        #expect(error?.message.contains(folder + "/migrate.ini") == true)
    }

    @Test func onlineAndItsLockTimeout() throws {
        try write("[migrate]\nscript_location = m\n")
        #expect(try load().online == false)
        #expect(try load().statementLockTimeoutMilliseconds == 5000)
        try write("[migrate]\nscript_location = m\nonline = true\nstatement_lock_timeout = 750ms\nlock_timeout = 30\n")
        let config = try load()
        #expect(config.online == true)
        #expect(config.statementLockTimeoutMilliseconds == 750)
        #expect(config.lockTimeout == 30)
    }

    // MARK: URL precedence

    @Test func urlArgumentWinsOverEverything() throws {
        try write("[migrate]\nscript_location = m\nurl = sqlite:///ini.db\n")
        try write("DATABASE_URL=sqlite:///dotenv.db\n", to: ".env")
        let config = try load(url: "sqlite:///flag.db", environment: ["DATABASE_URL": "sqlite:///env.db"])
        #expect(config.url?.database == "flag.db")
        #expect(config.urlSource == "--url")
    }

    @Test func environmentWinsOverDotEnvAndIni() throws {
        try write("[migrate]\nscript_location = m\nurl = sqlite:///ini.db\n")
        try write("DATABASE_URL=sqlite:///dotenv.db\n", to: ".env")
        let config = try load(environment: ["DATABASE_URL": "sqlite:///env.db"])
        #expect(config.url?.database == "env.db")
        #expect(config.urlSource == "DATABASE_URL")
    }

    @Test func dotEnvWinsOverIni() throws {
        try write("[migrate]\nscript_location = m\nurl = sqlite:///ini.db\n")
        try write("DATABASE_URL=sqlite:///dotenv.db\n", to: ".env")
        let config = try load(environment: ["DATABASE_URL": ""])
        #expect(config.url?.database == "dotenv.db")
        #expect(config.urlSource == ".env")
    }

    @Test func iniURLLast() throws {
        try write("[migrate]\nscript_location = m\nurl = sqlite:///ini.db\n")
        let config = try load()
        #expect(config.url?.database == "ini.db")
        #expect(config.urlSource == "migrate.ini")
    }

    @Test func lowerSourcesAreNotEvaluated() throws {
        // The ini's url needs an unset variable, but DATABASE_URL wins first.
        try write("[migrate]\nscript_location = m\nurl = ${NOT_SET}\n")
        #expect(try load(environment: ["DATABASE_URL": "mysql://h/db"]).url?.backend == .mysql)
    }

    @Test func dotEnvFeedsExpansionButTheEnvironmentWins() throws {
        try write("[migrate]\nscript_location = m\nurl = postgresql://app:${DB_PASSWORD}@${DB_HOST}/app\n")
        try write("DB_PASSWORD=fromdotenv\nDB_HOST=dotenvhost\n", to: ".env")
        let config = try load(environment: ["DB_HOST": "realhost"])
        #expect(config.url?.password == "fromdotenv")
        #expect(config.url?.host == "realhost")
    }

    @Test func sqliteRelativePathIsNotRewritten() throws {
        try write("[migrate]\nscript_location = m\nurl = sqlite:///app.db\n", to: "sub/migrate.ini")
        let config = try load("sub/migrate.ini")
        #expect(config.url?.database == "app.db")
        #expect(config.scriptLocation == folder + "/sub/m")
        #expect(config.configFile == folder + "/sub/migrate.ini")
    }

    @Test func badURLKeepsItsIdAndIsRedacted() throws {
        try write("[migrate]\nscript_location = m\nurl = oracle://scott:tiger42@db/x\n")
        let error = failure { try load() }
        #expect(error?.errorID == "url.unknown-scheme")
        #expect(error?.message.contains("tiger42") == false)
        #expect(error?.message.contains(folder + "/migrate.ini") == true)
        let fromFlag = failure { try load(url: "postgresql://u:hunter2@h:port/db") }
        #expect(fromFlag?.errorID == "url.bad-port")
        #expect(fromFlag?.message.contains("--url") == true)
        #expect(fromFlag.map { !String(describing: $0).contains("hunter2") } == true)
    }

    @Test func badURLNamesItsSource() throws {
        try write("[migrate]\nscript_location = m\n")
        try write("DATABASE_URL=nosuch://u:dotenvpw@h/db\n", to: ".env")
        let fromDotEnv = failure { try load() }
        #expect(fromDotEnv?.message.contains("DATABASE_URL in \(folder)/.env") == true)
        #expect(fromDotEnv?.message.contains("dotenvpw") == false)
        let fromEnvironment = failure { try load(environment: ["DATABASE_URL": "nosuch://h/db"]) }
        #expect(fromEnvironment?.message.contains("the DATABASE_URL environment variable") == true)
    }

    @Test func badDevURL() throws {
        try write("[migrate]\nscript_location = m\ndev_url = nosuch://h/db\n")
        let error = failure { try load() }
        #expect(error?.errorID == "url.unknown-scheme")
        #expect(error?.message.contains("dev_url") == true)
    }

    // MARK: Files and sections

    @Test func notFoundInWorkingDirectory() {
        let error = failure { try load() }
        #expect(error?.errorID == "config.not-found")
        #expect(error?.message == "No migrate.ini in \(folder). Run `migrate init migrations` to create one, or pass -c PATH.")
    }

    @Test func notFoundAtExplicitPath() {
        let error = failure { try load("nope.ini") }
        #expect(error?.errorID == "config.not-found")
        #expect(error?.message.contains(folder + "/nope.ini") == true)
    }

    @Test func folderGivenAsConfig() {
        #expect(failure { try load("sub") }?.errorID == "config.unreadable")
    }

    @Test func nameSelectsAnotherSection() throws {
        try write(
            """
            [migrate]
            script_location = main
            url = sqlite:///main.db
            [analytics]
            script_location = %(here)s/analytics
            url = sqlite:///analytics.db
            """)
        let config = try load(name: "analytics")
        #expect(config.section == "analytics")
        #expect(config.scriptLocation == folder + "/analytics")
        #expect(config.url?.database == "analytics.db")
    }

    @Test func missingSectionListsThoseThere() throws {
        try write("[migrate]\nscript_location = m\n[reports]\nscript_location = r\n")
        let error = failure { try load(name: "nosuch") }
        #expect(error?.errorID == "config.missing-section")
        let message = error?.message ?? ""
        #expect(message.contains("[nosuch]") && message.contains("[migrate], [reports]") && message.contains(folder))
        #expect(failure { try load(name: "DEFAULT") }?.errorID == "config.missing-section")
    }

    @Test func missingScriptLocation() throws {
        try write("[migrate]\nurl = sqlite:///x.db\n")
        let error = failure { try load() }
        #expect(error?.errorID == "config.missing-key")
        #expect(error?.message.contains("script_location") == true)
        #expect(error?.message.contains(folder + "/migrate.ini") == true)
    }

    @Test func syntaxErrorsInIniAndDotEnvPropagate() throws {
        try write("[migrate]\nscript_location = m\nnonsense\n")
        #expect(failure { try load() }?.message.contains("line 3") == true)
        try write("[migrate]\nscript_location = m\n")
        try write("BROKEN\n", to: ".env")
        #expect(failure { try load() }?.message.contains(folder + "/.env, line 1") == true)
    }

    @Test func missingEnvironmentVariable() throws {
        try write("[migrate]\nscript_location = ${MIGRATIONS_DIR}\n")
        let error = failure { try load() }
        #expect(error?.errorID == "config.missing-env")
        #expect(error?.message.contains("MIGRATIONS_DIR") == true)
        #expect(try load(environment: ["MIGRATIONS_DIR": "/abs/m"]).scriptLocation == "/abs/m")
    }

    @Test func builtInCode() {
        let config = MigrateConfig(scriptLocation: "/m", url: nil)
        #expect(config.section == "migrate" && config.configFile == nil && config.versionTable == "migrate_version")
        #expect(config.lockTimeout == 60 && config.truncateSlugLength == 40 && !config.transactionPerMigration)
    }

    @Test func absolutePaths() {
        #expect(MigrateConfig.absolutePath("a/./b/../c", relativeTo: "/x/y") == "/x/y/a/c")
        #expect(MigrateConfig.absolutePath("/abs//p/", relativeTo: "/x") == "/abs/p")
        #expect(MigrateConfig.absolutePath("../../..", relativeTo: "/x") == "/")
    }
}
