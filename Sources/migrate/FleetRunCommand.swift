import ArgumentParser
import Dispatch
import Foundation
import MigrateKit

/// An upgrade or downgrade over a fleet: a line per target as each ends,
/// then a summary; or one JSON document with a row per target.
///
/// Each line is written whole when its target ends (never while it runs),
/// so lines of targets running side by side never mix, and a log file gets
/// the same lines a terminal does.
enum FleetRunCommand {
    static func perform(_ fleet: Fleet, _ direction: MigrationStep.Direction, target: String, json: Bool) throws {
        let started = DispatchTime.now()
        let total = fleet.targets.count
        let work: @Sendable (Migrator) throws -> RunReport = { migrator in
            direction == .upgrade ? try migrator.upgrade(to: target) : try migrator.downgrade(to: target)
        }
        let outcomes = try Interrupts.cancelling(reportsItself: true, { fleet.cancel() }) {
            try AsyncBridge.wait {
                try await fleet.run(work) { outcome, ended in
                    guard !json else { return }
                    Output.say("[\(ended)/\(total)] \(outcome.target.name) ... \(describe(outcome, direction, target: target))")
                    for warning in outcome.warnings { Output.note("warning: \(outcome.target.name): \(warning)") }
                }
            }
        }
        let milliseconds = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
        let summary = FleetSummary(outcomes)
        if json {
            try JSONOutput.print(
                FleetJSON(
                    outcomes, direction: direction.rawValue, target: target, parallel: fleet.options.parallel,
                    milliseconds: milliseconds))
        } else {
            printSummary(summary, outcomes, direction, target: target, parallel: fleet.options.parallel, milliseconds: milliseconds)
        }
        if let code = Interrupts.exitCode { throw ExitCode(code) }
        if !summary.succeeded { throw ExitCode(1) }
    }

    /// `3 revisions, 41 ms`, `already at head, 5 ms`, `failed: error[db.auth-failed], 12 ms`.
    static func describe(_ outcome: FleetOutcome, _ direction: MigrationStep.Direction, target: String) -> String {
        let time = "\(outcome.milliseconds) ms"
        switch outcome.status {
        case .changed:
            let count = outcome.report?.steps.count ?? 0
            return "\(count) revision\(count == 1 ? "" : "s"), \(time)"
        case .unchanged:
            return "\(direction == .upgrade ? "already at \(target)" : "nothing to downgrade"), \(time)"
        case .failed:
            return "failed: error[\(outcome.errorID ?? "internal")], \(time)"
        case .notStarted:
            return "not started"
        }
    }

    private static func printSummary(
        _ summary: FleetSummary, _ outcomes: [FleetOutcome], _ direction: MigrationStep.Direction, target: String,
        parallel: Int, milliseconds: Int
    ) {
        let verb = direction == .upgrade ? "Upgraded" : "Downgraded"
        let unchanged = direction == .upgrade ? "already at \(target)" : "had nothing to downgrade"
        var parts = ["\(verb) \(summary.changed)", "\(summary.unchanged) \(unchanged)", "\(summary.failed) failed"]
        if summary.notStarted > 0 { parts.append("\(summary.notStarted) not started") }
        Output.say(
            parts.joined(separator: ", ") + " (\(outcomes.count) target\(outcomes.count == 1 ? "" : "s"), "
                + "\(parallel) at a time, \(milliseconds) ms).")
        for outcome in outcomes where outcome.status == .failed {
            Output.note("\(outcome.target.name): \(outcome.error ?? "error[internal]: unknown failure")")
        }
        if Interrupts.exitCode != nil {
            Output.note(
                "Interrupted: started no further target\(summary.notStarted > 0 ? " (\(summary.notStarted) not started)" : ""). "
                    + "Run the same command again to finish: each target carries on from where it stopped.")
        } else if summary.notStarted > 0 {
            Output.note("Stopped starting targets after the first failure; pass --continue-on-error to go on past failures.")
        }
    }
}

/// Waits, on the calling thread, for async work: the command line's entry
/// point is synchronous.
enum AsyncBridge {
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}
