/// MySQL's lint rules: `ALTER TABLE`s the server can only run by copying
/// the table (`ALGORITHM=COPY`), which blocks writes for the whole copy.
extension MySQLDialect: LintingDialect {
    /// The `ALTER TABLE` that copies the table (`ALGORITHM=COPY`).
    public var lintRules: [LintRule] { [MySQLLintRules.alterRequiresCopy] }
}
