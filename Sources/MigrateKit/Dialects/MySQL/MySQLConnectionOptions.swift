/// The client options (`mysql_options`) a database URL asks for, set before
/// `mysql_real_connect`: the MySQL counterpart of `PostgreSQLConnectionOptions`.
struct MySQLConnectionOptions {
    /// Seconds to wait for the server when the URL gives no `connect_timeout`.
    static let defaultConnectTimeout: UInt32 = 10

    /// Seconds to wait for the server (0 would mean no limit: the parser
    /// refuses it, and a URL built in code gets the default).
    var connectTimeout: UInt32
    /// The connection's character set (`charset`, default `utf8mb4`).
    var charset: String
    /// What `sslmode` asks of the connection.
    var tls: TLSMode

    /// - Throws: ``DatabaseError`` `.connect` for an `sslmode` no mode answers to.
    init(url: DatabaseURL) throws {
        let timeout = url.connectTimeout.flatMap { $0 > 0 ? $0 : nil }
        connectTimeout = timeout.map { UInt32(clamping: $0) } ?? Self.defaultConnectTimeout
        charset = url.charset ?? "utf8mb4"
        guard let tls = TLSMode(option: url.sslMode) else {
            throw DatabaseError(
                .connect,
                "Cannot connect to \(url.redacted): sslmode '\(url.sslMode ?? "")' is not one of "
                    + "disable, prefer, require, verify-ca or verify-full.")
        }
        self.tls = tls
    }

    /// What the `sslmode` (or `ssl`) URL option asks of the connection, in
    /// libpq's words, which MySQL users write too (`ssl-mode=REQUIRED`).
    enum TLSMode: Equatable {
        /// No TLS: `disable`, `false`, `0`, or the option absent.
        case disabled
        /// TLS when the server offers it, else plain text: `prefer`, `allow`.
        case preferred
        /// TLS or no connection, the certificate unchecked: `require`, `true`, `1`.
        case required
        /// TLS with a server certificate that verifies: `verify-ca`,
        /// `verify-full`, `verify_identity`.
        case verified

        /// Reads the option; `nil` for a value no mode answers to.
        init?(option: String?) {
            guard let option else {
                self = .disabled
                return
            }
            switch option.lowercased().replacingOccurrences(of: "_", with: "-") {
            case "", "disable", "disabled", "false", "0", "off", "no": self = .disabled
            case "prefer", "preferred", "allow": self = .preferred
            case "require", "required", "true", "1", "on", "yes": self = .required
            case "verify-ca", "verify-full", "verify-identity": self = .verified
            default: return nil
            }
        }
    }
}
