/// A failure while applying, reverting or stamping revisions.
public enum RunError: MigrateFailure {
    /// A statement of a revision failed.
    case statementFailed(StatementFailure)
    /// A revision's row is `applying` or `reverting`: a run stopped halfway.
    /// `progress` is ``CurrentState/progress(of:)``.
    case halfApplied(revision: String, path: String?, state: AppliedRevision.State, parents: [String], progress: String?)
    /// A half-applied revision's completed statements changed in its file.
    case resumePrefixChanged(ResumeMismatch)
    /// `current --check-clean` found these problems.
    case notClean([String])
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

    /// The stable id of each case: `run.statement-failed`, `run.half-applied`,
    /// `run.resume-prefix-changed`, `current.not-clean`, `run.unknown-revision`,
    /// `run.irreversible`, `run.no-section`, `config.no-url` and
    /// `run.interrupted`.
    public var errorID: String {
        switch self {
        case .statementFailed: "run.statement-failed"
        case .halfApplied: "run.half-applied"
        case .resumePrefixChanged: "run.resume-prefix-changed"
        case .notClean: "current.not-clean"
        case .unknownAppliedRevision: "run.unknown-revision"
        case .irreversible: "run.irreversible"
        case .noSection: "run.no-section"
        case .noDatabaseURL: "config.no-url"
        case .interrupted: "run.interrupted"
        }
    }

    /// What failed, naming the revision, file and statement, the state the
    /// database is left in, and the command that goes on from there.
    public var message: String {
        switch self {
        case .statementFailed(let failure):
            return failure.message
        case .halfApplied(let revision, let path, let state, let parents, let progress):
            let file = path.map { " (\($0))" } ?? ""
            let verb = state == .reverting ? "downgrade" : "upgrade"
            let back = parents.isEmpty ? "base" : parents.joined(separator: " ")
            if let progress, progress.contains("statements done") {
                let resume = state == .reverting ? "downgrade \(parents.first ?? "base")" : "upgrade \(revision)"
                return "Revision \(revision)\(file) stopped halfway (\(progress)) and must be finished first. "
                    + "Resume it with `migrate \(resume)` once the statement that failed is fixed, or undo what "
                    + "it did by hand and record the result with `migrate stamp \(back)` (undone) or "
                    + "`migrate stamp \(revision)` (finished)."
            }
            return "Revision \(revision)\(file) is marked '\(state.rawValue)' in the version table: its \(verb) "
                + "stopped halfway, and its statements ran outside a transaction. Check the database by hand "
                + "and finish or undo what it did, then record the result with `migrate stamp \(revision)` "
                + "(finished) or `migrate stamp \(back)` (undone) before running migrations again."
        case .resumePrefixChanged(let mismatch):
            return mismatch.message
        case .notClean(let reasons):
            return "The database is not clean: \(reasons.joined(separator: "; ")). See `migrate current`."
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
    /// The revision step the statement belongs to.
    public var step: MigrationStep
    /// 1-based line of the statement in the revision file.
    public var line: Int
    /// The statement as it reads in the file.
    public var statement: String
    /// The database's message.
    public var databaseMessage: String
    /// Whether the failed revision's work was rolled back.
    public var rolledBack: Bool
    /// Statements of the same revision that ran and took effect (a revision
    /// run outside a transaction).
    public var tookEffect: [SQLStatement]
    /// Revisions that this run committed before the failure.
    public var committedEarlier: [String]
    /// Statements in the failed section.
    public var statementCount: Int = 0

    var message: String {
        var text =
            "\(step.direction == .upgrade ? "Upgrade" : "Downgrade") of revision \(step.revision) "
            + "failed at \(step.path):\(line): \(databaseMessage)\n  statement: \(Self.excerpt(statement))"
        if rolledBack {
            text +=
                committedEarlier.isEmpty
                ? "\nNothing was changed: the run was rolled back."
                : "\nThis revision was rolled back; \(committedEarlier.joined(separator: ", ")) "
                    + "committed before it and stay applied."
        } else {
            let state = step.direction == .upgrade ? "applying" : "reverting"
            let done = tookEffect.count
            text +=
                "\nThe revision ran outside a transaction and is marked '\(state)' in the version table, "
                + "with \(done) of \(statementCount) statements done."
            if !tookEffect.isEmpty {
                text += " These took effect:"
                for earlier in tookEffect {
                    text += "\n    line \(earlier.line): \(Self.excerpt(earlier.statement))"
                }
            }
            let back = step.parents.isEmpty ? "base" : step.parents.joined(separator: " ")
            text +=
                "\nFix statement \(done + 1) (line \(line)) and run `migrate \(step.direction.rawValue)` again: "
                + "it resumes there, provided the \(done) statements done are left as they are. To give up "
                + "instead, undo or finish its work by hand, then run `migrate stamp \(back)` (undone) or "
                + "`migrate stamp \(step.revision)` (finished)."
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
