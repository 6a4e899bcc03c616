/// A `migrate.ini` or `.env` that cannot be used. Messages name the file,
/// the section or line, and what to do; they never show a password.
public enum ConfigError: MigrateFailure {
    /// No configuration file: `directory` when looked for as
    /// `<directory>/migrate.ini`, `path` when given with `-c`.
    case notFound(directory: String?, path: String)
    /// The file exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// A line the INI or .env reader does not understand.
    case syntax(path: String?, line: Int, problem: String)
    /// The section (`migrate`, or the `--name` given) is not in the file.
    case missingSection(path: String?, section: String, present: [String])
    /// A required key is absent or empty.
    case missingKey(path: String?, section: String, key: String)
    /// `${VARIABLE}` names a variable set neither in the environment nor in `.env`.
    case missingEnvironmentVariable(String, key: String, path: String?)
    /// A `%(name)s` reference that cannot be resolved, or a reference cycle.
    case interpolation(path: String?, section: String, key: String, problem: String)
    /// A value of the wrong kind, such as `lock_timeout = soon`.
    case badValue(path: String?, section: String, key: String, value: String, expected: String)
    /// A URL that does not parse; keeps the URL error's id (`url.*`).
    /// `source` says where it came from, e.g. `url in /app/migrate.ini`.
    case invalidURL(DatabaseURLError, source: String)

    /// The stable id of each case (`config.not-found`, `config.unreadable`,
    /// `config.syntax`, `config.missing-section`, `config.missing-key`,
    /// `config.missing-env`, `config.interpolation`, `config.bad-value`); an
    /// invalid URL keeps the URL error's own `url.*` id.
    public var errorID: String {
        switch self {
        case .notFound: "config.not-found"
        case .unreadable: "config.unreadable"
        case .syntax: "config.syntax"
        case .missingSection: "config.missing-section"
        case .missingKey: "config.missing-key"
        case .missingEnvironmentVariable: "config.missing-env"
        case .interpolation: "config.interpolation"
        case .badValue: "config.bad-value"
        case .invalidURL(let failure, _): failure.errorID
        }
    }

    /// What is wrong, naming the file and the section, key or line, and what to
    /// write instead; a URL in it is shown without its password.
    public var message: String {
        switch self {
        case .notFound(let directory?, _):
            return "No migrate.ini in \(directory). Run `migrate init migrations` to create one, or pass -c PATH."
        case .notFound(nil, let path):
            return "No configuration file at \(path). Check the -c path, or run `migrate init migrations` to create one."
        case .unreadable(let path, let reason):
            return "Cannot read the configuration file \(path): \(reason)"
        case .syntax(let path, let line, let problem):
            return "\(Self.file(path)), line \(line): \(problem)"
        case .missingSection(let path, let section, let present):
            let sections =
                present.isEmpty
                ? "it has no sections" : "its sections are " + present.map { "[\($0)]" }.joined(separator: ", ")
            return "\(Self.file(path)) has no [\(section)] section (\(sections)). "
                + "Add [\(section)], or pick a section with --name."
        case .missingKey(let path, let section, let key):
            let example = key == "script_location" ? "script_location = %(here)s/migrations" : "\(key) = ..."
            return "\(Self.file(path)) has no `\(key)` in [\(section)]. Add a line such as `\(example)`."
        case .missingEnvironmentVariable(let variable, let key, let path):
            return "`\(key)` in \(Self.file(path)) uses ${\(variable)}, but \(variable) is not set. Set it in the "
                + "environment or in a .env file beside the configuration file."
        case .interpolation(let path, let section, let key, let problem):
            return "`\(key)` in [\(section)] of \(Self.file(path)): \(problem)"
        case .badValue(let path, let section, let key, let value, let expected):
            return "`\(key) = \(value)` in [\(section)] of \(Self.file(path)): \(key) must be \(expected)."
        case .invalidURL(let failure, let source):
            return failure.message + " It comes from \(source)."
        }
    }

    private static func file(_ path: String?) -> String { path ?? "the configuration" }
}
