import ArgumentParser
import MigrateKit

/// `--sql` and `--dialect`, shared by `upgrade` and `downgrade`.
struct OfflineOptions: ParsableArguments {
    @Flag(help: "Print the SQL script instead of running it; no database is contacted.")
    var sql = false

    @Option(help: "With --sql: the SQL dialect, sqlite, postgresql or mysql (default: the configured URL's).")
    var dialect: String?

    /// Checks the combination of options and target; `rangeRequired` for
    /// `downgrade`, whose starting point is unknown offline.
    func validate(format: OutputFormat, target: String, rangeRequired: Bool) throws {
        if dialect != nil && !sql { throw ValidationError("--dialect only applies with --sql.") }
        if sql && format == .json { throw ValidationError("--sql prints SQL: it cannot be combined with --format json.") }
        if !sql && target.contains(":") {
            throw ValidationError("A range '\(target)' needs --sql: online, the database says where it is.")
        }
        if sql && rangeRequired && Self.split(target).start == nil {
            throw ValidationError(
                "`downgrade --sql` needs a range <from>:<to> (e.g. head:base): offline, the database's "
                    + "current revision is unknown.")
        }
    }

    /// The dialect named by --dialect, if any.
    func chosenDialect() throws -> (any Dialect)? {
        try dialect.map { try Dialects.dialect(named: $0) }
    }

    /// `a:b` into its ends; a target without a colon has no start.
    static func split(_ target: String) -> (start: String?, end: String) {
        guard let colon = target.firstIndex(of: ":") else { return (nil, target) }
        return (String(target[..<colon]), String(target[target.index(after: colon)...]))
    }
}
