/// `version_table` names a table that exists but was not made by
/// `migrate` (an application's `users`): nothing is read from or written to it.
public struct NotAVersionTableError: MigrateFailure {
    /// The table `version_table` names.
    public var table: String
    /// The version-table columns it lacks.
    public var missingColumns: [String]

    /// `run.not-a-version-table`.
    public var errorID: String { "run.not-a-version-table" }

    /// Names the table and the columns it lacks, and says to set `version_table`
    /// to a name no other table uses.
    public var message: String {
        "The table \(table) exists but is not a migrate version table: it has no "
            + "\(missingColumns.joined(separator: ", ")) column\(missingColumns.count == 1 ? "" : "s"). "
            + "It is probably one of the application's tables; migrate leaves it alone. Set version_table in "
            + "migrate.ini to a name no other table uses (the default is migrate_version)."
    }
}
