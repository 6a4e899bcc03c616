/// One planned revision, read and split before anything runs: the live run
/// (``PlanRunner``) and the offline script (``OfflineScript``) both start
/// from these, so a malformed file or a missing downgrade stops either up
/// front, with the same error.
struct PreparedStep {
    var step: MigrationStep
    var section: ScriptSection
    var statements: [SQLStatement]
    /// SHA-256 of the section as it runs, for the version row.
    var checksum: String
    /// Statements an earlier, interrupted run completed, which this run
    /// skips (``resume(after:)``); `nil` when the step runs from the start.
    var resumesAfter: Int?

    /// - Throws: ``RunError/irreversible(revision:path:)`` for a downgrade
    ///   through a file without a downgrade section,
    ///   ``RunError/noSection(revision:path:direction:dialect:)`` when no
    ///   section serves the dialect, or the splitter's error.
    init(_ revision: String, direction: MigrationStep.Direction, directory: ScriptDirectory, dialect: any Dialect) throws {
        let script = directory.script(revision)
        step = MigrationStep(
            direction: direction, revision: revision, parents: script.downRevisions,
            message: script.message, path: script.path)
        let sectionDirection: ScriptSection.Direction = direction == .upgrade ? .upgrade : .downgrade
        guard let section = script.section(sectionDirection, dialect: dialect.name) else {
            if direction == .downgrade && !script.hasDowngrade {
                throw RunError.irreversible(revision: revision, path: script.path)
            }
            throw RunError.noSection(
                revision: revision, path: script.path, direction: sectionDirection.rawValue, dialect: dialect.name)
        }
        self.section = section
        statements = try section.statements(flavor: dialect.splitterFlavor, path: script.path)
        checksum = Checksum.of(section.body)
    }
}
