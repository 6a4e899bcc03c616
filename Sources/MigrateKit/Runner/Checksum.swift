import Crypto

/// The checksum recorded for an applied revision: SHA-256 of the section's
/// text, so an edit to an applied revision is noticed.
enum Checksum {
    static func of(_ text: String) -> String {
        let digest = SHA256.hash(data: Array(text.utf8))
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
