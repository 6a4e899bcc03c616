extension PreparedStep {
    /// Makes this step go on where an earlier run stopped: after the
    /// statements `row` records as completed, which must be unchanged.
    /// - Throws: ``RunError/resumePrefixChanged(_:)`` when the completed
    ///   statements no longer read as they did when they ran.
    mutating func resume(after row: AppliedRevision) throws {
        let completed = row.completedStatements ?? 0
        let checksums = StatementPrefix.checksums(of: statements)
        guard completed <= statements.count, checksums[completed] == row.completedChecksum else {
            throw RunError.resumePrefixChanged(
                ResumeMismatch(step: step, state: row.state, completed: completed, statementCount: statements.count))
        }
        resumesAfter = completed
        step.resumesAt = completed + 1
        step.statementCount = statements.count
    }
}

/// A half-applied revision whose completed statements changed in the file.
public struct ResumeMismatch: Sendable {
    /// The revision and direction the run would have resumed.
    public var step: MigrationStep
    /// How the revision was left: `applying` or `reverting`.
    public var state: AppliedRevision.State
    /// Statements that took effect before the run stopped.
    public var completed: Int
    /// Statements the section has now.
    public var statementCount: Int

    var message: String {
        let section = step.direction == .upgrade ? "upgrade" : "downgrade"
        let change =
            completed > statementCount
            ? "the section now has only \(statementCount)"
            : "they no longer match the file (their checksum differs from the one recorded)"
        let back = step.parents.isEmpty ? "base" : step.parents.joined(separator: " ")
        return "Revision \(step.revision) (\(step.path)) is marked '\(state.rawValue)': its \(section) stopped "
            + "halfway after the first \(completed) statements of its \(section) section took effect, but "
            + "\(change). Resuming would skip statements other than those that ran. Put the first \(completed) "
            + "statements back as they were and run `migrate \(section)` again, or repair the database by hand and "
            + "record the result with `migrate stamp \(step.direction == .upgrade ? step.revision : back)` "
            + "(finished) or `migrate stamp \(step.direction == .upgrade ? back : step.revision)` (undone)."
    }
}
