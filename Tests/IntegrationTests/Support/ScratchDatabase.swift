import Foundation

@testable import MigrateKit

/// A fresh, empty database on one backend with an open connection, dropped
/// (with its temp folder) when the test ends.
final class ScratchDatabase {
    let backend: TestBackend
    let url: DatabaseURL
    let connection: DatabaseConnection
    private let folder: String

    init(_ backend: TestBackend) throws {
        self.backend = backend
        folder = NSTemporaryDirectory() + "migrate-inspect-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        url = try backend.makeDatabase(in: folder)
        connection = try backend.dialect.connect(to: url)
    }

    deinit {
        connection.close()
        backend.dispose(url)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs each statement of a script (split for the backend's dialect).
    func run(_ script: String) throws {
        for statement in try StatementSplitter(flavor: backend.dialect.splitterFlavor).split(script) {
            try connection.execute(statement.text)
        }
    }

    /// The schema as the dialect's inspector reads it.
    func inspect(excluding patterns: [String] = []) throws -> Schema {
        try backend.dialect.inspector.inspect(connection, excluding: patterns)
    }
}
