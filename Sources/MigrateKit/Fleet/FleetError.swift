/// A list of targets that cannot be used. Messages name the file and line
/// or the `[targets]` key, and never show a password.
public enum FleetError: MigrateFailure {
    /// `${VARIABLE}` in a targets file names a variable that is not set.
    case missingEnvironmentVariable(String, path: String, line: Int)
    /// A line of a targets file, or a URL from `[targets]`, that does not parse.
    case invalidURL(DatabaseURLError, source: String)
    /// `[targets]` gives none of `urls`, `query`, `schemas`, or more than one.
    case badSection(path: String, section: String, problem: String)
    /// `query` or `schemas` needs the main database URL, and there is none.
    case noMainURL(section: String)
    /// Schema names (from `schemas =` or a query) on a database without schemas.
    case schemasUnsupported(url: DatabaseURL, source: String)
    /// `--parallel`, `--only`, ... given for a run on one database.
    case optionsWithoutTargets(section: String)
    /// The list is empty, or `--only`/`--skip` left nothing.
    case noTargets(source: String, filtered: Bool)

    /// The stable id of each case: `fleet.missing-env`, `fleet.bad-section`,
    /// `fleet.no-main-url`, `fleet.schemas-unsupported`, `fleet.no-targets`,
    /// `fleet.options-without-targets`; an invalid URL keeps the URL error's
    /// own `url.*` id.
    public var errorID: String {
        switch self {
        case .missingEnvironmentVariable: "fleet.missing-env"
        case .invalidURL(let failure, _): failure.errorID
        case .badSection: "fleet.bad-section"
        case .noMainURL: "fleet.no-main-url"
        case .schemasUnsupported: "fleet.schemas-unsupported"
        case .noTargets: "fleet.no-targets"
        case .optionsWithoutTargets: "fleet.options-without-targets"
        }
    }

    /// `true` for fleet options given without a fleet (exit code 64).
    public var isUsageError: Bool {
        if case .optionsWithoutTargets = self { return true }
        return false
    }

    /// What is wrong, naming the targets file and line or the `[targets]`
    /// section, and what to write instead.
    public var message: String {
        switch self {
        case .missingEnvironmentVariable(let variable, let path, let line):
            return "\(path), line \(line) uses ${\(variable)}, but \(variable) is not set. Set it in the environment."
        case .invalidURL(let failure, let source):
            return failure.message + " It comes from \(source)."
        case .badSection(let path, let section, let problem):
            return "[\(section)] in \(path): \(problem) Give one of `urls = ...` (one URL a line), "
                + "`query = SELECT ...` (run on the main URL, returning URLs or schema names) or `schemas = tenant_*`."
        case .noMainURL(let section):
            return "`query` and `schemas` in [\(section)] run on the main database, and no URL is set. "
                + "Pass --url, set DATABASE_URL, or set url in migrate.ini."
        case .schemasUnsupported(let url, let source):
            return "\(source) names schemas, but \(url.redacted) is an SQLite database, which has none. "
                + "List the database files with `urls =` or --targets instead."
        case .optionsWithoutTargets(let section):
            return "--parallel, --continue-on-error, --only and --skip apply to a fleet: pass --targets FILE, "
                + "or add a [\(section)] section to migrate.ini."
        case .noTargets(let source, let filtered):
            return filtered
                ? "--only/--skip leave none of the targets of \(source). Check the globs against the names the report shows."
                : "\(source) lists no targets. Add one URL a line (lines starting with # are comments)."
        }
    }
}
