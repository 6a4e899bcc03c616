/// MySQL and MariaDB through MariaDB Connector/C.
///
/// DDL commits implicitly here, so a revision is tracked with an `applying`
/// version row rather than rolled back; the run lock is `GET_LOCK`.
public struct MySQLDialect: Dialect {
    /// The MySQL/MariaDB dialect (`mysql://` and `mariadb://` URLs).
    public init() {}

    /// `mysql`, for MariaDB too.
    public var name: String { "mysql" }
    /// `false`: DDL commits the open transaction implicitly.
    public var hasTransactionalDDL: Bool { false }

    /// Backslash escapes, backtick identifiers, the client's `DELIMITER`
    /// command and MySQL's comment rules.
    public var splitterFlavor: SplitterFlavor { .mysql }

    /// `VARCHAR(64)`, `TEXT`, `DATETIME(6)` and `BIGINT`.
    public var versionTableTypes: VersionTableTypes {
        VersionTableTypes(revision: "VARCHAR(64)", text: "TEXT", timestamp: "DATETIME(6)", integer: "BIGINT")
    }

    /// Quotes with backticks, doubling any backtick in the name.
    public func quoteIdentifier(_ name: String) -> String {
        "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// Writes a single-quoted literal. A quote is doubled (`''`), which is
    /// safe whatever the `sql_mode`; backslash, NUL, newline, carriage return
    /// and Ctrl-Z are written as the manual's escape sequences (`\\`, `\0`,
    /// `\n`, `\r`, `\Z`), which assume `NO_BACKSLASH_ESCAPES` is off — the
    /// server default.
    public func literal(_ value: String) -> String {
        var text = "'"
        // Scalars, not characters: "\r\n" is one Character.
        for scalar in value.unicodeScalars {
            switch scalar {
            case "'": text += "''"
            case "\\": text += "\\\\"
            case "\0": text += "\\0"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\u{1A}": text += "\\Z"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "'"
    }

    /// Opens a ``MySQLConnection`` to the server and database the URL names.
    /// - Throws: ``DatabaseError`` of kind `.authentication`,
    ///   `.unknownDatabase` or `.connect`.
    public func connect(to url: DatabaseURL) throws -> DatabaseConnection {
        try MySQLConnection(url: url)
    }

    /// `START TRANSACTION`. DDL inside it still commits implicitly.
    public func beginTransaction(on connection: DatabaseConnection) throws {
        try connection.execute("START TRANSACTION")
    }
}
