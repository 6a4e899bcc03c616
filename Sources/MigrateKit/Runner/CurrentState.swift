/// What a database has applied, read from its version table and checked
/// against the revision files.
public struct CurrentState: Sendable {
    /// Every row of the version table.
    public var rows: [AppliedRevision]
    /// The applied revisions that no other applied revision revises or
    /// depends on (``RevisionGraph/currentHeads(applied:)``).
    public var heads: [String]
    /// Applied revisions whose upgrade section changed since they were applied.
    public var editedSinceApplied: [(revision: String, path: String)]
    /// Rows left `applying` or `reverting` by a run that stopped halfway.
    public var halfApplied: [AppliedRevision]
    /// Applied revisions that no file defines.
    public var unknown: [String]
    private let versionsFolder: String
    private let parentsOf: [String: [String]]
    private let pathOf: [String: String]
    /// Statements in the section a half-applied revision is running, as the file reads now.
    private let statementCountOf: [String: Int]

    init(rows: [AppliedRevision], directory: ScriptDirectory, dialect: any Dialect) {
        self.rows = rows
        let graph = directory.graph
        versionsFolder = directory.versionsFolder
        unknown = rows.map(\.revision).filter { graph.nodes[$0] == nil }.sorted()
        let known = Set(rows.map(\.revision)).subtracting(unknown)
        heads = graph.currentHeads(applied: known)
        halfApplied = rows.filter { $0.state != .applied }
        parentsOf = Dictionary(uniqueKeysWithValues: halfApplied.map { ($0.revision, graph.nodes[$0.revision]?.parents ?? []) })
        pathOf = Dictionary(uniqueKeysWithValues: halfApplied.map { ($0.revision, graph.nodes[$0.revision]?.path ?? "") })
        statementCountOf = Dictionary(
            uniqueKeysWithValues: halfApplied.compactMap { row in
                guard graph.nodes[row.revision] != nil else { return nil }
                let direction: MigrationStep.Direction = row.state == .applying ? .upgrade : .downgrade
                let step = try? PreparedStep(row.revision, direction: direction, directory: directory, dialect: dialect)
                return step.map { (row.revision, $0.statements.count) }
            })
        editedSinceApplied = rows.compactMap { row in
            guard row.state == .applied, let recorded = row.checksum, let script = directory.scripts[row.revision],
                let section = script.section(.upgrade, dialect: dialect.name),
                !Checksum.matches(recorded, section.body)
            else { return nil }
            return (row.revision, script.path)
        }.sorted { $0.revision < $1.revision }
    }

    /// `true` when nothing is half applied, unknown or edited since applied.
    public var isClean: Bool {
        halfApplied.isEmpty && unknown.isEmpty && editedSinceApplied.isEmpty
    }

    /// How far a half-applied revision got, `applying: 7 of 12 statements
    /// done`; `nil` for a revision that is fully applied or not applied.
    public func progress(of revision: String) -> String? {
        guard let row = halfApplied.first(where: { $0.revision == revision }) else { return nil }
        guard let completed = row.completedStatements else { return row.state.rawValue }
        let total = statementCountOf[revision].map { " of \($0)" } ?? ""
        return "\(row.state.rawValue): \(completed)\(total) statements done"
    }

    /// Warnings to show beside the current state: half-applied rows,
    /// applied revisions no file defines, then edited revisions.
    public var warnings: [String] {
        halfApplied.map { row in
            guard row.completedStatements != nil else {
                return "revision \(row.revision) is marked '\(row.state.rawValue)': a run stopped halfway; "
                    + "see `migrate upgrade` for how to recover."
            }
            let command = row.state == .applying ? "upgrade" : "downgrade"
            return "revision \(row.revision) stopped halfway (\(progress(of: row.revision) ?? "")): fix the statement "
                + "that failed and run `migrate \(command)` to resume it."
        } + warningsBesideHalfApplied
    }

    /// The warnings about unknown and edited revisions (a run that resumes
    /// a half-applied revision says so itself).
    var warningsBesideHalfApplied: [String] {
        let undefined = unknown.isEmpty ? [] : [unknownRevisionsWarning]
        let edited = editedSinceApplied.map {
            "Revision \($0.revision) (\($0.path)) was edited after it was applied: its upgrade section no "
                + "longer matches the recorded checksum. Revert the edit and put the change in a new revision."
        }
        return undefined + edited
    }

    /// Applied revisions that no file defines, with the likely cause: the
    /// URL names the wrong database or another project's, or files are
    /// missing from this checkout.
    var unknownRevisionsWarning: String {
        let list = unknown.joined(separator: ", ")
        let plural = unknown.count == 1 ? "revision \(list) is" : "revisions \(list) are"
        let cause =
            rows.count == unknown.count
            ? "None of the database's applied revisions is in this project: the URL likely names the wrong "
                + "database, or one that another project migrates (check --url, DATABASE_URL and .env)."
            : "Their files were likely removed or not yet pulled, or another project shares this version table."
        return "\(plural) applied but no file in \(versionsFolder) defines \(unknown.count == 1 ? "it" : "them"). "
            + cause + " If the files are right, `migrate stamp --purge <revision>` rewrites the version table."
    }

    /// What is applied before a run in `direction`: every row, except that
    /// an upgrade plans a half-applied (`applying`) revision again, to
    /// resume it.
    func applied(before direction: MigrationStep.Direction) -> Set<String> {
        Set(rows.filter { direction == .downgrade || $0.state != .applying }.map(\.revision))
    }

    /// Refuses to run on top of an unknown revision, or of a half-applied one
    /// this run cannot resume: one without recorded progress (written by an
    /// earlier release), one stopped in the other direction, or one the plan
    /// does not reach. Without a direction (autogenerate), nothing may be
    /// half applied.
    func throwIfUnsafe(_ direction: MigrationStep.Direction? = nil, plan: [String]? = nil) throws {
        for row in halfApplied {
            let resumable =
                row.completedStatements != nil && row.completedChecksum != nil && direction != nil
                && (row.state == .applying) == (direction == .upgrade)
                && (plan?.contains(row.revision) ?? true)
            if !resumable {
                throw RunError.halfApplied(
                    revision: row.revision, path: pathOf[row.revision], state: row.state,
                    parents: parentsOf[row.revision] ?? [], progress: progress(of: row.revision))
            }
        }
        if let revision = unknown.first {
            throw RunError.unknownAppliedRevision(revision, versionsFolder: versionsFolder)
        }
    }

    /// - Throws: ``RunError/notClean(_:)`` naming what is half applied,
    ///   unknown or edited (`migrate current --check-clean`).
    public func throwIfNotClean() throws {
        guard !isClean else { return }
        let reasons =
            halfApplied.map { "\($0.revision) stopped halfway (\(progress(of: $0.revision) ?? ""))" }
            + unknown.map { "\($0) is applied but no file defines it" }
            + editedSinceApplied.map { "\($0.revision) was edited after it was applied" }
        throw RunError.notClean(reasons)
    }
}
