import MigrateKit

/// The line commands that only read print when the database they were
/// pointed at does not exist (an SQLite path read from an unexpected
/// working directory): where it was looked for, and that nothing was made.
enum AbsentDatabaseNote {
    static func print(for migrator: Migrator) {
        guard let location = migrator.absentDatabaseLocation() else { return }
        Output.note("note: No database at \(location): it reads as empty, and was not created.")
    }
}
