import Foundation

/// The `async` versions of the library calls, for apps that migrate at
/// startup (Vapor, Hummingbird) and for async tests.
///
/// ```swift
/// let migrator = Migrator(try MigrateConfig.load("migrate.ini"))
/// migrator.logger = app.logger
/// try await migrator.upgrade(to: "head")   // under the migration lock
/// ```
///
/// Each call runs the blocking work (the database clients are blocking C
/// libraries) on a thread of its own, never on the cooperative pool, and
/// resumes the caller when it is done. The connection it opens stays on that
/// thread. Cancelling the calling `Task` cancels the run exactly as
/// ``Migrator/cancellation`` does: the running statement is cancelled on the
/// server, the run rolled back, the lock released, and the call throws
/// ``RunError/interrupted(_:)``. As with the blocking calls, a cancelled
/// `Migrator` refuses later runs.
///
/// In an `async` function the compiler picks these over the blocking calls
/// of the same name, so they need `await`. ``Migrator/observer``,
/// ``Migrator/noticeHandler`` and ``Migrator/logger`` are called on the
/// migration's thread while the caller waits.
extension Migrator {
    /// Applies every revision needed to reach `target`, like
    /// the blocking `upgrade(to:)`, without blocking the caller's thread.
    @discardableResult
    public func upgrade(to target: String) async throws -> RunReport {
        try await runOnOwnThread { try $0.upgrade(to: target) }
    }

    /// Reverts applied revisions down to `target`, like
    /// the blocking `downgrade(to:)`, without blocking the caller's thread.
    @discardableResult
    public func downgrade(to target: String) async throws -> RunReport {
        try await runOnOwnThread { try $0.downgrade(to: target) }
    }

    /// What the database has applied, like the blocking `current()`.
    public func current() async throws -> CurrentState {
        try await runOnOwnThread { try $0.current() }
    }

    /// Rewrites the version table without running SQL, like
    /// the blocking `stamp(_:purge:)`.
    /// - Returns: the current heads afterwards.
    @discardableResult
    public func stamp(
        _ targets: [String], purge: Bool = false
    ) async throws -> [String] {
        try await runOnOwnThread { try $0.stamp(targets, purge: purge) }
    }

    /// The changes between the database at head and the declared schema,
    /// like the blocking `check()`: empty when they match.
    public func check() async throws -> [SchemaChange] {
        try await runOnOwnThread { try $0.check() }
    }

    /// Writes a revision from the differences with the declared schema,
    /// like the blocking `autogenerate(_:)`.
    /// - Returns: the new file, or `nil` when nothing differs.
    public func autogenerate(
        _ new: NewRevision
    ) async throws -> RevisionScript? {
        try await runOnOwnThread { try $0.autogenerate(new) }
    }

    /// Runs `work` on a new thread and waits for it without blocking a thread
    /// of the cooperative pool; cancelling the task calls
    /// ``MigrationCancellation/cancel()``.
    private func runOnOwnThread<T>(
        _ work: @escaping (Migrator) throws -> T
    ) async throws -> T {
        // The migrator is not Sendable: it moves to the thread while this
        // task waits for it, and is used by nothing else meanwhile.
        let migrator = HandOver(self)
        let job = HandOver(work)
        let cancellation = cancellation
        let result = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HandOver<T>, any Error>) in
                let thread = Thread {
                    Thread.current.name = "migrate"
                    continuation.resume(with: Result { HandOver(try job.value(migrator.value)) })
                }
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
        return result.value
    }
}

/// A value handed from one thread to another that uses it alone from then
/// on (the waiting task does not touch it until the thread is done).
private struct HandOver<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
