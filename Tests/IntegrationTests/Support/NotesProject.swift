import Foundation

@testable import MigrateKit

/// The repository's own `notes` example (`migrate.ini`, `migrations/`):
/// two revisions, `1975ea83b712` (notes) then `3f2a9c1b7d4e` (users).
enum NotesProject {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let migrations = root + "/migrations"
    static let first = "1975ea83b712"
    static let head = "3f2a9c1b7d4e"

    /// A configuration for the notes migrations whose URL names a database
    /// called `name` on the backend: a file in a temp folder for SQLite,
    /// the test server for PostgreSQL and MariaDB. The database itself is
    /// not created.
    static func config(_ backend: TestBackend, database name: String = "app") throws -> MigrateConfig {
        let url: DatabaseURL
        switch backend {
        case .sqlite:
            url = try DatabaseURL.parse("sqlite:///" + NSTemporaryDirectory() + name + ".db")
        case .postgresql, .mysql:
            url = try backend.serverURL().with(database: name)
        }
        return MigrateConfig(scriptLocation: migrations, url: url)
    }
}

extension TestBackend {
    /// The version table's rows as `revision:state`, sorted (empty without a table).
    func versionRows(_ url: DatabaseURL) throws -> [String] {
        let connection = try dialect.connect(to: url)
        defer { connection.close() }
        guard try dialect.tableExists("migrate_version", on: connection) else { return [] }
        return try connection.query("SELECT revision, state FROM migrate_version").map {
            "\($0[0].string ?? ""):\($0[1].string ?? "")"
        }.sorted()
    }

    /// The tables among `names` that exist in the database.
    func existingTables(_ names: [String], in url: DatabaseURL) throws -> [String] {
        let connection = try dialect.connect(to: url)
        defer { connection.close() }
        return try names.filter { try dialect.tableExists($0, on: connection) }
    }

    /// Server databases whose names start with `prefix` (never SQLite).
    func databases(named prefix: String) throws -> [String] {
        let server = try serverURL()
        let sql: String
        let connection: DatabaseConnection
        switch self {
        case .sqlite:
            return []
        case .postgresql:
            connection = try dialect.connect(to: server.with(database: "postgres"))
            sql = "SELECT datname FROM pg_database WHERE datname LIKE \(dialect.literal(prefix + "%"))"
        case .mysql:
            connection = try dialect.connect(to: server.with(database: nil))
            sql = "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE \(dialect.literal(prefix + "%"))"
        }
        defer { connection.close() }
        return try connection.query(sql).compactMap { $0.first?.string }.sorted()
    }
}
