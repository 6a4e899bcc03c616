import Foundation

@testable import MigrateKit

/// The PgBouncer (transaction pooling) and the hot standby that
/// `scripts/test.sh` starts beside PostgreSQL, named by
/// `MIGRATE_TEST_PGBOUNCER_URL` and `MIGRATE_TEST_POSTGRESQL_STANDBY_URL`.
enum PooledServers {
    /// The URL of `database` through PgBouncer.
    static func pgbouncer(_ database: DatabaseURL) throws -> DatabaseURL {
        try server("MIGRATE_TEST_PGBOUNCER_URL").with(database: database.database ?? "")
    }

    /// The URL of `database` on the standby.
    static func standby(_ database: DatabaseURL) throws -> DatabaseURL {
        try server("MIGRATE_TEST_POSTGRESQL_STANDBY_URL").with(database: database.database ?? "")
    }

    private static func server(_ variable: String) throws -> DatabaseURL {
        guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty else {
            throw TestSetupError(
                message: "\(variable) is not set: run the suite with scripts/test.sh, which starts PgBouncer "
                    + "and a hot standby beside PostgreSQL.")
        }
        return try DatabaseURL.parse(text)
    }
}
