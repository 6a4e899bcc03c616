import Foundation

/// What online autogenerate (`online = true`, `revision --autogenerate
/// --online`) needs besides the changes.
public struct OnlineOptions: Sendable {
    /// How long each generated statement may wait for a table lock
    /// (`statement_lock_timeout`), in milliseconds.
    public var lockTimeoutMilliseconds: Int

    /// Options that let each statement wait `lockTimeoutMilliseconds` (5 seconds by
    /// default) for a table lock.
    public init(lockTimeoutMilliseconds: Int = 5000) {
        self.lockTimeoutMilliseconds = lockTimeoutMilliseconds
    }

    /// `5s`, `500ms`, `1min` (a unit is required: PostgreSQL reads a bare
    /// number as milliseconds, people read it as seconds) as milliseconds;
    /// `nil` for anything else.
    public static func milliseconds(in text: String) -> Int? {
        let units = [("ms", 1.0), ("min", 60_000.0), ("s", 1000.0)]
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        for (unit, factor) in units where trimmed.hasSuffix(unit) {
            let number = trimmed.dropLast(unit.count).trimmingCharacters(in: .whitespaces)
            guard let value = Double(number), value.isFinite, value > 0 else { return nil }
            return max(1, Int((value * factor).rounded(.up)))
        }
        return nil
    }
}

/// A renderer that can write changes in online-safe form. A dialect whose
/// renderer does not conform writes the same SQL online or not (SQLite).
public protocol OnlineSchemaRenderer: SchemaRenderer {
    /// The revision parts for `changes`, in the order they run upgrading.
    func renderOnline(_ changes: [SchemaChange], current: Schema, target: Schema, options: OnlineOptions)
        -> [OnlineRevisionPart]
}

/// One revision file of an online autogenerate: online-safe SQL needs
/// transaction boundaries (an index built `CONCURRENTLY` cannot run in a
/// transaction, a constraint validated in the transaction that added it
/// keeps its lock for the whole scan), so one set of changes may become a
/// short chain of revisions, each either transactional or not.
public struct OnlineRevisionPart: Sendable, Equatable {
    /// `false`: written `transaction=false`, each statement commits on its own.
    public var transactional: Bool
    /// Added to the message and file name of every part but a lone one
    /// (`"drop indexes"`, `"build indexes and validate"`).
    public var label: String
    /// The SQL of the part's `-- migrate:upgrade` section.
    public var upgrade: String
    /// The SQL of the part's `-- migrate:downgrade` section: it undoes this part only.
    public var downgrade: String
}

/// One step of a change in online form: statements for one phase, and the
/// statements that undo them (written in the same part's downgrade, so each
/// part's downgrade reverses exactly that part).
public struct OnlineStep: Sendable, Equatable {
    /// Where a step runs, in this order: `before` and `after` outside any
    /// transaction (`DROP INDEX CONCURRENTLY`; `VALIDATE CONSTRAINT`,
    /// `CREATE INDEX CONCURRENTLY`), `main` in one transaction.
    public enum Phase: Int, Sendable, CaseIterable {
        /// The phases, in the order they run.
        case before, main, after
    }

    /// When the statements run.
    public var phase: Phase
    /// The statements of the change in this phase, in order.
    public var statements: [String]
    /// The statements that undo `statements`, for the part's downgrade.
    public var undo: [String]
    /// What the downgrade comment says of ``undo``; `nil`: the reversed change.
    public var undoComment: String?

    /// A step running `statements` in `phase`, undone by `undo`; `undoComment`
    /// replaces the reversed change's summary above `undo` in the downgrade.
    public init(_ phase: Phase, _ statements: [String], undo: [String], undoComment: String? = nil) {
        self.phase = phase
        self.statements = statements
        self.undo = undo
        self.undoComment = undoComment
    }
}

/// Arranges the online steps of a list of changes into revision parts:
/// steps of the same phase share a part, every part starts with the
/// dialect's lock-timeout statement, and a part without steps is left out.
struct OnlineRevisionBuilder {
    /// The statement that bounds lock waits (`SET lock_timeout = '5s'`), or
    /// `nil` when the dialect has none.
    var lockTimeoutStatement: String?
    /// Whether the dialect runs `before`/`after` steps outside a transaction
    /// (PostgreSQL); otherwise every step goes into one part.
    var splitsTransactions: Bool

    /// - Parameter notes: comment lines to put before the change at each
    ///   position (``RenderingSupport/dataLossNotes(_:)``).
    func parts(
        _ changes: [SchemaChange], notes: [Int: [String]], steps: (SchemaChange) -> [OnlineStep]
    ) -> [OnlineRevisionPart] {
        var upgrade: [OnlineStep.Phase: [RenderedBlock]] = [:]
        var downgrade: [OnlineStep.Phase: [RenderedBlock]] = [:]
        for (offset, change) in changes.enumerated() {
            for step in steps(change) {
                let phase = splitsTransactions ? step.phase : .main
                if !step.statements.isEmpty {
                    upgrade[phase, default: []].append(
                        RenderedBlock(comments: (notes[offset] ?? []) + [change.summary], statements: step.statements))
                }
                if !step.undo.isEmpty {
                    downgrade[phase, default: []].insert(
                        RenderedBlock(comments: [step.undoComment ?? change.reversed.summary], statements: step.undo), at: 0)
                }
            }
        }
        let labels: [OnlineStep.Phase: String] = [
            .before: "drop indexes concurrently", .main: "tables and constraints",
            .after: "build indexes concurrently and validate",
        ]
        return OnlineStep.Phase.allCases.compactMap { phase in
            let up = upgrade[phase] ?? []
            let down = downgrade[phase] ?? []
            guard !up.isEmpty || !down.isEmpty else { return nil }
            return OnlineRevisionPart(
                transactional: phase == .main || !splitsTransactions, label: labels[phase] ?? "",
                upgrade: section(up), downgrade: section(down))
        }
    }

    private func section(_ blocks: [RenderedBlock]) -> String {
        guard !blocks.isEmpty else { return "" }
        let timeout =
            lockTimeoutStatement.map {
                [RenderedBlock(comments: ["Bound every lock wait (statement_lock_timeout)"], statements: [$0])]
            } ?? []
        return RenderedBlock.join(timeout + blocks)
    }
}
