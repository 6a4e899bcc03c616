/// What the `sslmode` (or `ssl`) URL option asks of the connection, in
/// libpq's words, which MySQL users write too (`ssl-mode=REQUIRED`).
enum MySQLTLSMode: Equatable {
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
