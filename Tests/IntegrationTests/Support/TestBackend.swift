import Foundation

@testable import MigrateKit

/// One of the three databases every end-to-end scenario runs on.
///
/// SQLite uses a file in a temp folder. PostgreSQL and MariaDB use the
/// servers `scripts/test.sh` starts (or a developer's own), named by
/// `MIGRATE_TEST_POSTGRESQL_URL` and `MIGRATE_TEST_MYSQL_URL`; each test gets
/// a database of its own, created here and dropped by `dispose`.
enum TestBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite, postgresql, mysql

    var description: String { rawValue }

    var dialect: any Dialect { Dialects.dialect(for: backend) }

    private var backend: DatabaseURL.Backend {
        switch self {
        case .sqlite: .sqlite
        case .postgresql: .postgresql
        case .mysql: .mysql
        }
    }

    /// The server URL from the environment, or a failure that says how to
    /// start the servers.
    func serverURL() throws -> DatabaseURL {
        let variable = self == .postgresql ? "MIGRATE_TEST_POSTGRESQL_URL" : "MIGRATE_TEST_MYSQL_URL"
        guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty else {
            throw TestSetupError(
                message: "\(variable) is not set: run the suite with scripts/test.sh, which starts "
                    + "throwaway PostgreSQL and MariaDB servers, or point it at servers of your own.")
        }
        return try DatabaseURL.parse(text)
    }

    /// A new, empty database for one test.
    func makeDatabase(in folder: String) throws -> DatabaseURL {
        let name = "migrate_t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        switch self {
        case .sqlite:
            return try DatabaseURL.parse("sqlite:///" + (folder as NSString).appendingPathComponent(name + ".db"))
        case .postgresql, .mysql:
            let url = try serverURL().with(database: name)
            try dialect.createDatabase(url)
            return url
        }
    }

    /// Drops a database made by ``makeDatabase(in:)``.
    func dispose(_ url: DatabaseURL) {
        if self != .sqlite { _ = try? dialect.dropDatabase(url) }
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
