import Crypto

/// The checksums a half-applied version row records: `checksums(of:)[k]` is
/// SHA-256 over the text of a section's first `k` statements (each followed
/// by a NUL byte, so two statements never read as one). A resumed run skips
/// the first `k` statements only when they still hash to what was recorded.
enum StatementPrefix {
    static func checksums(of statements: [SQLStatement]) -> [String] {
        var hasher = SHA256()
        var result = [hex(hasher)]
        result.reserveCapacity(statements.count + 1)
        for statement in statements {
            hasher.update(data: Array(statement.text.utf8) + [0])
            result.append(hex(hasher))
        }
        return result
    }

    /// The digest so far, in lower-case hex (the hasher itself goes on).
    private static func hex(_ hasher: SHA256) -> String {
        hasher.finalize().map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }
}
