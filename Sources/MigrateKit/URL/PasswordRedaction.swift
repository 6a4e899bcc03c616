/// Hides passwords in text that may contain database URLs or connection
/// settings, such as an error message from a C client library.
///
/// - `scheme://user:SECRET@host` becomes `scheme://user:***@host` (up to the
///   last `@` of the word, so an unencoded `@` in the password hides too much
///   rather than too little);
/// - `password=SECRET`, `passwd=SECRET`, `sslpassword='SECRET'` become
///   `password=***` (a quoted value with no closing quote hides the rest of
///   the text).
///
/// It reads the text once (linear time), so a URL of any length is redacted
/// at once.
public func redactPasswords(in text: String) -> String {
    guard text.contains("://") || text.range(of: "pass", options: .caseInsensitive) != nil else { return text }
    let bytes = Array(text.utf8)
    return String(decoding: PasswordRedactor.settingsRedacted(PasswordRedactor.urlsRedacted(bytes)), as: UTF8.self)
}

/// The two linear scans behind ``redactPasswords(in:)``, on UTF-8 bytes (every
/// delimiter they look for is ASCII).
enum PasswordRedactor {
    static let hidden = Array("***".utf8)
    private static let schemeSeparator = Array("://".utf8)
    private static let settingEnds = Set("&'\";,".utf8)
    private static let schemeSymbols = Set("+.-".utf8)
    private static let wordEnds = Set("'\"<>`".utf8)
    private static let userNameEnds = Set(":/@".utf8)

    /// `scheme://user:SECRET@` → `scheme://user:***@`.
    static func urlsRedacted(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard let separator = find(schemeSeparator, in: bytes, from: index) else { break }
            guard separator > 0, isSchemeByte(bytes[separator - 1]) else {
                output += bytes[index..<separator + 3]
                index = separator + 3
                continue
            }
            var end = separator + 3
            while end < bytes.count, !endsUserName(bytes[end]) { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ":") else {
                output += bytes[index..<end]
                index = end
                continue
            }
            var lastAt: Int?
            var wordEnd = end + 1
            while wordEnd < bytes.count, !endsWord(bytes[wordEnd]) {
                if bytes[wordEnd] == UInt8(ascii: "@") { lastAt = wordEnd }
                wordEnd += 1
            }
            if let lastAt {
                output += bytes[index...end] + hidden
                index = lastAt
            } else {
                output += bytes[index..<wordEnd]
                index = wordEnd
            }
        }
        output += bytes[min(index, bytes.count)...]
        return output
    }

    /// `password=SECRET`, `passwd = 'SECRET'` (any case, `ssl` prefix or not) → `password=***`.
    static func settingsRedacted(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var copied = 0
        while index < bytes.count {
            guard let valueStart = settingValueStart(bytes, at: index) else {
                index += 1
                continue
            }
            let valueEnd = settingValueEnd(bytes, from: valueStart)
            guard valueEnd > valueStart else {
                index = valueStart
                continue
            }
            output += bytes[copied..<valueStart] + hidden
            copied = valueEnd
            index = valueEnd
        }
        output += bytes[copied...]
        return output
    }

    /// When `pass(word|wd)\s*=\s*` starts at `index`, where its value starts.
    private static func settingValueStart(_ bytes: [UInt8], at index: Int) -> Int? {
        guard startsWith("pass", bytes, at: index) else { return nil }
        var cursor = index + 4
        if startsWith("word", bytes, at: cursor) {
            cursor += 4
        } else if startsWith("wd", bytes, at: cursor) {
            cursor += 2
        } else {
            return nil
        }
        while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else { return nil }
        cursor += 1
        while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
        return cursor
    }

    /// The end of a setting's value: a quoted string (to its closing quote,
    /// or to the end of the text when it has none) or a run up to a
    /// separator.
    private static func settingValueEnd(_ bytes: [UInt8], from start: Int) -> Int {
        guard start < bytes.count else { return start }
        let quote = bytes[start]
        if quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") {
            var cursor = start + 1
            while cursor < bytes.count {
                if bytes[cursor] == UInt8(ascii: "\\") {
                    cursor += 2
                } else if bytes[cursor] == quote {
                    return cursor + 1
                } else {
                    cursor += 1
                }
            }
            return bytes.count
        }
        var cursor = start
        while cursor < bytes.count, !isSpace(bytes[cursor]), !settingEnds.contains(bytes[cursor]) {
            cursor += 1
        }
        return cursor
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Whether `word` (lower-case ASCII) starts at `index`, in any case.
    private static func startsWith(_ word: String, _ bytes: [UInt8], at index: Int) -> Bool {
        let letters = Array(word.utf8)
        guard index + letters.count <= bytes.count else { return false }
        for (offset, letter) in letters.enumerated() where bytes[index + offset] | 0x20 != letter { return false }
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || schemeSymbols.contains(byte)
    }

    /// What ends a word: whitespace, quotes, `<`, `>`, backquote.
    private static func endsWord(_ byte: UInt8) -> Bool {
        isSpace(byte) || wordEnds.contains(byte)
    }

    /// What ends the user name of `scheme://user:`: a word end, `:`, `/`, `@`.
    private static func endsUserName(_ byte: UInt8) -> Bool {
        endsWord(byte) || userNameEnds.contains(byte)
    }
}
