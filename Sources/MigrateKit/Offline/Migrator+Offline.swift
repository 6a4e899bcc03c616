extension Migrator {
    /// The SQL an upgrade would run, as a script, without connecting: the
    /// plan comes from the revision graph alone (Alembic's `--sql` mode).
    ///
    /// Starting from base, the script creates the version table; starting
    /// from a revision, it assumes that revision and its ancestors are
    /// applied and the table exists.
    /// - Parameters:
    ///   - target: where to go: `head`, `heads`, a revision, `<label>@head`,
    ///     `+N` (counted from `start`).
    ///   - start: where the database is: `nil` or `base` for an empty
    ///     database, else a revision (its ancestors count as applied).
    ///   - dialect: the SQL dialect; `nil` for the configured URL's, which is
    ///     only read, never connected to.
    /// - Throws: ``OfflineScriptError`` (no dialect, a `transaction=false`
    ///   section), ``GraphError`` for the targets, and the errors of a
    ///   revision file.
    public func upgradeScript(to target: String, from start: String? = nil, dialect: (any Dialect)? = nil) throws -> String {
        let directory = try scripts()
        let graph = directory.graph
        let dialect = try offlineDialect(dialect)
        let applied = try Self.applied(upTo: start, graph: graph)
        let plan = try graph.upgradePlan(applied: applied, target: target)
        return try offlineScript(directory, dialect: dialect).write(
            plan, direction: .upgrade, range: "\(start ?? "base"):\(target)", createTable: applied.isEmpty,
            dropTable: false)
    }

    /// The SQL a downgrade would run from `start` to `target`, as a script,
    /// without connecting. `start` is required: offline, the database's
    /// current revisions are unknown.
    ///
    /// A range that ends at base drops the version table last, so an upgrade
    /// script from base and the downgrade script back leave nothing behind.
    /// - Parameters:
    ///   - start: where the database is: a revision, `head`, `<label>@head`.
    ///   - target: where to go: `base`, a revision, `-N` (counted from `start`).
    ///   - dialect: the SQL dialect; `nil` for the configured URL's.
    /// - Throws: as ``upgradeScript(to:from:dialect:)``, and
    ///   ``RunError/irreversible(revision:path:)`` for a revision without a
    ///   downgrade section.
    public func downgradeScript(from start: String, to target: String, dialect: (any Dialect)? = nil) throws -> String {
        let directory = try scripts()
        let graph = directory.graph
        let dialect = try offlineDialect(dialect)
        let applied = try Self.applied(upTo: start, graph: graph)
        let plan = try graph.downgradePlan(applied: applied, target: target)
        return try offlineScript(directory, dialect: dialect).write(
            plan, direction: .downgrade, range: "\(start):\(target)", createTable: false,
            dropTable: !plan.isEmpty && applied.subtracting(plan).isEmpty)
    }

    /// The dialect given, else the configured URL's.
    private func offlineDialect(_ given: (any Dialect)?) throws -> any Dialect {
        if let given { return given }
        guard let url else { throw OfflineScriptError.noDialect }
        return Dialects.dialect(for: url)
    }

    private func offlineScript(_ directory: ScriptDirectory, dialect: any Dialect) -> OfflineScript {
        OfflineScript(
            directory: directory, dialect: dialect, versionTable: config.versionTable,
            perMigration: config.transactionPerMigration)
    }

    /// What counts as applied when the database is at `start`: the revisions
    /// an upgrade from nothing to `start` would apply.
    private static func applied(upTo start: String?, graph: RevisionGraph) throws -> Set<String> {
        guard let start, start != "base" else { return [] }
        return Set(try graph.upgradePlan(applied: [], target: start))
    }
}
