/// Cuts one statement's text into ``LintToken``s. The statement splitter has
/// already found where the statement ends; this only needs to tell words,
/// names, strings and punctuation apart and to skip comments.
enum LintTokenizer {
    static func tokens(of text: String) -> [LintToken] {
        let characters = Array(text.unicodeScalars)
        var tokens: [LintToken] = []
        var index = 0
        func peek(_ offset: Int) -> Unicode.Scalar? {
            index + offset < characters.count ? characters[index + offset] : nil
        }
        while index < characters.count {
            let character = characters[index]
            if character.properties.isWhitespace {
                index += 1
            } else if character == "-" && peek(1) == "-" || character == "#" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
            } else if character == "/" && peek(1) == "*" {
                index = blockCommentEnd(characters, from: index)
            } else if character == "'" {
                let (text, end) = quoted(characters, from: index, by: "'")
                tokens.append(LintToken(.string, text))
                index = end
            } else if character == "\"" || character == "`" {
                let (text, end) = quoted(characters, from: index, by: character)
                tokens.append(LintToken(.quotedName, text))
                index = end
            } else if character == "$", let (text, end) = dollarQuoted(characters, from: index) {
                tokens.append(LintToken(.string, text))
                index = end
            } else if isWordStart(character) {
                var end = index
                while end < characters.count, isWordPart(characters[end]) { end += 1 }
                if end < characters.count, characters[end] == "'", end - index == 1,
                    "eEnNxXbBuU".unicodeScalars.contains(character)
                {
                    // E'...', N'...', X'...': one string.
                    let (text, stringEnd) = quoted(characters, from: end, by: "'")
                    tokens.append(LintToken(.string, text))
                    index = stringEnd
                } else {
                    tokens.append(LintToken(.word, String(String.UnicodeScalarView(characters[index..<end]))))
                    index = end
                }
            } else if character.properties.numericType != nil {
                var end = index
                while end < characters.count, characters[end].properties.numericType != nil || characters[end] == "." {
                    end += 1
                }
                tokens.append(LintToken(.number, String(String.UnicodeScalarView(characters[index..<end]))))
                index = end
            } else if character == ":" && peek(1) == ":" {
                tokens.append(LintToken(.symbol, "::"))
                index += 2
            } else {
                tokens.append(LintToken(.symbol, String(character)))
                index += 1
            }
        }
        return tokens
    }

    private static func isWordStart(_ character: Unicode.Scalar) -> Bool {
        character == "_" || character.properties.isAlphabetic
    }

    private static func isWordPart(_ character: Unicode.Scalar) -> Bool {
        isWordStart(character) || character.properties.numericType != nil || character == "$"
    }

    private static func blockCommentEnd(_ characters: [Unicode.Scalar], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < characters.count {
            if characters[index] == "/", index + 1 < characters.count, characters[index + 1] == "*" {
                depth += 1
                index += 2
            } else if characters[index] == "*", index + 1 < characters.count, characters[index + 1] == "/" {
                depth -= 1
                index += 2
                if depth == 0 { return index }
            } else {
                index += 1
            }
        }
        return index
    }

    /// The text between `quote`s (a doubled quote or a backslash escape
    /// counts as one character) and the index after the closing quote.
    private static func quoted(
        _ characters: [Unicode.Scalar], from start: Int, by quote: Unicode.Scalar
    ) -> (String, Int) {
        var text = String.UnicodeScalarView()
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if character == "\\", quote == "'", index + 1 < characters.count {
                text.append(characters[index + 1])
                index += 2
            } else if character == quote {
                if index + 1 < characters.count, characters[index + 1] == quote {
                    text.append(quote)
                    index += 2
                } else {
                    return (String(text), index + 1)
                }
            } else {
                text.append(character)
                index += 1
            }
        }
        return (String(text), index)
    }

    /// A `$tag$ ... $tag$` body and the index after it, or `nil` when the
    /// `$` does not open one (`$1`).
    private static func dollarQuoted(_ characters: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        var tagEnd = start + 1
        while tagEnd < characters.count, characters[tagEnd] != "$" {
            guard isWordStart(characters[tagEnd]) || (tagEnd > start + 1 && isWordPart(characters[tagEnd])) else {
                return nil
            }
            tagEnd += 1
        }
        guard tagEnd < characters.count else { return nil }
        let tag = Array(characters[start...tagEnd])
        var index = tagEnd + 1
        while index + tag.count <= characters.count {
            if Array(characters[index..<index + tag.count]) == tag {
                return (String(String.UnicodeScalarView(characters[tagEnd + 1..<index])), index + tag.count)
            }
            index += 1
        }
        return (String(String.UnicodeScalarView(characters[(tagEnd + 1)...])), characters.count)
    }
}
