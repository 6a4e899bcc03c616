/// A failure while applying, reverting or stamping revisions.
public enum RunError: MigrateFailure {
    /// A statement of a revision failed.
    case statementFailed(StatementFailure)
    /// A revision's row is `applying` or `reverting`: a run stopped halfway.
    case halfApplied(revision: String, path: String?, state: AppliedRevision.State, parents: [String])
    /// The version table names a revision no file defines.
    case unknownAppliedRevision(String, versionsFolder: String)
    /// The revision has no downgrade section.
    case irreversible(revision: String, path: String)
    /// The revision has no upgrade section this dialect can run.
    case noSection(revision: String, path: String, direction: String, dialect: String)
    /// No URL configured anywhere.
    case noDatabaseURL
    /// The run was cancelled (``MigrationCancellation``): the running
    /// statement was stopped on the server, the rest rolled back.
    case interrupted(Interruption)

    public var errorID: String {
        switch self {
        case .statementFailed: "run.statement-failed"
        case .halfApplied: "run.half-applied"
        case .unknownAppliedRevision: "run.unknown-revision"
        case .irreversible: "run.irreversible"
        case .noSection: "run.no-section"
        case .noDatabaseURL: "config.no-url"
        case .interrupted: "run.interrupted"
        }
    }

    public var message: String {
        switch self {
        case .statementFailed(let failure):
            return failure.message
        case .halfApplied(let revision, let path, let state, let parents):
            let file = path.map { " (\($0))" } ?? ""
            let verb = state == .reverting ? "downgrade" : "upgrade"
            let back = parents.isEmpty ? "base" : parents.joined(separator: " ")
            return "Revision \(revision)\(file) is marked '\(state.rawValue)' in the version table: its \(verb) "
                + "stopped halfway, and its statements ran outside a transaction. Check the database by hand "
                + "and finish or undo what it did, then record the result with `migrate stamp \(revision)` "
                + "(finished) or `migrate stamp \(back)` (undone) before running migrations again."
        case .unknownAppliedRevision(let revision, let folder):
            return "The database has revision \(revision) applied, but no file in \(folder) defines it. "
                + "Restore the file, or rewrite the version table with `migrate stamp --purge <revision>`."
        case .irreversible(let revision, let path):
            return "Revision \(revision) (\(path)) has no `-- migrate:downgrade` section, so it cannot be "
                + "reverted. Add one, or downgrade only to a later revision."
        case .noSection(let revision, let path, let direction, let dialect):
            return "Revision \(revision) (\(path)) has no `-- migrate:\(direction)` section for \(dialect): "
                + "add a plain one or one marked dialect=\(dialect)."
        case .interrupted(let interruption):
            return interruption.message
        case .noDatabaseURL:
            return "No database URL: pass --url, set DATABASE_URL (or put it in .env beside migrate.ini), "
                + "or set url in migrate.ini."
        }
    }
}

/// The details of a failed statement.
public struct StatementFailure: Sendable {
    public var step: MigrationStep
    /// 1-based line of the statement in the revision file.
    public var line: Int
    public var statement: String
    public var databaseMessage: String
    /// Whether the failed revision's work was rolled back.
    public var rolledBack: Bool
    /// Statements of the same revision that ran and took effect (a revision
    /// run outside a transaction).
    public var tookEffect: [SQLStatement]
    /// Revisions that this run committed before the failure.
    public var committedEarlier: [String]

    var message: String {
        var text = "\(step.direction == .upgrade ? "Upgrade" : "Downgrade") of revision \(step.revision) "
            + "failed at \(step.path):\(line): \(databaseMessage)\n  statement: \(Self.excerpt(statement))"
        if rolledBack {
            text += committedEarlier.isEmpty
                ? "\nNothing was changed: the run was rolled back."
                : "\nThis revision was rolled back; \(committedEarlier.joined(separator: ", ")) "
                    + "committed before it and stay applied."
        } else {
            let state = step.direction == .upgrade ? "applying" : "reverting"
            text += "\nThe revision ran outside a transaction and is marked '\(state)' in the version table."
            if tookEffect.isEmpty {
                text += " None of its statements took effect."
            } else {
                text += " These earlier statements of it already took effect:"
                for earlier in tookEffect {
                    text += "\n    line \(earlier.line): \(Self.excerpt(earlier.statement))"
                }
            }
            let back = step.parents.isEmpty ? "base" : step.parents.joined(separator: " ")
            text += "\nFix the revision, undo or finish its work by hand, then run `migrate stamp \(back)` "
                + "(undone) or `migrate stamp \(step.revision)` (finished)."
        }
        return text
    }

    static func excerpt(_ sql: String) -> String {
        let firstLine = sql.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? sql
        let clipped = firstLine.count > 100 ? String(firstLine.prefix(100)) + "…" : firstLine
        return clipped + (firstLine.count < sql.count && firstLine.count <= 100 ? " …" : "")
    }
}

extension SQLStatement {
    var statement: String { text }
}
