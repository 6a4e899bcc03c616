import Foundation

/// A database URL as SQLAlchemy and Alembic users write it:
/// `postgresql://app:secret@db:5432/app?sslmode=require`,
/// `mysql+pymysql://root@127.0.0.1/shop`, `sqlite:///relative.db`,
/// `sqlite:////absolute/path.db`, `sqlite:///:memory:`.
///
/// The password is kept for connecting, but never shown: ``description``,
/// `debugDescription`, the reflection mirror and every error print
/// `postgresql://app:***@db/app`. Use ``string`` only to hand the URL to a
/// child process.
public struct DatabaseURL: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The kind of database server, from the URL's scheme.
    public enum Backend: String, Sendable, CaseIterable {
        /// `sqlite://`
        case sqlite
        /// `postgresql://` and `postgres://`
        case postgresql
        /// `mysql://` and `mariadb://`
        case mysql
    }

    /// The backend named by the scheme (`mariadb` is `.mysql`, `postgres` is `.postgresql`).
    public var backend: Backend
    /// The `+asyncpg` / `+pymysql` suffix of the scheme, without the `+`:
    /// accepted so Python projects' URLs work, and otherwise ignored.
    public var driver: String?
    /// The user name, percent-decoded.
    public var user: String?
    /// The password, percent-decoded. Never printed.
    public var password: String?
    /// The host name or address; an IPv6 address without its brackets.
    public var host: String?
    /// The TCP port, when the URL gives one.
    public var port: Int?
    /// PostgreSQL and MySQL: the database name, percent-decoded.
    /// SQLite: the file path as written (`relative.db` relative to the
    /// working directory, `/abs/x.db`), or `:memory:`.
    public var database: String?
    /// The query options, percent-decoded. Options other tools use
    /// (`min_size`, `max_size`, ...) are kept here and otherwise ignored.
    public var options: [String: String]

    /// Makes a URL from its parts; ``parse(_:)`` is the usual way.
    public init(
        backend: Backend, driver: String? = nil, user: String? = nil, password: String? = nil,
        host: String? = nil, port: Int? = nil, database: String? = nil, options: [String: String] = [:]
    ) {
        self.backend = backend
        self.driver = driver
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.options = options
    }

    /// The URL with the password shown as `***`: what every message prints.
    public var description: String { redacted }

    /// Like ``description``: the password never appears.
    public var debugDescription: String { "DatabaseURL(\(redacted))" }

    /// The same URL naming another database (or, for SQLite, another file).
    public func with(database: String?) -> DatabaseURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// Whether this is an SQLite database that lives only in memory
    /// (`sqlite://`, `sqlite:///` or `sqlite:///:memory:`).
    public var isInMemorySQLite: Bool {
        guard backend == .sqlite else { return false }
        guard let database, !database.isEmpty else { return true }
        return database == ":memory:"
    }

    /// The Unix-domain socket to connect through: `?unix_socket=PATH` (MySQL),
    /// `?host=/path` (PostgreSQL's socket folder), or a host that is a path
    /// (`postgresql://%2Fvar%2Frun%2Fpostgresql/app`).
    public var unixSocket: String? {
        if let socket = options["unix_socket"], !socket.isEmpty { return socket }
        if let socket = options["host"], socket.hasPrefix("/") { return socket }
        if let host, host.hasPrefix("/") { return host }
        return nil
    }

    /// `?connect_timeout=N`, in seconds (checked to be a whole number by ``parse(_:)``).
    public var connectTimeout: Int? {
        options["connect_timeout"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// The TLS mode: `?sslmode=` (or MySQL's `?ssl_mode=`) as written, or
    /// `?ssl=true` as `require` and `?ssl=false` as `disable`.
    public var sslMode: String? {
        if let mode = options["sslmode"] ?? options["ssl_mode"] { return mode }
        guard let ssl = options["ssl"] else { return nil }
        switch ssl.lowercased() {
        case "true", "1", "yes", "on": return "require"
        case "false", "0", "no", "off": return "disable"
        default: return ssl
        }
    }

    /// `?charset=` (MySQL's connection character set).
    public var charset: String? { options["charset"] }
}

extension DatabaseURL: CustomReflectable {
    /// Shows the fields with the password as `***`, so `dump(url)` is safe.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "backend": backend, "driver": driver as Any, "user": user as Any,
                "password": (password == nil ? nil : "***") as Any, "host": host as Any,
                "port": port as Any, "database": database as Any,
                "options": DatabaseURL.redactedOptions(options),
            ],
            displayStyle: .struct)
    }
}
