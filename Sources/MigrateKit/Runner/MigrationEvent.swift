/// One revision's upgrade or downgrade, as planned.
public struct MigrationStep: Sendable, Equatable {
    /// Whether the step applies (`upgrade`) or reverts (`downgrade`) its revision.
    public enum Direction: String, Sendable {
        /// `upgrade` applies the revision; `downgrade` reverts it.
        case upgrade, downgrade
    }

    /// Whether the revision is applied or reverted.
    public var direction: Direction
    /// The revision id.
    public var revision: String
    /// The revision's parents (`Revises:`); empty for a root.
    public var parents: [String]
    /// The revision's message (the first line of its file).
    public var message: String
    /// The revision file's path.
    public var path: String
    /// The 1-based statement a resumed run starts at, after the statements
    /// an earlier run completed; `nil` when the step runs from the start.
    public var resumesAt: Int? = nil
    /// The number of statements in the section, when resuming.
    public var statementCount: Int = 0

    /// Alembic's way of writing the step: `1975ea83b712 -> 3f2a9c1b7d4e`,
    /// `<base> -> 1975ea83b712`, `(a, b) -> merge`, and reversed for a downgrade.
    public var arrow: String {
        let from: String =
            switch parents.count {
            case 0: "<base>"
            case 1: parents[0]
            default: "(" + parents.joined(separator: ", ") + ")"
            }
        return direction == .upgrade ? "\(from) -> \(revision)" : "\(revision) -> \(from)"
    }
}

/// What the ``Migrator`` reports while it works. Nothing is printed by the
/// library: the command line prints these, a test may collect them.
public enum MigrationEvent: Sendable {
    /// A revision is about to run.
    case willRun(MigrationStep)
    /// A revision ran and was recorded, in this many milliseconds.
    case didRun(MigrationStep, milliseconds: Int)
    /// Something the user should know that does not stop the run, such as an
    /// applied revision whose file changed since.
    case warning(String)
    /// Something worth a line that is neither progress nor a problem, such
    /// as where a new SQLite database file is being created.
    case note(String)
    /// Another process has held the migration lock for a second: this one
    /// waits for it (up to `lock_timeout`). `holder` says who, as far as the
    /// database can tell: `pid 4242 (app@10.0.0.5, running for 12 s)`.
    case waitingForLock(holder: String)
}

/// What an upgrade or downgrade did.
public struct RunReport: Sendable {
    /// The steps that ran, in order, with their durations in milliseconds.
    public var steps: [(step: MigrationStep, milliseconds: Int)] = []
    /// The current heads after the run.
    public var heads: [String] = []
    /// The whole run, including connecting and locking.
    public var totalMilliseconds: Int = 0
}
