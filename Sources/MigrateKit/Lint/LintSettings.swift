import Foundation

/// The `[lint]` section of `migrate.ini`:
///
/// ```ini
/// [lint]
/// disable = pg.missing-lock-timeout, destructive.truncate
/// large_table_rows = 100000
/// ```
public struct LintSettings: Sendable, Equatable {
    /// Rule ids that never report.
    public var disabled: Set<String> = []
    /// SQLite: a rebuild of a table with more rows than this is an error.
    public var largeTableRows = defaultLargeTableRows

    /// The default of ``largeTableRows``: 100,000 rows.
    public static let defaultLargeTableRows = 100_000

    /// Settings that disable the rules `disabled` and call a rebuild of more than
    /// `largeTableRows` rows an error.
    public init(disabled: Set<String> = [], largeTableRows: Int = defaultLargeTableRows) {
        self.disabled = disabled
        self.largeTableRows = largeTableRows
    }

    /// The `[lint]` section of the configuration file; defaults when there
    /// is no file or no section.
    /// - Throws: ``ConfigError`` for a `large_table_rows` that is not a whole number.
    public static func load(_ config: MigrateConfig) throws -> LintSettings {
        guard let file = config.configFile, let text = try? String(contentsOfFile: file, encoding: .utf8),
            let values = try IniFile.parse(text, path: file).section("lint")
        else { return LintSettings() }
        var settings = LintSettings()
        if let disable = values["disable"] {
            settings.disabled = Set(
                disable.split { $0 == "," || $0.isWhitespace }.map { $0.lowercased() })
        }
        if let rows = values["large_table_rows"], !rows.isEmpty {
            guard let count = Int(rows), count >= 0 else {
                throw ConfigError.badValue(
                    path: file, section: "lint", key: "large_table_rows", value: rows, expected: "a whole number of rows")
            }
            settings.largeTableRows = count
        }
        return settings
    }
}
