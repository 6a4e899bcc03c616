import ArgumentParser
import Foundation
import MigrateKit

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "database", abstract: "Create, drop or check the configured database (for test suites).",
        subcommands: [Create.self, Drop.self, Exists.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create the database the URL names.")
        @OptionGroup var global: GlobalOptions
        @Flag(name: .customLong("if-not-exists"), help: "Succeed when it exists already.")
        var ifNotExists = false

        func run() throws {
            try Output.run {
                let url = try DatabaseTarget.url(global)
                let dialect = Dialects.dialect(for: url)
                if ifNotExists, try dialect.databaseExists(url) {
                    Output.say("Database \(url.redacted) exists already.")
                    return
                }
                try dialect.createDatabase(url)
                Output.say("Created database \(url.redacted).")
            }
        }
    }

    struct Drop: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "drop", abstract: "Drop the database the URL names.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Confirm: the database and all its data are deleted.")
        var yes = false
        @Flag(name: .customLong("if-exists"), help: "Succeed when it does not exist.")
        var ifExists = false

        func validate() throws {
            guard yes else { throw ValidationError("`database drop` deletes all data: pass --yes to confirm.") }
        }

        func run() throws {
            try Output.run {
                let url = try DatabaseTarget.url(global)
                let dialect = Dialects.dialect(for: url)
                if ifExists, try !dialect.databaseExists(url) {
                    Output.say("Database \(url.redacted) does not exist.")
                    return
                }
                let ended = try dialect.dropDatabase(url)
                Output.say("Dropped database \(url.redacted)\(DatabaseCommand.endedSessions(ended)).")
            }
        }
    }

    /// ` (ended 2 other connections)`, ` (no other connections)`, or
    /// nothing where a database has no connections to end.
    static func endedSessions(_ count: Int?) -> String {
        switch count {
        case nil: ""
        case 0: " (no other connections)"
        case 1: " (ended 1 other connection)"
        case let count?: " (ended \(count) other connections)"
        }
    }

    struct Exists: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "exists", abstract: "Exit 0 when the database exists, 1 when it does not.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try Output.run {
                let url = try DatabaseTarget.url(global)
                let exists = try Dialects.dialect(for: url).databaseExists(url)
                Output.say(exists ? "Database \(url.redacted) exists." : "Database \(url.redacted) does not exist.")
                if !exists { throw ExitCode(1) }
            }
        }
    }
}

/// The URL `database` subcommands work on: `--url`, else the configuration's,
/// and with no migrate.ini at all, `DATABASE_URL` alone.
enum DatabaseTarget {
    static func url(_ global: GlobalOptions) throws -> DatabaseURL {
        if let url = global.url { return try DatabaseURL.parse(url) }
        do {
            if let url = try global.load().url { return url }
        } catch let failure as MigrateFailure where failure.errorID == "config.not-found" {
            if let url = ProcessInfo.processInfo.environment["DATABASE_URL"] { return try DatabaseURL.parse(url) }
            throw failure
        }
        throw RunError.noDatabaseURL
    }
}
