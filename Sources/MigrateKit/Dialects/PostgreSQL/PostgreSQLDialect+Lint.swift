/// PostgreSQL's lint rules: statements that hold a lock other sessions
/// queue behind for as long as the table is large.
extension PostgreSQLDialect: LintingDialect {
    public var lintRules: [LintRule] { PostgreSQLLintRules.all }
}
