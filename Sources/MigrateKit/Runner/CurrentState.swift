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
        editedSinceApplied = rows.compactMap { row in
            guard let recorded = row.checksum, let script = directory.scripts[row.revision],
                let section = script.section(.upgrade, dialect: dialect.name),
                !Checksum.matches(recorded, section.body)
            else { return nil }
            return (row.revision, script.path)
        }.sorted { $0.revision < $1.revision }
    }

    /// Warnings to show beside the current state: half-applied rows,
    /// applied revisions no file defines, then edited revisions.
    public var warnings: [String] {
        let stopped = halfApplied.map {
            "revision \($0.revision) is marked '\($0.state.rawValue)': a run stopped halfway; "
                + "see `migrate upgrade` for how to recover."
        }
        let undefined = unknown.map { "revision \($0) is applied but no file defines it." }
        let edited = editedSinceApplied.map {
            "Revision \($0.revision) (\($0.path)) was edited after it was applied: its upgrade section no "
                + "longer matches the recorded checksum. Revert the edit and put the change in a new revision."
        }
        return stopped + undefined + edited
    }

    /// Refuses to run on top of a half-applied revision or an unknown one.
    func throwIfUnsafe() throws {
        if let row = halfApplied.first {
            throw RunError.halfApplied(
                revision: row.revision, path: pathOf[row.revision], state: row.state,
                parents: parentsOf[row.revision] ?? [])
        }
        if let revision = unknown.first {
            throw RunError.unknownAppliedRevision(revision, versionsFolder: versionsFolder)
        }
    }
}
