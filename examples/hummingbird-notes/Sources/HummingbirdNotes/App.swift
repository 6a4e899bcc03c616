import Foundation
import Hummingbird
import Logging
import MigrateKit

/// The notes app: migrate the database to head, then serve `/notes`.
///
///     DATABASE_URL=postgresql://app:secret@localhost/notes PORT=8080 swift run
///
/// Several instances may start at once: the migration lock lets one apply
/// the revisions while the others wait, and then find nothing to do.
@main
struct HummingbirdNotes {
    static func main() async throws {
        var logger = Logger(label: "hummingbird-notes")
        logger.logLevel = .info
        let environment = ProcessInfo.processInfo.environment
        let config = try MigrateConfig.load(environment["MIGRATE_CONFIG"])
        guard let url = config.url else { throw RunError.noDatabaseURL }

        let migrator = Migrator(config)
        migrator.logger = logger
        let report = try await migrator.upgrade(to: "head")
        logger.info("Database at \(report.heads.joined(separator: ", ")) (\(report.steps.count) revisions applied)")

        let store = NotesStore(url: url)
        let router = Router()
        router.get("notes") { _, _ -> [Note] in
            try await store.all()
        }
        router.post("notes") { request, context -> EditedResponse<Note> in
            let note = try await request.decode(as: NewNote.self, context: context)
            return EditedResponse(status: .created, response: try await store.add(note))
        }
        let port = Int(environment["PORT"] ?? "") ?? 8080
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port)),
            logger: logger)
        try await app.runService()
    }
}
