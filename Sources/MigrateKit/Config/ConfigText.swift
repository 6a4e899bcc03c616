/// Line handling shared by the INI and .env readers.
enum ConfigText {
    /// The lines of `text`, split at `\n`, `\r\n` or `\r`, without a leading
    /// byte-order mark.
    static func lines(_ text: String) -> [Substring] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        return body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// The number of spaces and tabs that start `line`.
    static func indentation(of line: Substring) -> Int {
        line.prefix { $0 == " " || $0 == "\t" }.count
    }

    /// `line` without leading and trailing spaces and tabs.
    static func trimmed(_ line: Substring) -> Substring {
        let start = line.firstIndex { !isBlank($0) } ?? line.endIndex
        let end = line.lastIndex { !isBlank($0) }.map { line.index(after: $0) } ?? start
        return line[start..<max(start, end)]
    }

    static func isBlank(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\u{0B}" || character == "\u{0C}"
    }
}
