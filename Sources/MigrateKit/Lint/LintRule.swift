/// One check `migrate lint` runs on every statement of an upgrade section.
///
/// A rule is a value: its id (`<group>.<name>`, the name `-- migrate:lint
/// disable=` and `[lint] disable` use), its severity, the help line printed
/// under each finding, and a function from a statement and what the linter
/// knows about the revision so far to the messages of its findings (none
/// when the statement is fine). Rules every dialect shares are in
/// ``LintRules``; a dialect adds its own through ``LintingDialect``.
public struct LintRule: Sendable {
    /// The rule's id, `<group>.<name>` (`pg.create-index-not-concurrently`):
    /// what findings show and `disable=` names.
    public let id: String
    /// Whether a finding of this rule is a warning or an error.
    public let severity: LintSeverity
    /// Printed as `help:` under each finding: what to write instead.
    public let help: String
    let check: @Sendable (LintStatement, LintContext) -> [String]

    /// A rule that reports what `check` finds.
    /// - Parameters:
    ///   - id: The rule's id, `<group>.<name>`.
    ///   - severity: Whether its findings are warnings or errors.
    ///   - help: The `help:` line printed under each finding.
    ///   - check: Returns the message of each finding in the statement, given what
    ///     the linter knows about the revision so far; none when it is fine.
    public init(
        _ id: String, _ severity: LintSeverity, help: String,
        check: @escaping @Sendable (LintStatement, LintContext) -> [String]
    ) {
        self.id = id
        self.severity = severity
        self.help = help
        self.check = check
    }

    /// The messages of this rule's findings on `statement`.
    public func findings(in statement: LintStatement, context: LintContext) -> [String] {
        check(statement, context)
    }
}

extension LintRule {
    /// A rule that judges each action of an `ALTER TABLE` on a table that
    /// existed before the revision: `check` returns the message of a
    /// finding, or `nil` when the action is fine.
    public static func onAlterActions(
        _ id: String, _ severity: LintSeverity, help: String,
        check: @escaping @Sendable (_ table: String, _ action: LintWords, _ context: LintContext) -> String?
    ) -> LintRule {
        LintRule(id, severity, help: help) { statement, context in
            guard let (table, actions) = statement.alterTable, context.isExisting(table) else { return [] }
            return actions.compactMap { check(table, $0, context) }
        }
    }
}

/// A dialect that has lint rules of its own (PostgreSQL locks and rewrites,
/// MySQL copying ALTERs, SQLite table rebuilds). The linter asks the dialect
/// of each section for them; a dialect that does not conform adds none.
public protocol LintingDialect: Dialect {
    /// The dialect's own rules, run after ``LintRules/common``.
    var lintRules: [LintRule] { get }
}
