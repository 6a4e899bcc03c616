import Foundation
import Logging
import Testing

@testable import MigrateKit

/// With a `Logger`, progress and warnings go through swift-log.
@Suite("Migrator logging")
struct MigratorLoggingTests {
    @Test(arguments: TestBackend.allCases)
    func progressAndWarningsGoToTheLogger(_ backend: TestBackend) async throws {
        let project = try CLIProject(backend)
        try project.write(
            "g00000000001", message: "Create g", upgrade: "CREATE TABLE g_t (id INTEGER);", downgrade: "DROP TABLE g_t;")
        let config = try MigrateConfig.load(project.folder + "/migrate.ini", environment: [:])
        let records = CapturedLog()
        let migrator = Migrator(config)
        migrator.logger = records.logger()
        try await migrator.upgrade(to: "head")
        #expect(
            records.entries == [
                .init(level: .info, message: "Running upgrade <base> -> g00000000001 (Create g)", revision: "g00000000001"),
                .init(
                    level: .info, message: "Done upgrade <base> -> g00000000001 in \(records.milliseconds(0)) ms", revision: "g00000000001"),
            ], "\(records.entries)")
    }

    /// Without a logger nothing is logged and the observer still sees every event.
    @Test func theObserverStillSeesEveryEventBesideTheLogger() throws {
        let project = try CLIProject(.sqlite)
        try project.write("h00000000001", upgrade: "CREATE TABLE h_t (id INTEGER);", downgrade: "DROP TABLE h_t;")
        let migrator = Migrator(try MigrateConfig.load(project.folder + "/migrate.ini", environment: [:]))
        let records = CapturedLog()
        migrator.logger = records.logger()
        let events = Locked(0)
        migrator.observer = { _ in events.update { $0 += 1 } }
        try migrator.upgrade(to: "head")
        #expect(events.value == 2)
        #expect(records.entries.count == 2)
    }
}

/// A `LogHandler` that keeps what it is given, for tests.
final class CapturedLog: @unchecked Sendable {
    struct Entry: Equatable, CustomStringConvertible {
        var level: Logger.Level
        var message: String
        var revision: String?
        var description: String { "\(level) \(message) [\(revision ?? "-")]" }
    }

    private let lock = NSLock()
    private var stored: [Entry] = []

    var entries: [Entry] { lock.withLock { stored } }
    func clear() { lock.withLock { stored = [] } }

    /// The milliseconds figure of the `index`th `Done ... in N ms` entry.
    func milliseconds(_ index: Int) -> String {
        let done = entries.filter { $0.message.hasPrefix("Done ") }
        guard index < done.count else { return "?" }
        return done[index].message.split(separator: " ").dropLast().last.map(String.init) ?? "?"
    }

    func logger() -> Logger {
        var logger = Logger(label: "migrate-test") { _ in Handler(log: self) }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func append(_ entry: Entry) { lock.withLock { stored.append(entry) } }

    private struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            log.append(
                Entry(
                    level: event.level, message: "\(event.message)",
                    revision: event.metadata?["migrate.revision"].map { "\($0)" }))
        }
    }
}
