import ArgumentParser
import MigrateKit

struct UpgradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade", abstract: "Apply revisions up to a target.",
        discussion: "Targets: head, heads, +N, <rev>, <rev>+N, a unique id prefix, <label>@head.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Where to go: head, heads, +2, a revision id, <label>@head.")
    var target: String

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            migrator.observer = Output.progress
            let report = try migrator.upgrade(to: target)
            RunSummary.print(report, direction: "upgrade")
        }
    }
}

struct DowngradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "downgrade", abstract: "Revert revisions down to a target.",
        discussion: "Targets: base, -N, <rev>, <rev>-N, <label>@base.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Where to go: base, -1, a revision id.")
    var target: String

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            migrator.observer = Output.progress
            let report = try migrator.downgrade(to: target)
            RunSummary.print(report, direction: "downgrade")
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
