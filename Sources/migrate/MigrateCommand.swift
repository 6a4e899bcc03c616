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
            64 wrong usage (unknown option, unknown or ambiguous revision). With --format json, stdout \
            holds one JSON document on success and nothing on failure; errors still go to stderr as \
            `error[<id>]: ...` with the same exit codes.

            Shell completions: `migrate --generate-completion-script bash|zsh|fish` prints the \
            script (scripts/install.sh installs them, with the man page `man migrate`).
            """,
        version: VersionText.line,
        subcommands: [
            InitCommand.self, RevisionCommand.self, MergeCommand.self, UpgradeCommand.self,
            DowngradeCommand.self, CurrentCommand.self, HeadsCommand.self, BranchesCommand.self,
            HistoryCommand.self, ShowCommand.self, StampCommand.self, CheckCommand.self, VerifyCommand.self,
            InspectCommand.self, DatabaseCommand.self, LintCommand.self,
        ])

    /// Lets the global options stand before the verb, as Alembic users type
    /// them (`migrate -c other.ini upgrade head`).
    static func main() {
        let arguments = relativeStepsAsPositionals(GlobalOptions.hoisted(Array(CommandLine.arguments.dropFirst())))
        if let report = UsageErrorReport.unknownCommand(in: arguments) { failWithUsage(report) }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let code as ExitCode {
            // Commands print their own `error[id]` line before throwing this.
            Foundation.exit(code.rawValue)
        } catch {
            guard exitCode(for: error).rawValue == ExitCode.validationFailure.rawValue else { exit(withError: error) }
            failWithUsage(UsageErrorReport.report(for: error, arguments: arguments))
        }
    }

    /// Prints a usage error the one way every error is printed, and exits 64.
    static func failWithUsage(_ report: UsageErrorReport) -> Never {
        FileHandle.standardError.write(Data((report.lines.joined(separator: "\n") + "\n").utf8))
        Foundation.exit(ExitCode.validationFailure.rawValue)
    }

    /// `downgrade -1` names a target, not an option: put such `-N` words
    /// after `--` so the parser reads them as the positional argument.
    static func relativeStepsAsPositionals(_ arguments: [String]) -> [String] {
        guard !arguments.contains("--") else { return arguments }
        let isStep = { (word: String) in word.count > 1 && word.first == "-" && word.dropFirst().allSatisfy(\.isNumber) }
        let steps = arguments.filter(isStep)
        guard !steps.isEmpty else { return arguments }
        return arguments.filter { !isStep($0) } + ["--"] + steps
    }
}
