/// Why an offline script cannot be written.
public enum OfflineScriptError: MigrateFailure {
    /// Neither a dialect was given nor a URL configured to take it from.
    case noDialect
    /// A revision's section is marked `transaction=false`: it must run on its
    /// own, which a script that runs in one go cannot promise.
    case nonTransactional(revision: String, path: String, direction: String)

    /// `offline.no-dialect` or `offline.transaction-false`.
    public var errorID: String {
        switch self {
        case .noDialect: "offline.no-dialect"
        case .nonTransactional: "offline.transaction-false"
        }
    }

    /// `true` for a missing dialect, which `--dialect` or a URL supplies (exit code 64).
    public var isUsageError: Bool {
        switch self {
        case .noDialect: true
        case .nonTransactional: false
        }
    }

    /// What to pass for the dialect, or how to script around the
    /// `transaction=false` revision (the ranges before and after it, and that
    /// revision online).
    public var message: String {
        switch self {
        case .noDialect:
            "Offline SQL needs a dialect: pass --dialect "
                + Dialects.all.map(\.name).joined(separator: "|")
                + ", or configure a database URL (--url, DATABASE_URL, .env or url in migrate.ini); "
                + "the URL is only read for its dialect, never connected to."
        case .nonTransactional(let revision, let path, let direction):
            "Revision \(revision) (\(path)) has a `-- migrate:\(direction) transaction=false` section, which "
                + "must run on its own outside a transaction; an offline script runs in one go, so it cannot "
                + "hold it. Script the ranges before and after it (`--sql <from>:<to>`) and run this revision "
                + "online with `migrate \(direction)`."
        }
    }
}
