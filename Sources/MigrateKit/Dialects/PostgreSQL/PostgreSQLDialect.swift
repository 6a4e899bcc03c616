/// PostgreSQL through `libpq`: transactional DDL, dollar-quoted bodies in
/// revision files, and a session-level advisory lock that serialises runs.
public struct PostgreSQLDialect: Dialect {
    /// The PostgreSQL dialect (`postgresql://` and `postgres://` URLs).
    public init() {}

    /// `postgresql`.
    public var name: String { "postgresql" }
    /// `true`: DDL rolls back with the transaction.
    public var hasTransactionalDDL: Bool { true }

    /// `$$ ... $$` and `$tag$ ... $tag$` bodies hold semicolons that do not
    /// end a statement, and block comments nest. Backslashes are plain
    /// characters in `'...'` strings (`standard_conforming_strings` is on by
    /// default since 9.1).
    public var splitterFlavor: SplitterFlavor { .postgresql }

    /// `VARCHAR(64)`, `TEXT`, `TIMESTAMPTZ` and `BIGINT`.
    public var versionTableTypes: VersionTableTypes {
        VersionTableTypes(revision: "VARCHAR(64)", text: "TEXT", timestamp: "TIMESTAMPTZ", integer: "BIGINT")
    }

    /// Double quotes, with embedded double quotes doubled: `"a""b"`.
    public func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A standard string literal with embedded quotes doubled: `'it''s'`.
    /// Never an `E'...'` string, so backslashes stay literal characters.
    public func literal(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `$1`, `$2`, ...: PostgreSQL numbers its parameters.
    public func placeholder(_ position: Int) -> String { "$\(position)" }

    /// Opens a ``PostgreSQLConnection`` to the database the URL names.
    /// - Throws: ``DatabaseError`` of kind `.authentication`,
    ///   `.unknownDatabase` or `.connect`.
    public func connect(to url: DatabaseURL) throws -> DatabaseConnection {
        try PostgreSQLConnection(url: url)
    }

    /// `BEGIN`.
    public func beginTransaction(on connection: DatabaseConnection) throws {
        try connection.execute("BEGIN")
    }
}
