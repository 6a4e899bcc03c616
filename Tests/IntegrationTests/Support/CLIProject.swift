import Foundation
import Testing

@testable import MigrateKit

/// A throwaway project folder with a `migrate.ini`, a migrations folder and
/// its own database, driven through the built `migrate` binary.
final class CLIProject {
    let backend: TestBackend
    let folder: String
    let url: DatabaseURL
    var versions: String { folder + "/migrations/versions" }

    init(_ backend: TestBackend, extraConfig: String = "") throws {
        self.backend = backend
        folder = NSTemporaryDirectory() + "migrate-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/migrations/versions", withIntermediateDirectories: true)
        url = try backend.makeDatabase(in: folder)
        try """
        [migrate]
        script_location = %(here)s/migrations
        url = \(url.string.replacingOccurrences(of: "%", with: "%%"))
        \(extraConfig)
        """.write(toFile: folder + "/migrate.ini", atomically: true, encoding: .utf8)
    }

    deinit {
        backend.dispose(url)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Writes a revision file by hand.
    @discardableResult
    func write(
        _ id: String, revises parents: [String] = [], message: String? = nil, upgrade: String,
        downgrade: String? = nil, extra: String = "", header: String = ""
    ) throws -> String {
        let path = "\(versions)/\(id)_\(id).sql"
        var text = """
            -- \(message ?? "Revision \(id)")
            --
            -- Revision ID: \(id)
            -- Revises: \(parents.joined(separator: ", "))
            -- Create Date: 2026-11-23 10:00:00.000000
            \(header)
            -- migrate:upgrade
            \(upgrade)

            """
        if let downgrade { text += "-- migrate:downgrade\n\(downgrade)\n" }
        text += extra
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Marks the sections of a revision file `transaction=false` (the
    /// upgrade only, or both).
    func markNonTransactional(_ path: String, downgradeToo: Bool = false) throws {
        var text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "-- migrate:upgrade\n", with: "-- migrate:upgrade transaction=false\n")
        if downgradeToo {
            text = text.replacingOccurrences(of: "-- migrate:downgrade\n", with: "-- migrate:downgrade transaction=false\n")
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Runs `migrate` with arguments in the project folder.
    @discardableResult
    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> CommandResult {
        try CommandResult.run(arguments, in: folder, environment: environment)
    }

    /// Opens a connection to the project's database.
    func connect() throws -> DatabaseConnection {
        try backend.dialect.connect(to: url)
    }

    func tableExists(_ name: String) throws -> Bool {
        let connection = try connect()
        defer { connection.close() }
        return try backend.dialect.tableExists(name, on: connection)
    }

    /// The version table's rows as `revision:state`, sorted.
    func versionRows() throws -> [String] {
        let connection = try connect()
        defer { connection.close() }
        guard try backend.dialect.tableExists("migrate_version", on: connection) else { return [] }
        return try connection.query("SELECT revision, state FROM migrate_version").map {
            "\($0[0].string ?? ""):\($0[1].string ?? "")"
        }.sorted()
    }
}

/// The outcome of one `migrate` process.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The built binary: `MIGRATE_BINARY`, else `.build/debug/migrate` of this package.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["MIGRATE_BINARY"] { return path }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/migrate").path
    }

    static func run(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> CommandResult {
        try run(executable: binary, arguments, in: folder, environment: environment)
    }

    /// This process's environment without `DATABASE_URL`, with `extra` added.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DATABASE_URL")
        environment.merge(extra) { $1 }
        return environment
    }

    /// Runs any program (`DATABASE_URL` removed from its environment); with
    /// a `timeout`, a process still running then is killed (status -9).
    static func run(
        executable: String, _ arguments: [String], in folder: String, environment: [String: String] = [:],
        timeout: TimeInterval? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = Self.environment(environment)
        // Files, not pipes: a chatty process cannot block on a full pipe.
        let outPath = NSTemporaryDirectory() + "migrate-out-" + UUID().uuidString
        let errPath = outPath + ".err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        let outData = FileManager.default.contents(atPath: outPath) ?? Data()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
