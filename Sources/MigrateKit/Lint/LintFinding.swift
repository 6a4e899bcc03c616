/// How much a lint finding matters. `migrate lint` exits 1 when any finding
/// is an error.
public enum LintSeverity: String, Sendable, Codable, Comparable {
    /// A `warning` is printed; an `error` also makes `migrate lint` exit 1.
    case warning, error

    /// `true` when `a` matters less than `b`: a warning before an error.
    public static func < (a: LintSeverity, b: LintSeverity) -> Bool { a == .warning && b == .error }
}

/// One problem `migrate lint` found in a statement of a revision file.
public struct LintFinding: Sendable, Equatable, Codable {
    /// The revision file.
    public var path: String
    /// The 1-based line the statement starts on.
    public var line: Int
    /// The severity of the rule that found it.
    public var severity: LintSeverity
    /// The rule's id, e.g. `pg.create-index-not-concurrently`.
    public var rule: String
    /// What is wrong, naming the table, column or index.
    public var message: String
    /// What to write instead.
    public var help: String
    /// The revision the file defines.
    public var revision: String

    /// A finding of `rule` in the statement at `path`:`line` of `revision`.
    public init(path: String, line: Int, severity: LintSeverity, rule: String, message: String, help: String, revision: String) {
        self.path = path
        self.line = line
        self.severity = severity
        self.rule = rule
        self.message = message
        self.help = help
        self.revision = revision
    }
}
