/// What a cancelled run (``MigrationCancellation``) left behind: the
/// statement it stopped, if any, and the state of the database read back
/// after the rollback.
public struct Interruption: Sendable {
    /// The revision statement that was cancelled on the server or kept from
    /// starting; `nil` when the run stopped elsewhere (connecting, waiting
    /// for the migration lock, writing the version table).
    public var failure: StatementFailure?
    /// The current heads after the rollback; `nil` when the version table
    /// could not be read back (or never was).
    public var heads: [String]?
    /// Revisions left `applying` or `reverting`: they ran outside a
    /// transaction and stopped halfway.
    public var halfDone: [AppliedRevision]

    /// What a cancelled run left: the stopped statement, the heads read back, and
    /// the revisions left half done.
    public init(failure: StatementFailure? = nil, heads: [String]? = nil, halfDone: [AppliedRevision] = []) {
        self.failure = failure
        self.heads = heads
        self.halfDone = halfDone
    }

    /// One line: what was stopped and what state the database is in.
    var message: String {
        var text = "Interrupted"
        if let failure {
            let verb = failure.step.direction == .upgrade ? "upgrade" : "downgrade"
            text += ": cancelled the \(verb) of revision \(failure.step.revision) at \(failure.step.path):\(failure.line)"
            if failure.rolledBack { text += " and rolled it back" }
        }
        guard let heads else {
            return text
                + (failure == nil
                    ? " before any revision ran: nothing was changed." : "; run `migrate current` to see where the database is.")
        }
        text += "; the database is at \(heads.isEmpty ? "base" : heads.joined(separator: ", "))"
        for row in halfDone {
            text += ", with revision \(row.revision) left '\(row.state.rawValue)'"
        }
        if let failure, !failure.rolledBack {
            let back = failure.step.parents.isEmpty ? "base" : failure.step.parents.joined(separator: " ")
            let done = failure.tookEffect.map { "line \($0.line)" }
            text +=
                ": it ran outside a transaction and "
                + (done.isEmpty ? "none of its statements took effect" : "its statements at \(done.joined(separator: ", ")) took effect")
                + ". Undo or finish its work by hand, then run `migrate stamp \(back)` (undone) "
                + "or `migrate stamp \(failure.step.revision)` (finished)."
        } else if !halfDone.isEmpty {
            text += ". Check it by hand and record the result with `migrate stamp`."
        } else {
            text += "."
        }
        return text
    }
}
