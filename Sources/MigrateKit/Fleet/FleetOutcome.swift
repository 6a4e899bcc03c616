/// What happened on one target of a fleet run.
public struct FleetOutcome: Sendable {
    /// How a target's run ended.
    public enum Status: String, Sendable {
        /// Revisions ran.
        case changed
        /// Nothing to do: the target was already where the run goes.
        case unchanged
        /// The target failed; ``FleetOutcome/error`` says how.
        case failed
        /// Never started: an earlier failure stopped the run (without
        /// `--continue-on-error`), or the run was interrupted.
        case notStarted = "not_started"
    }

    /// The database (or schema) the run was for.
    public var target: FleetTarget
    /// How the target's run ended.
    public var status: Status
    /// The run's report, for `changed` and `unchanged`.
    public var report: RunReport?
    /// The `error[id]: ...` line, for `failed`.
    public var error: String?
    /// The error's id (`db.authentication`, ...), for `failed`.
    public var errorID: String?
    /// Warnings the run gave (changed files, ...).
    public var warnings: [String] = []
    /// Connecting, locking and running, in milliseconds.
    public var milliseconds: Int = 0

    /// The outcome of `target` with `status`, no report, error or warnings yet.
    public init(target: FleetTarget, status: Status) {
        self.target = target
        self.status = status
    }
}

/// Counts of a fleet run's outcomes, for the summary.
public struct FleetSummary: Sendable, Equatable {
    /// Targets on which revisions ran.
    public var changed = 0
    /// Targets that were already where the run goes.
    public var unchanged = 0
    /// Targets whose run failed.
    public var failed = 0
    /// Targets that never started.
    public var notStarted = 0

    /// Counts `outcomes` by status.
    public init(_ outcomes: [FleetOutcome]) {
        for outcome in outcomes {
            switch outcome.status {
            case .changed: changed += 1
            case .unchanged: unchanged += 1
            case .failed: failed += 1
            case .notStarted: notStarted += 1
            }
        }
    }

    /// `true` when every target ran (or had nothing to do) without failing.
    public var succeeded: Bool { failed == 0 && notStarted == 0 }
}
