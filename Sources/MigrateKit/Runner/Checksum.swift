import Crypto

/// The checksum recorded for an applied revision: SHA-256 of the section's
/// text, so an edit to an applied revision is noticed.
enum Checksum {
    /// SHA-256 (hex) of `text` with its line endings normalised (CRLF and a
    /// lone CR become LF), so a checkout with other line endings is not an
    /// edit.
    static func of(_ text: String) -> String {
        hex(text.utf8.contains(0x0D) ? normalizingLineEndings(Array(text.utf8)) : Array(text.utf8))
    }

    /// Whether a recorded checksum is `text`'s, as this release writes it or
    /// as releases before line-ending normalisation did (the raw bytes).
    static func matches(_ recorded: String, _ text: String) -> Bool {
        recorded == of(text) || recorded == hex(Array(text.utf8))
    }

    private static func normalizingLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D {
                out.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                out.append(bytes[index])
            }
            index += 1
        }
        return out
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
