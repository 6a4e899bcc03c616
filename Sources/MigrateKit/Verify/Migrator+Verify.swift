import Foundation

/// What `verify` checked.
public struct VerifyReport: Sendable {
    /// The revisions checked, in the order they were applied.
    public var revisions: [String] = []
    /// The temporary database it ran on (already dropped), redacted.
    public var database: String = ""
    /// Whether the schema at head was compared with the declared schema
    /// (`schema` in `migrate.ini`).
    public var comparedWithDeclaredSchema = false
    /// What was noticed without failing: a downgrade that restores every
    /// column but not their order (a dropped column added back goes last;
    /// `check` ignores column order too).
    public var notes: [String] = []
}

extension Migrator {
    /// The stairway test: on a temporary database beside the configured one,
    /// applies every revision in order, and for each upgrades it, downgrades
    /// it and upgrades it again, comparing the inspected schema after each
    /// step with the one it should equal. At head, when a declared schema is
    /// configured, the result must match it too. The temporary database is
    /// dropped afterwards, whatever happens.
    /// - Parameter progress: called with each revision as it is checked.
    /// - Throws: ``VerifyError`` naming the first revision whose downgrade
    ///   does not restore the schema before it (or whose second upgrade
    ///   differs from the first), with the differences.
    @discardableResult
    public func verify(progress: ((MigrationStep) -> Void)? = nil) throws -> VerifyReport {
        let directory = try scripts()
        let scratch = try TemporaryDatabase.create(near: try requireURL(), prefix: "verify")
        defer { try? scratch.drop() }
        var scratchConfig = config
        scratchConfig.url = scratch.url
        let side = Migrator(scratchConfig, url: scratch.url)
        side.noticeHandler = noticeHandler
        var report = VerifyReport(database: scratch.url.redacted)
        var before = try side.inspect()
        for revision in try directory.graph.upgradePlan(applied: [], target: "heads") {
            let script = directory.script(revision)
            progress?(
                MigrationStep(
                    direction: .upgrade, revision: revision, parents: script.downRevisions,
                    message: script.message, path: script.path))
            _ = try side.run(.upgrade) { _, _ in [revision] }
            let after = try side.inspect()
            _ = try side.run(.downgrade) { _, _ in [revision] }
            let reverted = try side.inspect()
            if reverted.ignoringColumnOrder != before.ignoringColumnOrder {
                throw VerifyError.downgradeMismatch(
                    revision: revision, path: script.path,
                    differences: SchemaDifferences.describe(expected: before, found: reverted))
            }
            report.notes += SchemaDifferences.columnOrder(expected: before, found: reverted).map {
                "revision \(revision): its downgrade restores \($0)"
            }
            _ = try side.run(.upgrade) { _, _ in [revision] }
            let again = try side.inspect()
            if again.ignoringColumnOrder != after.ignoringColumnOrder {
                throw VerifyError.upgradeNotRepeatable(
                    revision: revision, path: script.path,
                    differences: SchemaDifferences.describe(expected: after, found: again))
            }
            before = after
            report.revisions.append(revision)
        }
        if config.schema != nil {
            let changes = try side.check()
            if !changes.isEmpty { throw VerifyError.headDiffersFromDeclared(changes.map(\.summary)) }
            report.comparedWithDeclaredSchema = true
        }
        return report
    }
}

/// A revision whose downgrade does not undo its upgrade.
public enum VerifyError: MigrateFailure {
    /// Downgrading the revision did not give back the schema before its upgrade;
    /// `differences` lists what differs. Id `verify.downgrade-mismatch`.
    case downgradeMismatch(revision: String, path: String, differences: [String])
    /// Upgrading the revision again after its downgrade gave a different schema;
    /// `differences` lists what differs. Id `verify.upgrade-not-repeatable`.
    case upgradeNotRepeatable(revision: String, path: String, differences: [String])
    /// All revisions applied, the schema still differs from the declared one.
    case headDiffersFromDeclared([String])

    /// `verify.downgrade-mismatch`, `verify.upgrade-not-repeatable` or
    /// `verify.head-differs-from-declared`.
    public var errorID: String {
        switch self {
        case .downgradeMismatch: "verify.downgrade-mismatch"
        case .upgradeNotRepeatable: "verify.upgrade-not-repeatable"
        case .headDiffersFromDeclared: "verify.head-differs-from-declared"
        }
    }

    /// Names the revision and file, lists the differences, and says what to fix.
    public var message: String {
        switch self {
        case .downgradeMismatch(let revision, let path, let differences):
            "The downgrade of revision \(revision) (\(path)) does not restore the schema before it:\n"
                + differences.map { "  - \($0)" }.joined(separator: "\n")
                + "\nMake its downgrade section undo exactly what its upgrade does."
        case .upgradeNotRepeatable(let revision, let path, let differences):
            "Upgrading revision \(revision) (\(path)) again after its downgrade gives a different schema:\n"
                + differences.map { "  - \($0)" }.joined(separator: "\n")
                + "\nMake its downgrade section undo exactly what its upgrade does."
        case .headDiffersFromDeclared(let changes):
            "Every revision up, down and up again is fine, but at head the schema differs from the declared "
                + "one:\n" + changes.map { "  - \($0)" }.joined(separator: "\n")
                + "\nWrite a revision for the difference (`migrate revision --autogenerate -m ...`) or fix schema.sql."
        }
    }
}
