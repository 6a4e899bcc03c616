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
    @OptionGroup var fleet: FleetOptions

    @Argument(help: "Where to go: base, -1, a revision id; with --sql, <from>:<to> such as head:base.")
    var target: String

    func validate() throws {
        try offline.validate(format: output.format, target: target, rangeRequired: true)
        try fleet.validate(offline: offline)
    }

    func run() throws {
        try RunCommand.perform(.downgrade, target: target, global: global, output: output, offline: offline, fleet: fleet)
    }
}
