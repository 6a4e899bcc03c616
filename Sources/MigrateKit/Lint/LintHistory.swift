/// What the revisions before the one being linted (its ancestors) tell the
/// rules: columns marked deprecated, and `CHECK (column IS NOT NULL) NOT
/// VALID` constraints whose `VALIDATE CONSTRAINT` may come in a later
/// revision (`autogenerate --online` validates after the commit, in a
/// `transaction=false` revision of its own).
public struct LintHistory: Sendable, Equatable {
    /// `table.column` pairs marked `-- migrate:lint deprecated=`.
    public var deprecatedColumns: Set<String> = []
    /// Constraint name to `table.column`.
    public var notNullChecks: [String: String] = [:]

    /// A history with the given deprecated columns and unvalidated
    /// `NOT NULL` checks; empty by default.
    public init(deprecatedColumns: Set<String> = [], notNullChecks: [String: String] = [:]) {
        self.deprecatedColumns = deprecatedColumns
        self.notNullChecks = notNullChecks
    }

    /// What one revision file adds to the history of its descendants.
    static func facts(of script: RevisionScript, fileText: String, flavor: SplitterFlavor) throws -> LintHistory {
        var history = LintHistory(deprecatedColumns: LintSuppressions(fileText: fileText).deprecated)
        for section in script.sections where section.direction == .upgrade {
            var context = LintContext()
            for statement in try section.statements(flavor: flavor, path: script.path) {
                context.absorb(LintStatement(statement))
            }
            history.notNullChecks.merge(context.unvalidatedNotNullChecks) { first, _ in first }
        }
        return history
    }

    mutating func merge(_ other: LintHistory) {
        deprecatedColumns.formUnion(other.deprecatedColumns)
        notNullChecks.merge(other.notNullChecks) { first, _ in first }
    }
}
