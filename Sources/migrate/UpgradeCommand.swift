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
    @OptionGroup var fleet: FleetOptions

    @Argument(help: "Where to go: head, heads, +2, a revision id, <label>@head; with --sql also <from>:<to>.")
    var target: String

    func validate() throws {
        try offline.validate(format: output.format, target: target, rangeRequired: false)
        try fleet.validate(offline: offline)
    }

    func run() throws {
        try RunCommand.perform(.upgrade, target: target, global: global, output: output, offline: offline, fleet: fleet)
    }
}
