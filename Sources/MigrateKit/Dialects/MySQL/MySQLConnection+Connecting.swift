import CMariaDB

extension MySQLConnection {
    /// Sets the client options the URL asks for, before `mysql_real_connect`.
    static func configure(_ mysql: UnsafeMutablePointer<MYSQL>, for url: DatabaseURL) throws {
        let options = try MySQLConnectionOptions(url: url)
        var timeout = options.connectTimeout
        mysql_options(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &timeout)
        mysql_options(mysql, MYSQL_SET_CHARSET_NAME, options.charset)

        // Connector/C falls back to plain text when the server offers no TLS,
        // unless the certificate is verified: `require` is checked after
        // connecting (``checkTLS(_:for:)``).
        var yes: my_bool = 1
        switch options.tls {
        case .disabled:
            break
        case .preferred, .required:
            mysql_options(mysql, MYSQL_OPT_SSL_ENFORCE, &yes)
        case .verified:
            mysql_options(mysql, MYSQL_OPT_SSL_ENFORCE, &yes)
            mysql_options(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &yes)
        }
    }

    /// Fails when `sslmode=require` was asked for and the connection
    /// nevertheless runs in plain text.
    static func checkTLS(_ mysql: UnsafeMutablePointer<MYSQL>, for url: DatabaseURL) throws {
        guard MySQLConnectionOptions.TLSMode(option: url.sslMode) == .required,
            mysql_get_ssl_cipher(mysql) == nil
        else { return }
        throw DatabaseError(
            .connect,
            "Cannot connect to \(url.redacted): sslmode=require, but the server does not offer TLS. "
                + "Enable TLS on the server, or use sslmode=prefer or sslmode=disable.")
    }

    /// The error for a failed `mysql_real_connect`, by the client or server
    /// error number: one line, naming the URL without its password.
    static func connectFailure(code: UInt32, text: String, url: DatabaseURL) -> DatabaseError {
        let reason = redactPasswords(in: text.split(whereSeparator: \.isNewline).joined(separator: " "))
        let prefix = "Cannot connect to \(url.redacted): \(reason)"
        switch code {
        case 1045, 1698:  // ER_ACCESS_DENIED_ERROR, ER_ACCESS_DENIED_NO_PASSWORD_ERROR
            return DatabaseError(.authentication, "\(prefix). Check the user name and password in the URL.")
        case 1044:  // ER_DBACCESS_DENIED_ERROR
            return DatabaseError(
                .authentication, "\(prefix). Grant the user access to the database, or use another user.")
        case 1049:  // ER_BAD_DB_ERROR
            return DatabaseError(
                .unknownDatabase,
                "database '\(url.database ?? "")' does not exist; create it with `migrate database create`")
        case 2019:  // CR_CANT_READ_CHARSET
            return DatabaseError(.connect, "\(prefix) (error 2019). Check the charset option of the URL.")
        case 2026:  // CR_SSL_CONNECTION_ERROR
            return DatabaseError(
                .connect, "\(prefix) (error 2026). Check the sslmode option of the URL and the server's TLS setup.")
        case 2002 where url.unixSocket == nil && (url.host ?? "localhost") == "localhost":  // CR_CONNECTION_ERROR
            return DatabaseError(
                .connect,
                "\(prefix) (error 2002). The client reads the host 'localhost' as the local Unix socket: "
                    + "write 127.0.0.1 to connect over TCP, or give the socket with ?unix_socket=PATH.")
        default:  // CR_CONNECTION_ERROR 2002, CR_CONN_HOST_ERROR 2003, CR_UNKNOWN_HOST 2005, CR_SERVER_LOST 2013, ...
            return DatabaseError(
                .connect,
                "\(prefix) (error \(code)). Check that the server is running and that the host and port are right.")
        }
    }
}
