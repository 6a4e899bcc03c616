/// One token of a statement, as the lint rules read it: comments are gone,
/// words are upper-cased for matching, names keep their spelling.
public struct LintToken: Sendable, Equatable {
    /// What a token is.
    public enum Kind: Sendable, Equatable {
        /// A keyword or an unquoted name.
        case word
        /// `"name"` or a name in backticks.
        case quotedName
        /// `'text'`, `E'text'` or a dollar-quoted body.
        case string
        /// A number.
        case number
        /// Anything else: `(`, `)`, `,`, `.`, `=`, `::`, ...
        case symbol
    }

    /// What kind of token it is.
    public var kind: Kind
    /// The text as written, without the quotes of a quoted name.
    public var text: String

    /// A token of `kind` with `text` as written (without a quoted name's quotes).
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    /// The word upper-cased, for matching keywords; empty for other tokens.
    public var keyword: String { kind == .word ? text.uppercased() : "" }

    /// The token read as a name: an unquoted word folded to lower case
    /// (PostgreSQL's rule; MySQL and SQLite compare names without case),
    /// a quoted name as written.
    public var name: String { kind == .word ? text.lowercased() : text }

    /// `true` for the symbol `symbol`.
    public func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
}
