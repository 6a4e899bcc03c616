/// Reads a `.env` file, as docker compose and python-dotenv write them:
///
/// ```sh
/// # comment
/// DATABASE_URL=postgresql://app:secret@db/app
/// export PGHOST=localhost       # inline comment after whitespace
/// GREETING="two\nlines and a \"quote\""
/// LITERAL='no $escapes \n here'
/// ```
///
/// - `KEY=VALUE`, optionally preceded by `export`; spaces around `=` are allowed.
/// - Unquoted values end at ` #` (whitespace then `#`) and are trimmed.
/// - Single-quoted values are literal; double-quoted values understand
///   `\n`, `\t`, `\r`, `\"`, `\\` and `\$`. Quoted values may span lines.
/// - A later assignment of the same key wins. Variables are not expanded.
public enum DotEnv {
    /// Parses the text of a `.env` file.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - path: the file, named in error messages.
    /// - Throws: ``ConfigError/syntax(path:line:problem:)``; the message names
    ///   the key but never shows a value.
    public static func parse(_ text: String, path: String) throws -> [String: String] {
        var values: [String: String] = [:]
        let lines = ConfigText.lines(text)
        var number = 0
        while number < lines.count {
            let start = number + 1
            var line = ConfigText.trimmed(lines[number])
            number += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export"), let after = line.dropFirst(6).first, ConfigText.isBlank(after) {
                line = ConfigText.trimmed(line.dropFirst(6))
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigError.syntax(path: path, line: start, problem: "expected KEY=VALUE (the line has no '=').")
            }
            let key = String(ConfigText.trimmed(line[..<equals]))
            guard isValidKey(key) else {
                throw ConfigError.syntax(
                    path: path, line: start,
                    problem: "'\(redactPasswords(in: key))' is not a variable name (letters, digits and '_', not "
                        + "starting with a digit).")
            }
            var rest = Substring(String(line[line.index(after: equals)...]).drop(while: ConfigText.isBlank))
            guard let quote = rest.first, quote == "\"" || quote == "'" else {
                values[key] = unquoted(rest)
                continue
            }
            // A quoted value: read on until the closing quote, across lines.
            var value = ""
            rest = rest.dropFirst()
            while true {
                if let (text, remainder) = quoted(rest, quote: quote) {
                    value += text
                    let tail = ConfigText.trimmed(remainder)
                    guard tail.isEmpty || tail.hasPrefix("#") else {
                        throw ConfigError.syntax(
                            path: path, line: number, problem: "\(key) has text after its closing quote.")
                    }
                    break
                }
                value += (quote == "\"" ? decodeEscapes(rest) : String(rest)) + "\n"
                guard number < lines.count else {
                    throw ConfigError.syntax(
                        path: path, line: start, problem: "the value of \(key) has no closing \(quote) quote.")
                }
                rest = lines[number]
                number += 1
            }
            values[key] = value
        }
        return values
    }

    private static func isValidKey(_ key: String) -> Bool {
        guard let first = key.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return key.allSatisfy { $0 == "_" || $0 == "." || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }

    /// An unquoted value: up to a `#` that follows whitespace, trimmed.
    private static func unquoted(_ text: Substring) -> String {
        var previous: Character = " "
        var end = text.endIndex
        for index in text.indices {
            if text[index] == "#", ConfigText.isBlank(previous), index != text.startIndex {
                end = index
                break
            }
            previous = text[index]
        }
        return String(ConfigText.trimmed(text[..<end]))
    }

    /// The quoted text up to the closing `quote` on this line, and what
    /// follows it; `nil` when the line has no closing quote.
    private static func quoted(_ text: Substring, quote: Character) -> (String, Substring)? {
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == quote {
                let body = text[..<index]
                return (quote == "\"" ? decodeEscapes(body) : String(body), text[text.index(after: index)...])
            }
            if quote == "\"", text[index] == "\\", text.index(after: index) < text.endIndex {
                index = text.index(after: index)
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func decodeEscapes(_ text: Substring) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "\"", "\\", "$", "'": result.append(character)
                default: result += "\\" + String(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }
}
