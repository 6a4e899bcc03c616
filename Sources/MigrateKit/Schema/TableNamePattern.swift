/// A glob over table names, as `exclude_tables` writes them: `*` matches any
/// run of characters (also none), `?` exactly one; everything else matches
/// itself, case-sensitively.
public struct TableNamePattern: Sendable, Hashable {
    /// The glob as written.
    public let pattern: String
    private let characters: [Character]

    /// The glob `pattern` (`audit_*`, `tmp_?`).
    public init(_ pattern: String) {
        self.pattern = pattern
        self.characters = Array(pattern)
    }

    /// `true` when the whole name matches.
    public func matches(_ name: String) -> Bool {
        let text = Array(name)
        // Iterative wildcard matching with one backtrack point for the last `*`.
        var p = 0
        var t = 0
        var star: Int?
        var starText = 0
        while t < text.count {
            if p < characters.count, characters[p] == "?" || (characters[p] != "*" && characters[p] == text[t]) {
                p += 1
                t += 1
            } else if p < characters.count, characters[p] == "*" {
                star = p
                starText = t
                p += 1
            } else if let star {
                p = star + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < characters.count, characters[p] == "*" { p += 1 }
        return p == characters.count
    }

    /// `true` when any of the patterns matches the name.
    public static func any(_ patterns: [TableNamePattern], matches name: String) -> Bool {
        patterns.contains { $0.matches(name) }
    }
}
