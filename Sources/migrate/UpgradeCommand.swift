import ArgumentParser
import MigrateKit

struct UpgradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade", abstract: "Apply revisions up to a target.",
        discussion: """
            Targets: head, heads, +N, <rev>, <rev>+N, a unique id prefix, <label>@head. With --sql, print \
            the SQL instead of running it, without connecting: `upgrade head --sql` starts from base \
            (and creates the version table), `upgrade <from>:<to> --sql` from a revision.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var offline: OfflineOptions

    @Argument(help: "Where to go: head, heads, +2, a revision id, <label>@head; with --sql also <from>:<to>.")
    var target: String

    func validate() throws {
        try offline.validate(format: output.format)
        if !offline.sql && target.contains(":") {
            throw ValidationError("A range '\(target)' needs --sql: online, the database says where it is.")
        }
    }

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            if offline.sql {
                let (start, end) = OfflineOptions.split(target)
                return Output.say(
                    try migrator.upgradeScript(to: end, from: start, dialect: try offline.chosenDialect()), terminator: "")
            }
            try RunCommand.run(migrator, direction: "upgrade", target: target, json: output.json) {
                try migrator.upgrade(to: target)
            }
        }
    }
}

struct DowngradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "downgrade", abstract: "Revert revisions down to a target.",
        discussion: """
            Targets: base, -N, <rev>, <rev>-N, <label>@base. With --sql, print the SQL instead of running \
            it, without connecting; the range <from>:<to> is then required, since the database's \
            revision is unknown offline.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var offline: OfflineOptions

    @Argument(help: "Where to go: base, -1, a revision id; with --sql, <from>:<to> such as head:base.")
    var target: String

    func validate() throws {
        try offline.validate(format: output.format)
        if offline.sql && OfflineOptions.split(target).start == nil {
            throw ValidationError(
                "`downgrade --sql` needs a range <from>:<to> (e.g. head:base): offline, the database's "
                    + "current revision is unknown.")
        }
        if !offline.sql && target.contains(":") {
            throw ValidationError("A range '\(target)' needs --sql: online, the database says where it is.")
        }
    }

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            if offline.sql {
                let (start, end) = OfflineOptions.split(target)
                return Output.say(
                    try migrator.downgradeScript(from: start ?? "", to: end, dialect: try offline.chosenDialect()),
                    terminator: "")
            }
            try RunCommand.run(migrator, direction: "downgrade", target: target, json: output.json) {
                try migrator.downgrade(to: target)
            }
        }
    }
}

/// `--sql` and `--dialect`, shared by `upgrade` and `downgrade`.
struct OfflineOptions: ParsableArguments {
    @Flag(help: "Print the SQL script instead of running it; no database is contacted.")
    var sql = false

    @Option(help: "With --sql: the SQL dialect, sqlite, postgresql or mysql (default: the configured URL's).")
    var dialect: String?

    func validate(format: OutputFormat) throws {
        if dialect != nil && !sql { throw ValidationError("--dialect only applies with --sql.") }
        if sql && format == .json { throw ValidationError("--sql prints SQL: it cannot be combined with --format json.") }
    }

    /// The dialect named by --dialect, if any.
    func chosenDialect() throws -> (any Dialect)? {
        try dialect.map { try Dialects.dialect(named: $0) }
    }

    /// `a:b` into its ends; a target without a colon has no start.
    static func split(_ target: String) -> (start: String?, end: String) {
        guard let colon = target.firstIndex(of: ":") else { return (nil, target) }
        return (String(target[..<colon]), String(target[target.index(after: colon)...]))
    }
}

/// An online upgrade or downgrade: progress and a closing line as text, or
/// one JSON document at the end.
enum RunCommand {
    static func run(
        _ migrator: Migrator, direction: String, target: String, json: Bool, body: () throws -> RunReport
    ) throws {
        var warnings: [String] = []
        migrator.observer = { event in
            if case .warning(let text) = event { warnings.append(text) }
            if json {
                if case .warning(let text) = event { Output.note("warning: \(text)") }
            } else {
                Output.progress(event)
            }
        }
        let report = try body()
        if json {
            try JSONOutput.print(
                RunJSON(report, direction: direction, target: target, warnings: warnings, directory: try migrator.scripts()))
        } else {
            RunSummary.print(report, direction: direction)
        }
    }
}

/// The closing line of an upgrade or downgrade.
enum RunSummary {
    static func print(_ report: RunReport, direction: String) {
        let at = report.heads.isEmpty ? "base" : report.heads.joined(separator: ", ")
        if report.steps.isEmpty {
            Output.say("Nothing to \(direction): the database is at \(at).")
        } else {
            let count = report.steps.count
            Output.say("Done: \(count) revision\(count == 1 ? "" : "s") in \(report.totalMilliseconds) ms; now at \(at).")
        }
    }
}
