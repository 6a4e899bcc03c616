/// A run of tokens with the questions lint rules ask of it: does it start
/// with these keywords, where is this keyword, what name follows. A whole
/// statement and one action of an `ALTER TABLE` are both `LintWords`.
public struct LintWords: Sendable, Equatable {
    /// The tokens, in order.
    public var tokens: [LintToken]

    /// The words of `tokens`.
    public init(_ tokens: [LintToken]) {
        self.tokens = tokens
    }

    /// The number of tokens.
    public var count: Int { tokens.count }

    /// The keyword at `index`, empty past the end or for a non-word.
    public func keyword(at index: Int) -> String {
        index >= 0 && index < tokens.count ? tokens[index].keyword : ""
    }

    /// `true` when the keywords of `pattern` (`"ALTER TABLE"`) stand at `index`.
    public func matches(_ pattern: String, at index: Int = 0) -> Bool {
        let words = pattern.split(separator: " ")
        guard index + words.count <= tokens.count else { return false }
        return words.enumerated().allSatisfy { keyword(at: index + $0.offset) == $0.element }
    }

    /// The index of the first place at or after `start` where `pattern` stands.
    public func index(of pattern: String, from start: Int = 0) -> Int? {
        guard start < tokens.count else { return nil }
        return (start..<tokens.count).first { matches(pattern, at: $0) }
    }

    /// `true` when `pattern` stands anywhere.
    public func contains(_ pattern: String) -> Bool { index(of: pattern) != nil }

    /// `index` moved past `pattern` when it stands there.
    public func skipping(_ pattern: String, at index: Int) -> Int {
        matches(pattern, at: index) ? index + pattern.split(separator: " ").count : index
    }

    /// The (possibly qualified) name at `index`: its last part, as
    /// ``LintToken/name`` reads it, and the index after it.
    public func name(at index: Int) -> (name: String, next: Int)? {
        guard index < tokens.count, tokens[index].kind == .word || tokens[index].kind == .quotedName else { return nil }
        var last = index
        while last + 2 < tokens.count, tokens[last + 1].isSymbol("."),
            tokens[last + 2].kind == .word || tokens[last + 2].kind == .quotedName
        {
            last += 2
        }
        return (tokens[last].name, last + 1)
    }

    /// The tokens from `start` split at the commas outside parentheses.
    public func topLevelParts(from start: Int) -> [LintWords] {
        var parts: [LintWords] = []
        var current: [LintToken] = []
        var depth = 0
        for token in tokens.dropFirst(start) {
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth -= 1 }
            if depth == 0 && token.isSymbol(",") {
                parts.append(LintWords(current))
                current = []
            } else {
                current.append(token)
            }
        }
        if !current.isEmpty { parts.append(LintWords(current)) }
        return parts
    }

    /// The tokens from `start` on.
    public func suffix(from start: Int) -> LintWords { LintWords(Array(tokens.dropFirst(start))) }

    /// The names of the words and quoted names, in order (for messages and
    /// simple look-ups such as the columns of a `CHECK`).
    public var names: [String] { tokens.filter { $0.kind == .word || $0.kind == .quotedName }.map(\.name) }
}
