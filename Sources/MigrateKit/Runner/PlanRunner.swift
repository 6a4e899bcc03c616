import Foundation

/// Runs a planned list of revisions, one direction, in a locked session.
///
/// A revision whose section is transactional (and whose dialect has
/// transactional DDL) runs inside the session's transaction with its version
/// row; by default the whole run is one transaction, with
/// `transaction_per_migration` each revision commits on its own. Any other
/// revision is tracked: its row is written `applying` (or `reverting`) and
/// committed first, its statements run on their own, and the row is settled
/// afterwards, so a failure or a crash halfway is visible, never silent.
/// After each of its statements the row records how many have completed
/// and the checksum of their text, so a later run resumes a half-applied
/// revision at the first statement that did not complete.
struct PlanRunner {
    let session: MigrationSession
    let directory: ScriptDirectory
    let perMigration: Bool
    let observer: ((MigrationEvent) -> Void)?
    /// Rows left `applying`/`reverting` that this run resumes, by revision.
    var halfApplied: [String: AppliedRevision] = [:]

    private var dialect: any Dialect { session.dialect }

    /// Applies `plan` in order. Returns the steps that ran.
    func run(_ plan: [String], direction: MigrationStep.Direction) throws -> [(step: MigrationStep, milliseconds: Int)] {
        let prepared = try plan.map {
            var item = try PreparedStep($0, direction: direction, directory: directory, dialect: dialect)
            if let row = halfApplied[$0] { try item.resume(after: row) }
            return item
        }
        try session.requireOneTransaction(unless: commitCause(prepared))
        var done: [(step: MigrationStep, milliseconds: Int)] = []
        var committed: [String] = []
        var pendingInTransaction: [String] = []
        var recorded: [String: AppliedRevision.State]?
        for item in prepared {
            let tracked = item.runsOutsideTransaction(dialect)
            if tracked {
                try session.commit()
                committed += pendingInTransaction
                pendingInTransaction = []
            } else if !session.inTransaction {
                try session.begin()
            }
            if session.committedSinceRead {
                let rows = try session.readRows()
                recorded = Dictionary(rows.map { ($0.revision, $0.state) }, uniquingKeysWith: { first, _ in first })
            }
            if let recorded, direction == .upgrade ? recorded[item.step.revision] == .applied : recorded[item.step.revision] == nil {
                continue  // already done: the version table says so
            }
            observer?(.willRun(item.step))
            let started = DispatchTime.now()
            var progress: (completed: Int, checksum: String)?
            if tracked {
                progress = try runTracked(item, committedEarlier: committed)
            } else {
                try runInTransaction(item, committedEarlier: committed)
            }
            let milliseconds = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
            if let progress {
                committed.append(item.step.revision)
                // The settling write records the last statement's progress
                // too: one write (and, on MySQL, one commit) fewer.
                if direction == .upgrade {
                    try session.table.update(
                        item.step.revision, state: .applied, milliseconds: milliseconds, checksum: item.checksum,
                        progress: progress)
                } else {
                    try session.table.delete(item.step.revision)
                }
            } else {
                try record(item, milliseconds: milliseconds)
                pendingInTransaction.append(item.step.revision)
                if perMigration {
                    try session.commit()
                    committed += pendingInTransaction
                    pendingInTransaction = []
                }
            }
            done.append((item.step, milliseconds))
            observer?(.didRun(item.step, milliseconds: milliseconds))
        }
        try session.commit()
        return done
    }

    /// Why running `prepared` would commit before the end: a revision
    /// tracked outside the transaction, or one commit per revision.
    private func commitCause(_ prepared: [PreparedStep]) -> String? {
        if let item = prepared.first(where: { $0.runsOutsideTransaction(dialect) }) {
            return "revision \(item.step.revision) (\(item.step.path)) runs outside a transaction "
                + (item.resumesAfter == nil ? "(transaction=false), which" : "(it resumes halfway), which")
        }
        if perMigration && prepared.count > 1 { return "transaction_per_migration = true" }
        return nil
    }

    private func runInTransaction(_ item: PreparedStep, committedEarlier: [String]) throws {
        for statement in item.statements {
            do {
                try session.executeRevisionStatement(statement.text)
            } catch let error as DatabaseError {
                session.rollback()
                throw RunError.statementFailed(
                    StatementFailure(
                        step: item.step, line: statement.line, statement: statement.text,
                        databaseMessage: error.message, rolledBack: true, tookEffect: [],
                        committedEarlier: committedEarlier))
            }
        }
    }

    /// Runs a tracked revision's statements, recording after each but the
    /// last how many have completed. Returns the progress after the last,
    /// which the caller writes with the row's final state: the window in
    /// which a statement took effect but its progress is not recorded is
    /// the same as after any other statement.
    private func runTracked(_ item: PreparedStep, committedEarlier: [String]) throws -> (completed: Int, checksum: String) {
        let revision = item.step.revision
        let checksums = StatementPrefix.checksums(of: item.statements)
        if item.resumesAfter == nil {
            if item.step.direction == .upgrade {
                try session.table.insert(
                    revision, checksum: item.checksum, state: .applying, milliseconds: 0, progress: (0, checksums[0]))
            } else {
                try session.table.update(revision, state: .reverting, progress: (0, checksums[0]))
            }
        }
        let count = item.statements.count
        for index in (item.resumesAfter ?? 0)..<count {
            let statement = item.statements[index]
            do {
                try session.executeRevisionStatement(statement.text)
            } catch let error as DatabaseError {
                throw RunError.statementFailed(
                    StatementFailure(
                        step: item.step, line: statement.line, statement: statement.text,
                        databaseMessage: error.message, rolledBack: false,
                        tookEffect: Array(item.statements[..<index]), committedEarlier: committedEarlier,
                        statementCount: item.statements.count))
            }
            if index + 1 < count {
                try session.table.recordProgress(revision, completed: index + 1, checksum: checksums[index + 1])
            }
        }
        return (count, checksums[count])
    }

    private func record(_ item: PreparedStep, milliseconds: Int) throws {
        if item.step.direction == .upgrade {
            try session.table.insert(item.step.revision, checksum: item.checksum, state: .applied, milliseconds: milliseconds)
        } else {
            try session.table.delete(item.step.revision)
        }
    }
}

extension PreparedStep {
    /// `true` when the step runs outside the run's transaction, tracked by an
    /// `applying` row: resumed halfway, marked `transaction=false`, or on a
    /// dialect whose DDL commits implicitly.
    func runsOutsideTransaction(_ dialect: any Dialect) -> Bool {
        resumesAfter != nil || !(dialect.hasTransactionalDDL && section.transactional)
    }
}
