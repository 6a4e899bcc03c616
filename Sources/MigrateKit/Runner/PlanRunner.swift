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
struct PlanRunner {
    let session: MigrationSession
    let directory: ScriptDirectory
    let perMigration: Bool
    let observer: ((MigrationEvent) -> Void)?

    private var dialect: any Dialect { session.dialect }

    /// Applies `plan` in order. Returns the steps that ran.
    func run(_ plan: [String], direction: MigrationStep.Direction) throws -> [(step: MigrationStep, milliseconds: Int)] {
        let prepared = try plan.map {
            try PreparedStep($0, direction: direction, directory: directory, dialect: dialect)
        }
        var done: [(step: MigrationStep, milliseconds: Int)] = []
        var committed: [String] = []
        var pendingInTransaction: [String] = []
        var applied: Set<String>?
        for item in prepared {
            let tracked = !(dialect.hasTransactionalDDL && item.section.transactional)
            if tracked {
                try session.commit()
                committed += pendingInTransaction
                pendingInTransaction = []
            } else if !session.inTransaction {
                try session.begin()
            }
            if session.committedSinceRead {
                applied = Set(try session.readRows().map(\.revision))
            }
            if let applied, direction == .upgrade ? applied.contains(item.step.revision) : !applied.contains(item.step.revision) {
                continue  // another process did it while the lock was released
            }
            observer?(.willRun(item.step))
            let started = DispatchTime.now()
            if tracked {
                try runTracked(item, committedEarlier: committed)
            } else {
                try runInTransaction(item, committedEarlier: committed)
            }
            let milliseconds = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
            if tracked {
                committed.append(item.step.revision)
                if direction == .upgrade {
                    try session.table.update(item.step.revision, state: .applied, milliseconds: milliseconds)
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

    private func runTracked(_ item: PreparedStep, committedEarlier: [String]) throws {
        if item.step.direction == .upgrade {
            try session.table.insert(item.step.revision, checksum: item.checksum, state: .applying, milliseconds: 0)
        } else {
            try session.table.update(item.step.revision, state: .reverting)
        }
        for (index, statement) in item.statements.enumerated() {
            do {
                try session.executeRevisionStatement(statement.text)
            } catch let error as DatabaseError {
                throw RunError.statementFailed(
                    StatementFailure(
                        step: item.step, line: statement.line, statement: statement.text,
                        databaseMessage: error.message, rolledBack: false,
                        tookEffect: Array(item.statements[..<index]), committedEarlier: committedEarlier))
            }
        }
    }

    private func record(_ item: PreparedStep, milliseconds: Int) throws {
        if item.step.direction == .upgrade {
            try session.table.insert(item.step.revision, checksum: item.checksum, state: .applied, milliseconds: milliseconds)
        } else {
            try session.table.delete(item.step.revision)
        }
    }
}
