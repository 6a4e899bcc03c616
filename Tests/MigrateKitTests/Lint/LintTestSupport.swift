@testable import MigrateKit

/// Lints one upgrade section written in a test, as `migrate lint` would.
enum LintTestSupport {
    static func findings(
        _ upgrade: String, dialect: String = "postgresql", transactional: Bool = true, header: String = "",
        history: LintHistory = LintHistory(), settings: LintSettings = LintSettings(), rows: Int? = nil
    ) throws -> [LintFinding] {
        let text = """
            -- A revision under test
            --
            -- Revision ID: 0123456789ab
            -- Revises:
            \(header)
            -- migrate:upgrade dialect=\(dialect)\(transactional ? "" : " transaction=false")
            \(upgrade)

            -- migrate:downgrade
            DROP TABLE everything;
            """
        let script = try RevisionScript.parse(text, path: "versions/0123456789ab_test.sql")
        let linter = Linter(settings: settings, configuredDialect: Dialects.named(dialect), rowCount: { _ in rows })
        return try linter.lint(script, fileText: text, history: history)
    }

    /// The rule ids found, in order.
    static func rules(
        _ upgrade: String, dialect: String = "postgresql", transactional: Bool = true, header: String = "",
        history: LintHistory = LintHistory(), settings: LintSettings = LintSettings(), rows: Int? = nil
    ) throws -> [String] {
        try findings(
            upgrade, dialect: dialect, transactional: transactional, header: header, history: history,
            settings: settings, rows: rows
        ).map(\.rule)
    }
}
