import ArgumentParser
import MigrateKit

/// An online upgrade or downgrade: progress and a closing line as text, or
/// one JSON document at the end.
enum RunCommand {
    /// The body of `upgrade` and `downgrade`: the offline script with
    /// `--sql`, else the run itself.
    static func perform(
        _ direction: MigrationStep.Direction, target: String, global: GlobalOptions, output: FormatOptions,
        offline: OfflineOptions, fleet: FleetOptions
    ) throws {
        try Output.run {
            let migrator = try global.migrator()
            if !offline.sql, let fleet = try fleet.fleet(for: migrator.config) {
                return try FleetRunCommand.perform(fleet, direction, target: target, json: output.json)
            }
            if offline.sql {
                let (start, end) = OfflineOptions.split(target)
                let dialect = try offline.chosenDialect()
                let script =
                    direction == .upgrade
                    ? try migrator.upgradeScript(to: end, from: start, dialect: dialect)
                    : try migrator.downgradeScript(from: start ?? "", to: end, dialect: dialect)
                return Output.say(script, terminator: "")
            }
            try run(migrator, direction: direction.rawValue, target: target, json: output.json) {
                direction == .upgrade ? try migrator.upgrade(to: target) : try migrator.downgrade(to: target)
            }
        }
    }

    static func run(
        _ migrator: Migrator, direction: String, target: String, json: Bool, body: () throws -> RunReport
    ) throws {
        var warnings: [String] = []
        migrator.observer = { event in
            if case .warning(let text) = event { warnings.append(text) }
            if json {
                if case .warning = event { Output.progress(event) }
                if case .waitingForLock = event { Output.progress(event) }
                if case .note = event { Output.progress(event) }
            } else {
                Output.progress(event)
            }
        }
        let report = try Interrupts.cancelling(migrator.cancellation, body)
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
