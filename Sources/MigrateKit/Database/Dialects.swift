/// The dialect that serves a database URL.
public enum Dialects {
    /// Every dialect `migrate` ships, by name.
    public static let all: [any Dialect] = [SQLiteDialect(), PostgreSQLDialect(), MySQLDialect()]

    /// The dialect for a URL's backend.
    public static func dialect(for url: DatabaseURL) -> any Dialect {
        dialect(for: url.backend)
    }

    /// The dialect for a backend.
    public static func dialect(for backend: DatabaseURL.Backend) -> any Dialect {
        all.first { $0.name == backend.rawValue }!
    }

    /// The dialect with a name (`sqlite`, `postgresql`, `mysql`), or `nil`.
    public static func named(_ name: String) -> (any Dialect)? {
        all.first { $0.name == name }
    }

    /// The dialect with a name (`sqlite`, `postgresql`, `mysql`).
    /// - Throws: ``UnknownDialectError`` (a usage error) listing the names.
    public static func dialect(named name: String) throws -> any Dialect {
        guard let dialect = named(name) else { throw UnknownDialectError(name: name) }
        return dialect
    }
}

/// A dialect name that no dialect has.
public struct UnknownDialectError: MigrateFailure {
    /// The name that was asked for.
    public var name: String
    /// Always `dialect.unknown`.
    public var errorID: String { "dialect.unknown" }
    /// Always `true`: the name comes from the command line (`--dialect`), exit code 64.
    public var isUsageError: Bool { true }
    /// Names the unknown dialect and lists the known ones.
    public var message: String {
        "Unknown dialect '\(name)': use one of " + Dialects.all.map(\.name).joined(separator: ", ") + "."
    }
}
