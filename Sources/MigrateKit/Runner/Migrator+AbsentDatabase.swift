extension Migrator {
    /// Where the configured database would be, when it does not exist yet
    /// and connecting to write would create it (an SQLite file named by a
    /// wrong relative path is the usual cause); `nil` otherwise.
    ///
    /// `upgrade` creates it and says so; `current`, `check`, `inspect`,
    /// autogenerate and `downgrade` read it as empty and create nothing;
    /// `stamp` refuses.
    public func absentDatabaseLocation() -> AbsentDatabaseLocation? {
        guard let url else { return nil }
        return Dialects.dialect(for: url).absentDatabaseLocation(url)
    }
}
