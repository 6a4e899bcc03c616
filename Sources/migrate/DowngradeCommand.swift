import ArgumentParser
import MigrateKit

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
        try offline.validate(format: output.format, target: target, rangeRequired: true)
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
