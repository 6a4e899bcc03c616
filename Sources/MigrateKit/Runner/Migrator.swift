import Foundation
import Logging

/// Runs migrations for one configuration against one database: the library
/// behind every command (`upgrade`, `downgrade`, `current`, `stamp`, ...).
///
/// ```swift
/// let config = try MigrateConfig.load("migrate.ini")
/// let migrator = Migrator(config)
/// try migrator.upgrade(to: "head")
/// ```
///
/// A `Migrator` prints nothing: set ``observer`` to follow progress. It opens
/// a connection per call and is used from one task at a time; only its
/// ``cancellation`` may be used from another thread, to stop a run.
public final class Migrator {
    /// The project's configuration: the migrations folder, version table, lock
    /// and run settings.
    public let config: MigrateConfig
    /// The database to work on; `config.url` unless another was given.
    public let url: DatabaseURL?
    /// Receives progress events and warnings.
    public var observer: ((MigrationEvent) -> Void)?
    /// Receives server notices (discarded when `nil`).
    public var noticeHandler: ((String) -> Void)?
    /// When set, progress goes to it at level `info`, warnings and lock
    /// waits at `warning` and server notices at `notice` (besides
    /// ``observer`` and ``noticeHandler``). `current()` logs its state's
    /// warnings here too.
    public var logger: Logger?
    /// Stops `upgrade`, `downgrade` or `stamp` from another thread: the
    /// statement running on the server is cancelled, the run rolled back,
    /// the lock released, and the call throws ``RunError/interrupted(_:)``.
    public let cancellation = MigrationCancellation()
    /// Set by ``scripts()``, or given by a ``Fleet`` that read the files once.
    var loadedDirectory: ScriptDirectory?
    private var loadedGraph: RevisionGraph?

    /// - Parameters:
    ///   - config: the loaded `migrate.ini` (or one built in code).
    ///   - url: the database to use instead of the configured one.
    public init(_ config: MigrateConfig, url: DatabaseURL? = nil) {
        self.config = config
        self.url = url ?? config.url
    }

    /// The revision files and their graph, read once per `Migrator`.
    public func scripts() throws -> ScriptDirectory {
        if let loadedDirectory { return loadedDirectory }
        let directory = try ScriptDirectory.load(config.scriptLocation)
        loadedDirectory = directory
        return directory
    }

    /// The graph of the revision files, without their SQL: from ``scripts()``
    /// once read, else through the header cache (`ScriptDirectory/loadGraph(_:)`),
    /// which spares reading files unchanged since an earlier run.
    public func revisionGraph() throws -> RevisionGraph {
        if let graph = loadedDirectory?.graph ?? loadedGraph { return graph }
        let graph = try ScriptDirectory.loadGraph(config.scriptLocation)
        loadedGraph = graph
        return graph
    }

    /// The dialect of the configured database.
    public func dialect() throws -> any Dialect {
        Dialects.dialect(for: try requireURL())
    }

    /// Applies every revision needed to reach `target` (`head`, `heads`,
    /// `+2`, a revision id or prefix, `<label>@head`, ...).
    @discardableResult
    public func upgrade(to target: String) throws -> RunReport {
        try run(.upgrade) { graph, applied in try graph.upgradePlan(applied: applied, target: target) }
    }

    /// Reverts applied revisions down to `target` (`base`, `-1`, a revision, ...).
    @discardableResult
    public func downgrade(to target: String) throws -> RunReport {
        try run(.downgrade) { graph, applied in try graph.downgradePlan(applied: applied, target: target) }
    }

    /// What the database has applied, and anything wrong with it.
    public func current() throws -> CurrentState {
        let directory = try scripts()
        let url = try requireURL()
        let dialect = Dialects.dialect(for: url)
        let connection = try dialect.connectForReading(to: url)
        connection.noticeHandler = notices
        defer { connection.close() }
        // Through a transaction pooler the read runs in a transaction of its
        // own, so migrate's settings stay local to it.
        let local = try dialect.migrationLock(on: connection, pooler: config.pooler).settingsMustBeTransactionLocal
        if local { try dialect.beginTransaction(on: connection) }
        defer { if local { try? connection.execute("ROLLBACK") } }
        let bounds = LockWaitBounds(
            dialect: dialect, connection: connection, seconds: config.lockTimeout, transactionLocal: local)
        let table = VersionTable(
            name: config.versionTable, schema: dialect.versionTableSchema(for: url), dialect: dialect,
            connection: VersionTableConnection(connection, bounds: bounds, tableName: config.versionTable))
        let rows = try table.rows()
        let state = CurrentState(rows: rows, directory: directory, dialect: dialect)
        for warning in state.warnings { logger?.warning("\(warning)") }
        return state
    }

    /// Rewrites the version table so `targets` and their ancestors count as
    /// applied, without running any SQL. Applied descendants of the targets
    /// are removed; `base` empties the table (see
    /// ``RevisionGraph/stampedRevisions(applied:targets:)``). With `purge`,
    /// rows naming revisions no file defines are dropped instead of being an
    /// error.
    /// - Returns: the current heads afterwards.
    @discardableResult
    public func stamp(_ targets: [String], purge: Bool = false) throws -> [String] {
        let directory = try scripts()
        let graph = directory.graph
        if let location = absentDatabaseLocation() {
            throw DatabaseError(
                .unknownDatabase,
                "No database at \(location). `migrate stamp` records revisions in an existing database: check the "
                    + "URL, or create the database with `migrate upgrade` or `migrate database create`.")
        }
        let session = try openSession()
        defer { session.close() }
        return try interruptible(session, graph: graph) {
            try stamp(targets, purge: purge, session: session, directory: directory)
        }
    }

    private func stamp(
        _ targets: [String], purge: Bool, session: MigrationSession, directory: ScriptDirectory
    ) throws -> [String] {
        let graph = directory.graph
        try session.begin()
        let rows = try session.readRows()
        var applied = Set(rows.map(\.revision))
        if purge {
            try session.table.deleteAll()
            applied = []
        } else if let unknown = rows.first(where: { graph.nodes[$0.revision] == nil }) {
            throw RunError.unknownAppliedRevision(unknown.revision, versionsFolder: directory.versionsFolder)
        }
        let wanted = try graph.stampedRevisions(applied: applied, targets: targets)
        let halfDone = Set(rows.filter { $0.state != .applied }.map(\.revision))
        for revision in applied.subtracting(wanted).union(halfDone) {
            try session.table.delete(revision)
        }
        for revision in graph.topologicalOrder()
        where wanted.contains(revision) && (!applied.contains(revision) || halfDone.contains(revision)) {
            let section = directory.script(revision).section(.upgrade, dialect: session.dialect.name)
            try session.table.insert(
                revision, checksum: section.map { Checksum.of($0.body) }, state: .applied, milliseconds: 0)
        }
        try session.commit()
        return graph.currentHeads(applied: wanted)
    }

    /// The head revisions of the graph (no database needed): from the graph
    /// once read, else through the heads cache, which spares building the
    /// graph while no revision file changed since an earlier run.
    /// - Parameter resolvingDependencies: treat `Depends On:` edges like
    ///   parents (Alembic's `heads --resolve-dependencies`): a head that
    ///   another revision depends on is left out.
    public func heads(resolvingDependencies: Bool = false) throws -> [RevisionNode] {
        let heads =
            try (loadedDirectory?.graph ?? loadedGraph).map(RevisionHeads.init)
            ?? ScriptDirectory.loadHeads(config.scriptLocation)
        return heads.list(resolvingDependencies: resolvingDependencies)
    }

    func requireURL() throws -> DatabaseURL {
        guard let url else { throw RunError.noDatabaseURL }
        return url
    }

    func run(
        _ direction: MigrationStep.Direction, plan: (RevisionGraph, Set<String>) throws -> [String]
    ) throws -> RunReport {
        let started = DispatchTime.now()
        let directory = try scripts()
        if let location = absentDatabaseLocation() {
            // Reverting needs nothing from a database that does not exist;
            // creating one to find that out would leave a stray file.
            guard direction == .upgrade else {
                observer?(.note("No database at \(location): nothing to \(direction.rawValue), and nothing was created."))
                return RunReport()
            }
            // An absolute path is where the user put it; a relative one
            // depends on the working directory, so say where it went.
            if location.relativePath != nil { observer?(.note("Creating the database \(location).")) }
        }
        let session = try openSession()
        defer { session.close() }
        return try interruptible(session, graph: directory.graph) {
            try run(direction, plan: plan, session: session, directory: directory, started: started)
        }
    }

    private func run(
        _ direction: MigrationStep.Direction, plan: (RevisionGraph, Set<String>) throws -> [String],
        session: MigrationSession, directory: ScriptDirectory, started: DispatchTime
    ) throws -> RunReport {
        let rows = try session.readRows()
        let state = CurrentState(rows: rows, directory: directory, dialect: session.dialect)
        try state.throwIfUnsafe(direction)
        let events = events
        for warning in state.warningsBesideHalfApplied { events?(.warning(warning)) }
        let applied = state.applied(before: direction)
        let steps = try plan(directory.graph, applied)
        try state.throwIfUnsafe(direction, plan: steps)
        var report = RunReport()
        report.steps = try PlanRunner(
            session: session, directory: directory, perMigration: config.transactionPerMigration,
            observer: events,
            halfApplied: Dictionary(uniqueKeysWithValues: state.halfApplied.map { ($0.revision, $0) })
        ).run(steps, direction: direction)
        let ran = Set(report.steps.map(\.step.revision))
        report.heads = directory.graph.currentHeads(
            applied: direction == .upgrade ? applied.union(ran) : applied.subtracting(ran))
        report.totalMilliseconds = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
        return report
    }
}
