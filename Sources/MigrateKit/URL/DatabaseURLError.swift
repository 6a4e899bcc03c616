/// A database URL that cannot be used. Every message shows the URL with its
/// password replaced by `***`.
///
/// (Named `DatabaseURLError` so it does not shadow Foundation's `URLError`.)
public enum DatabaseURLError: MigrateFailure, Equatable {
    /// The URL is an empty string.
    case empty
    /// There is no `://` after the scheme.
    case missingSeparator(redactedURL: String)
    /// The scheme is not one `migrate` speaks.
    case unknownScheme(String, redactedURL: String)
    /// The port is not a number from 1 to 65535 (`***` when it is hidden
    /// because, with no `@` before it, it may be a password).
    case badPort(String, redactedURL: String)
    /// An option `migrate` reads has a value it cannot use.
    case badOption(key: String, value: String, expected: String, redactedURL: String)
    /// An `@` after the host: the password (or user) holds a character that
    /// must be percent-encoded, so no reading is certain. The URL is shown
    /// with everything between `://user:` and its last `@` hidden.
    case ambiguous(redactedURL: String)
    /// Some other part is malformed; `problem` says which and how to fix it.
    case malformed(problem: String, redactedURL: String)

    /// The schemes accepted, as a user writes them.
    public static let acceptedSchemes = ["sqlite", "postgresql", "postgres", "mysql", "mariadb"]

    /// `url.<what>`, one per case: `url.empty`, `url.missing-separator`,
    /// `url.unknown-scheme`, `url.bad-port`, `url.bad-option`, `url.ambiguous`
    /// or `url.malformed`.
    public var errorID: String {
        switch self {
        case .empty: "url.empty"
        case .missingSeparator: "url.missing-separator"
        case .unknownScheme: "url.unknown-scheme"
        case .badPort: "url.bad-port"
        case .badOption: "url.bad-option"
        case .ambiguous: "url.ambiguous"
        case .malformed: "url.malformed"
        }
    }

    /// What is wrong with the URL, shown without its password, and an example
    /// of the form it takes.
    public var message: String {
        switch self {
        case .empty:
            return "The database URL is empty. Give one such as postgresql://user:password@host:5432/dbname "
                + "or sqlite:///app.db."
        case .missingSeparator(let url):
            return "The database URL '\(url)' has no '://' after its scheme. Write it as "
                + "scheme://user:password@host:port/dbname, e.g. postgresql://app@localhost/app or sqlite:///app.db."
        case .unknownScheme(let scheme, let url):
            let accepted = Self.acceptedSchemes.joined(separator: ", ")
            return "The database URL '\(url)' has the unknown scheme '\(scheme)'. Accepted schemes: \(accepted) "
                + "(each may carry a +driver suffix such as postgresql+asyncpg, which is ignored)."
        case .badPort(let port, let url):
            let shown = port == "***" ? "a port (hidden in case it is a password)" : "the port '\(port)'"
            return "The database URL '\(url)' has \(shown), which is not a number from 1 to 65535. "
                + "Write host:5432, or leave the port out to use the default."
        case .badOption(let key, let value, let expected, let url):
            return "The database URL '\(url)' has \(key)=\(value), but \(key) must be \(expected)."
        case .ambiguous(let url):
            return "The database URL '\(url)' cannot be read unambiguously: it has an '@' after the host, so its "
                + "password probably holds a '?', '#' or '/' before the '@'. Percent-encode those characters in the "
                + "password (? as %3F, # as %23, / as %2F, @ as %40, : as %3A), e.g. with "
                + "python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=\"\"))' PASSWORD."
        case .malformed(let problem, let url):
            return "The database URL '\(url)' is malformed: \(problem)"
        }
    }
}
