import Foundation
import Hummingbird
import MigrateKit

/// A note as the API shows it.
struct Note: ResponseCodable, Equatable {
    var id: Int
    var text: String
    var completed: Bool
}

/// The body of `POST /notes`.
struct NewNote: Decodable {
    var text: String
    var completed: Bool?
}

/// Reads and writes the `notes` table. MigrateKit's connections are
/// blocking and not `Sendable`, so each call opens one on a thread of its own
/// and closes it there; an app with real traffic would use an async driver
/// (PostgresNIO, SQLiteNIO) for its queries and MigrateKit for its schema.
struct NotesStore: Sendable {
    let url: DatabaseURL

    func all() async throws -> [Note] {
        try await onOwnThread { connection, _ in
            try connection.query("SELECT id, text, completed FROM notes ORDER BY id").map { row in
                Note(id: row[0].int ?? 0, text: row[1].string ?? "", completed: Self.isTrue(row[2]))
            }
        }
    }

    func add(_ new: NewNote) async throws -> Note {
        try await onOwnThread { connection, dialect in
            let completed = new.completed ?? false
            // RETURNING: SQLite 3.35+, PostgreSQL and MariaDB 10.5+ (not MySQL).
            let rows = try connection.query(
                "INSERT INTO notes (text, completed) VALUES (\(dialect.literal(new.text)), "
                    + "\(completed ? "TRUE" : "FALSE")) RETURNING id")
            guard let id = rows.first?[0].int else { throw HTTPError(.internalServerError) }
            return Note(id: id, text: new.text, completed: completed)
        }
    }

    /// `t`, `true` or `1`, as the three databases write a true boolean.
    private static func isTrue(_ value: SQLValue) -> Bool {
        ["t", "true", "1"].contains(value.string?.lowercased() ?? "")
    }

    private func onOwnThread<T: Sendable>(
        _ work: @escaping @Sendable (any DatabaseConnection, any Dialect) throws -> T
    ) async throws -> T {
        let url = url
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Result {
                        let dialect = Dialects.dialect(for: url)
                        let connection = try dialect.connect(to: url)
                        defer { connection.close() }
                        return try work(connection, dialect)
                    })
            }.start()
        }
    }
}
