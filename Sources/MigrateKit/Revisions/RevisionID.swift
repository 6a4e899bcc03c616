/// Rules every revision id obeys, wherever it comes from (`--rev-id`, a
/// file's `Revision ID:` line).
public enum RevisionID {
    /// The longest id, in characters: what the version table's `revision`
    /// column (`VARCHAR(64)` on every dialect) holds. A longer id would be
    /// refused by a strict server and silently cut by a lax one, leaving a
    /// row that names no revision.
    public static let maximumLength = 64

    /// `true` when `id` does not fit the version table.
    static func isTooLong(_ id: String) -> Bool {
        id.count > maximumLength
    }
}
