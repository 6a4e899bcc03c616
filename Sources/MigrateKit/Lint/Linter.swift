import Foundation

/// Checks revision files as written: every statement of every upgrade
/// section against the shared rules and the rules of the section's dialect
/// (its `dialect=` marker, else the configured database's).
///
/// Downgrade sections are not linted: undoing a revision drops what it
/// created by design.
public struct Linter {
    /// The `[lint]` settings: rules disabled, and the SQLite rebuild threshold.
    public var settings: LintSettings
    /// The dialect of the configured database, for sections without a marker.
    public var configuredDialect: (any Dialect)?
    /// Rows of a table in the configured database, when it is reachable.
    public var rowCount: (String) -> Int?

    /// A linter with the given settings, no configured dialect and no row counts
    /// unless given.
    public init(
        settings: LintSettings = LintSettings(), configuredDialect: (any Dialect)? = nil,
        rowCount: @escaping (String) -> Int? = { _ in nil }
    ) {
        self.settings = settings
        self.configuredDialect = configuredDialect
        self.rowCount = rowCount
    }

    /// Every rule that can run for `dialect`.
    public static func rules(for dialect: (any Dialect)?) -> [LintRule] {
        LintRules.common + ((dialect as? any LintingDialect)?.lintRules ?? [])
    }

    /// Every rule of every dialect, for documentation and `--list`.
    public static var allRules: [LintRule] {
        LintRules.common + Dialects.all.flatMap { ($0 as? any LintingDialect)?.lintRules ?? [] }
    }

    /// The findings in one revision file.
    /// - Parameters:
    ///   - script: the parsed revision file.
    ///   - fileText: the file's text, for its `-- migrate:lint` comments.
    ///   - history: what the revision's ancestors marked deprecated or added `NOT VALID`.
    /// - Throws: ``RevisionScriptError`` for a section the splitter cannot split.
    public func lint(_ script: RevisionScript, fileText: String, history: LintHistory = LintHistory()) throws -> [LintFinding] {
        let suppressions = LintSuppressions(fileText: fileText)
        var findings: [LintFinding] = []
        for section in script.sections where section.direction == .upgrade {
            let dialect = section.dialect.flatMap { Dialects.named($0) } ?? configuredDialect
            let flavor = dialect?.splitterFlavor ?? SplitterFlavor.postgresql
            let statements = try section.statements(flavor: flavor, path: script.path).map(LintStatement.init)
            var context = LintContext(dialect: dialect?.name)
            context.transactional = section.transactional
            context.rebuilds = TableRebuilds.find(in: statements)
            context.deprecatedColumns = history.deprecatedColumns
            context.unvalidatedNotNullChecks = history.notNullChecks
            context.largeTableRows = settings.largeTableRows
            if dialect?.name == configuredDialect?.name { context.rowCount = rowCount }
            let rules = Self.rules(for: dialect).filter { !settings.disabled.contains($0.id) }
            var previousLine = section.markerLine
            for statement in statements {
                for rule in rules
                where !suppressions.disables(rule.id, statementLine: statement.line, previousLine: previousLine) {
                    for message in rule.findings(in: statement, context: context) {
                        findings.append(
                            LintFinding(
                                path: script.path, line: statement.line, severity: rule.severity, rule: rule.id,
                                message: message, help: rule.help, revision: script.revision))
                    }
                }
                context.absorb(statement)
                previousLine = statement.line
            }
        }
        return findings
    }
}
