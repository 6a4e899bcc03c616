/// PostgreSQL's lint rules: statements that hold a lock other sessions
/// queue behind for as long as the table is large.
extension PostgreSQLDialect: LintingDialect {
    /// The statements that take long locks on large tables
    /// (`PostgreSQLLintRules`).
    public var lintRules: [LintRule] { PostgreSQLLintRules.all }
}
