import Foundation

/// Writing a ``DatabaseURL`` back as text.
extension DatabaseURL {
    /// The full URL, password included, for handing to a child process.
    /// Never print it: use ``redacted``. `DatabaseURL.parse(url.string) == url`.
    ///
    /// `postgres` and `mariadb` schemes are written as `postgresql` and
    /// `mysql`; options are written in key order.
    public var string: String { render(redacting: false) }

    /// The full URL with the password (and any `password=` option) replaced
    /// by `***`, e.g. `postgresql://app:***@db/app`.
    public var redacted: String { render(redacting: true) }

    /// Query options whose values are secrets (libpq's `password`,
    /// `sslpassword`; MySQL drivers' `passwd`).
    static let secretOptionNames: Set<String> = ["password", "passwd", "sslpassword"]

    static func redactedOptions(_ options: [String: String]) -> [String: String] {
        var copy = options
        for key in copy.keys where secretOptionNames.contains(key.lowercased()) { copy[key] = "***" }
        return copy
    }

    private func render(redacting: Bool) -> String {
        var text = backend.rawValue + (driver.map { "+" + $0 } ?? "") + "://"
        if user != nil || password != nil {
            text += PercentEncoding.encode(user ?? "", allowing: PercentEncoding.unreserved)
            if let password {
                text += ":" + (redacting ? "***" : PercentEncoding.encode(password, allowing: PercentEncoding.unreserved))
            }
            text += "@"
        }
        if let host {
            if host.contains(":") {
                text += "[" + host.replacingOccurrences(of: "%", with: "%25") + "]"
            } else {
                text += PercentEncoding.encode(host, allowing: PercentEncoding.unreserved)
            }
        }
        if let port { text += ":\(port)" }
        if let database {
            // SQLite paths are written as they are (SQLAlchemy does not decode them).
            let path = backend == .sqlite ? database : PercentEncoding.encode(database, allowing: PercentEncoding.unreserved)
            text += "/" + path
        }
        if !options.isEmpty {
            text +=
                "?"
                + options.sorted { $0.key < $1.key }.map { key, value in
                    let secret = redacting && Self.secretOptionNames.contains(key.lowercased())
                    return PercentEncoding.encode(key, allowing: PercentEncoding.query) + "="
                        + (secret ? "***" : PercentEncoding.encode(value, allowing: PercentEncoding.query))
                }.joined(separator: "&")
        }
        return text
    }
}

/// RFC 3986 percent-encoding, and Python's lenient `unquote` for decoding.
enum PercentEncoding {
    /// Letters, digits and `-._~`: never encoded.
    static let unreserved: Set<UInt8> = Set(
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))
    /// What may stay as written in a query key or value.
    static let query: Set<UInt8> = unreserved.union(Array("/:,".utf8))

    /// Encodes every UTF-8 byte outside `allowed` as `%XX`.
    static func encode(_ text: String, allowing allowed: Set<UInt8>) -> String {
        var result = ""
        for byte in text.utf8 {
            if allowed.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    /// Decodes `%XX` sequences; a `%` not followed by two hex digits stays as
    /// written, and invalid UTF-8 becomes U+FFFD (as Python's `unquote` does).
    /// With `plusAsSpace`, `+` means a space (query strings).
    static func decode<S: StringProtocol>(_ text: S, plusAsSpace: Bool = false) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
