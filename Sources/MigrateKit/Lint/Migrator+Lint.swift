/// `migrate lint`: which revisions to check, and the database facts the
/// rules use (rows of a table SQLite would rebuild).
extension Migrator {
    /// Lints revision files.
    ///
    /// - Parameters:
    ///   - range: `start:end` as `history -r` reads it (`base:head`,
    ///     `abc123:head`); `nil` for the default.
    ///   - all: every revision.
    /// By default the revisions the configured database has not applied are
    /// linted; when no database is configured or it cannot be reached, every
    /// revision is, and ``LintReport/note`` says why.
    /// - Throws: ``HistoryRangeError`` or ``GraphError`` for a bad range,
    ///   ``RevisionScriptError`` for a file that does not parse or split,
    ///   ``ConfigError`` for a bad `[lint]` value.
    public func lint(range: String? = nil, all: Bool = false) throws -> LintReport {
        let directory = try scripts()
        let graph = directory.graph
        let order = graph.topologicalOrder()
        var note: String?
        var applied: Set<String> = []
        var reachable = false
        if let range, !all {
            let chosen = Set(try history(range: range).map(\.id))
            return try lint(order.filter(chosen.contains), in: directory, databaseReachable: nil, note: nil)
        }
        if all {
            return try lint(order, in: directory, databaseReachable: nil, note: nil)
        }
        do {
            applied = Set(try current().rows.map(\.revision))
            reachable = true
        } catch {
            let reason = (error as? any MigrateFailure)?.message ?? "\(error)"
            note = "cannot read the applied revisions (\(reason)): linting all \(order.count) revisions"
        }
        return try lint(order.filter { !applied.contains($0) }, in: directory, databaseReachable: reachable, note: note)
    }

    private func lint(
        _ revisions: [String], in directory: ScriptDirectory, databaseReachable: Bool?, note: String?
    ) throws -> LintReport {
        let dialect = url.map { Dialects.dialect(for: $0) }
        var connection: DatabaseConnection?
        defer { connection?.close() }
        // Rows are counted only where a database answers: `nil` means not tried yet.
        if let url, let dialect, databaseReachable != false {
            connection = try? dialect.connectForReading(to: url)
        }
        let rowCount: (String) -> Int? = { table in
            guard let connection, let dialect else { return nil }
            return try? connection.scalar("SELECT COUNT(*) FROM \(dialect.quoteIdentifier(table))")?.int
        }
        let linter = Linter(settings: try LintSettings.load(config), configuredDialect: dialect, rowCount: rowCount)
        var texts: [String: String] = [:]
        func text(_ id: String) throws -> String {
            if let text = texts[id] { return text }
            let text = try TextFile.contents(of: directory.script(id).path, role: "revision file")
            texts[id] = text
            return text
        }
        var facts: [String: LintHistory] = [:]
        let flavor = dialect?.splitterFlavor ?? .postgresql
        var findings: [LintFinding] = []
        for id in revisions {
            var history = LintHistory()
            for ancestor in directory.graph.ancestors(of: [id]) where ancestor != id {
                if facts[ancestor] == nil {
                    facts[ancestor] = try LintHistory.facts(of: directory.script(ancestor), fileText: try text(ancestor), flavor: flavor)
                }
                history.merge(facts[ancestor]!)
            }
            findings += try linter.lint(directory.script(id), fileText: try text(id), history: history)
        }
        return LintReport(findings: findings, revisions: revisions, note: note)
    }
}

/// What `migrate lint` found.
public struct LintReport: Sendable {
    /// Every finding, revision by revision (oldest first), in file order.
    public var findings: [LintFinding]
    /// The revisions linted, oldest first.
    public var revisions: [String]
    /// Why more was linted than asked (no database reachable), if so.
    public var note: String?

    /// `true` when any finding is an error: `migrate lint` exits 1.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
