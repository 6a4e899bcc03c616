import Foundation

/// One plan over many databases: `migrate upgrade head --targets FILE`.
///
/// The revision files are read and the graph built once; each target then
/// runs the normal single-database command (``Migrator``) with its own
/// connection, lock and transactions, exactly as a single run would. Targets
/// run `parallel` at a time in a task group; a connection never leaves the
/// thread of the task that opened it.
///
/// ```swift
/// let fleet = Fleet(config, targets: try FleetTargetFile.load("tenants.txt"))
/// let outcomes = try await fleet.run({ try $0.upgrade(to: "head") }, progress: { outcome, done in print(done) })
/// ```
public final class Fleet: Sendable {
    /// How a fleet runs its targets: how many at once, and whether a failure
    /// stops new ones from starting.
    public struct Options: Sendable {
        /// How many targets run at once (at least 1).
        public var parallel: Int
        /// Go on starting targets after one failed (default: stop starting
        /// new ones; those running finish).
        public var continueOnError: Bool

        /// Runs one target per processor at once, and stops starting targets after a failure.
        /// - Parameters:
        ///   - parallel: How many targets run at once; less than 1 counts as 1.
        ///   - continueOnError: `true` to go on starting targets after one failed.
        public init(parallel: Int = ProcessInfo.processInfo.activeProcessorCount, continueOnError: Bool = false) {
            self.parallel = max(1, parallel)
            self.continueOnError = continueOnError
        }
    }

    /// The configuration every target runs with, its URL replaced by the target's.
    public let config: MigrateConfig
    /// The databases (or schemas) to run on, in the order they start.
    public let targets: [FleetTarget]
    /// How many targets run at once, and what a failure stops.
    public let options: Options
    private let running = RunningTargets()

    /// A fleet that runs `config`'s project on each of `targets`.
    public init(_ config: MigrateConfig, targets: [FleetTarget], options: Options = Options()) {
        self.config = config
        self.targets = targets
        self.options = options
    }

    /// Stops the run from any thread: no new target starts, and each running
    /// one is cancelled as a single run is (rolled back, lock released).
    public func cancel() {
        running.cancelAll()
    }

    /// Runs `work` on every target and returns one outcome per target, in
    /// the order of ``targets``.
    /// - Parameters:
    ///   - work: the single-target command, called with a ``Migrator`` for
    ///     the target that shares the graph read once.
    ///   - progress: called as each target ends, with the number ended so
    ///     far; from one task at a time, so its lines never interleave.
    /// - Throws: only what reading the revision files throws, before any
    ///   target starts; a target's failure is in its outcome.
    public func run(
        _ work: @escaping @Sendable (Migrator) throws -> RunReport,
        progress: (FleetOutcome, Int) -> Void = { _, _ in }
    ) async throws -> [FleetOutcome] {
        let directory = try ScriptDirectory.load(config.scriptLocation)
        var outcomes = targets.map { FleetOutcome(target: $0, status: .notStarted) }
        await withTaskGroup(of: (Int, FleetOutcome).self) { group in
            var next = 0
            var stopped = false
            func startNext() {
                guard next < targets.count, !stopped, !running.isCancelled else { return }
                let index = next
                next += 1
                group.addTask { [self] in
                    (index, await runOnOwnThread(targets[index], directory: directory, work: work))
                }
            }
            for _ in 0..<min(options.parallel, targets.count) { startNext() }
            var ended = 0
            for await (index, outcome) in group {
                outcomes[index] = outcome
                ended += 1
                progress(outcome, ended)
                if outcome.status == .failed && !options.continueOnError { stopped = true }
                startNext()
            }
        }
        return outcomes
    }

    /// Runs one target on a thread of its own: the database calls block, and
    /// blocking the few threads of the task pool would cap the parallelism
    /// at the number of cores.
    private func runOnOwnThread(
        _ target: FleetTarget, directory: ScriptDirectory, work: @escaping @Sendable (Migrator) throws -> RunReport
    ) async -> FleetOutcome {
        await withCheckedContinuation { continuation in
            let thread = Thread { [self] in
                continuation.resume(returning: runTarget(target, directory: directory, work: work))
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func runTarget(
        _ target: FleetTarget, directory: ScriptDirectory, work: (Migrator) throws -> RunReport
    ) -> FleetOutcome {
        let started = DispatchTime.now()
        let migrator = Migrator(config, url: target.url)
        migrator.loadedDirectory = directory
        var outcome = FleetOutcome(target: target, status: .failed)
        migrator.observer = { event in
            if case .warning(let text) = event { outcome.warnings.append(text) }
        }
        running.add(migrator.cancellation)
        defer { running.remove(migrator.cancellation) }
        do {
            let report = try work(migrator)
            outcome.report = report
            outcome.status = report.steps.isEmpty ? .unchanged : .changed
        } catch let failure as MigrateFailure {
            outcome.error = redactPasswords(in: failure.description)
            outcome.errorID = failure.errorID
        } catch {
            outcome.error = "error[internal]: \(redactPasswords(in: String(describing: error)))"
            outcome.errorID = "internal"
        }
        outcome.milliseconds = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
        return outcome
    }
}

/// The cancellations of the targets running now, so ``Fleet/cancel()``
/// reaches each of them.
private final class RunningTargets: @unchecked Sendable {
    private let lock = NSLock()
    private var cancellations: [ObjectIdentifier: MigrationCancellation] = [:]
    private var cancelled = false

    var isCancelled: Bool { lock.withLock { cancelled } }

    func add(_ cancellation: MigrationCancellation) {
        let already: Bool = lock.withLock {
            cancellations[ObjectIdentifier(cancellation)] = cancellation
            return cancelled
        }
        if already { cancellation.cancel() }
    }

    func remove(_ cancellation: MigrationCancellation) {
        _ = lock.withLock { cancellations.removeValue(forKey: ObjectIdentifier(cancellation)) }
    }

    func cancelAll() {
        let current: [MigrationCancellation] = lock.withLock {
            cancelled = true
            return Array(cancellations.values)
        }
        for cancellation in current { cancellation.cancel() }
    }
}
