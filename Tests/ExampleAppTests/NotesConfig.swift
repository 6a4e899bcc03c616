import Foundation
import MigrateKit

/// The databases the notes examples run on.
enum NotesBackend: String, CaseIterable, Sendable {
    case sqlite, postgresql, mysql
}

/// The notes app's configuration: the repository's `migrate.ini` (SQLite),
/// or the same with its URL moved to the PostgreSQL or MySQL server named by
/// `MIGRATE_TEST_POSTGRESQL_URL` / `MIGRATE_TEST_MYSQL_URL`.
///
/// `TestDatabase` creates its `test_notes_<random>` database beside the
/// database this URL names, so the server URL only needs a database name.
func notesConfig(_ backend: NotesBackend = .sqlite) throws -> MigrateConfig {
    let ini = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../migrate.ini").path
    var config = try MigrateConfig.load(ini)
    if backend != .sqlite {
        let variable = backend == .postgresql ? "MIGRATE_TEST_POSTGRESQL_URL" : "MIGRATE_TEST_MYSQL_URL"
        guard let server = ProcessInfo.processInfo.environment[variable] else {
            throw NotesConfigError(message: "\(variable) is not set: run the tests with scripts/test.sh.")
        }
        config.url = try DatabaseURL.parse(server).with(database: "notes")
    }
    return config
}

struct NotesConfigError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
