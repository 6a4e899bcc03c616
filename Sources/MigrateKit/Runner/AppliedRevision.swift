/// One row of the version table.
public struct AppliedRevision: Sendable, Equatable {
    /// Where a revision stands in the version table.
    public enum State: String, Sendable {
        /// Fully applied.
        case applied
        /// Its upgrade started outside a transaction and did not finish.
        case applying
        /// Its downgrade started outside a transaction and did not finish.
        case reverting
    }

    /// The revision id.
    public var revision: String
    /// SHA-256 of the upgrade section as applied, in hex.
    public var checksum: String?
    /// Whether it is applied, or half applied by a run that stopped.
    public var state: State
    /// When it was applied, as the database prints it.
    public var appliedAt: String?
    /// How long its upgrade took, in milliseconds (0 for a stamped row).
    public var executionMilliseconds: Int
    /// While `applying` or `reverting`: how many statements of the running
    /// section took effect. `nil` in rows an earlier release wrote.
    public var completedStatements: Int? = nil
    /// SHA-256 over the text of those statements (`StatementPrefix`): a
    /// resumed run skips them only if the file still reads the same.
    public var completedChecksum: String? = nil
}
