import ArgumentParser
import Foundation
import MigrateKit

/// The `migrate` command: Alembic's verbs for SQL revision files.
@main
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Schema migrations for SQLite, PostgreSQL and MySQL/MariaDB, in plain SQL.",
        discussion: """
            Exit codes: 0 success, 1 a runtime failure (database, files, graph), \
            64 wrong usage (unknown option, unknown or ambiguous revision).
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, RevisionCommand.self, MergeCommand.self, UpgradeCommand.self,
            DowngradeCommand.self, CurrentCommand.self, HeadsCommand.self, BranchesCommand.self,
            HistoryCommand.self, ShowCommand.self, StampCommand.self, DatabaseCommand.self,
        ])

    /// Lets the global options stand before the verb, as Alembic users type
    /// them (`migrate -c other.ini upgrade head`).
    static func main() {
        main(GlobalOptions.hoisted(Array(CommandLine.arguments.dropFirst())))
    }
}
