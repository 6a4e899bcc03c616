import Foundation

/// Stops a running ``Migrator`` from another thread: the command line calls
/// ``cancel()`` on SIGINT or SIGTERM, a test fixture may call it from a
/// timeout.
///
/// ```swift
/// let migrator = Migrator(config)
/// let cancellation = migrator.cancellation   // Sendable: hand it to any thread
/// DispatchQueue.global().asyncAfter(deadline: .now() + 30) { cancellation.cancel() }
/// try migrator.upgrade(to: "head")           // throws RunError.interrupted when cancelled
/// ```
///
/// Cancelling asks the server to stop the statement running now
/// (`PQcancel`, `KILL QUERY`, `sqlite3_interrupt`), stops a wait for the
/// migration lock, and keeps any further revision statement from starting.
/// The run then rolls back what is uncommitted, releases the lock and throws
/// ``RunError/interrupted(_:)``, whose message says what state the database
/// is in. Writes to the version table that record work already done still
/// happen, so the table stays true to the database. A request is final: a
/// cancelled `Migrator` refuses later runs; make a new one.
public final class MigrationCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    private var canceller: (any QueryCanceller)?

    /// A cancellation not yet requested.
    public init() {}

    /// `true` once ``cancel()`` has been called.
    public var isCancelled: Bool {
        lock.withLock { requested }
    }

    /// Requests cancellation. Safe from any thread, any number of times;
    /// returns without waiting for the run to stop.
    public func cancel() {
        let current: (any QueryCanceller)? = lock.withLock {
            requested = true
            return canceller
        }
        current?.cancel()
    }

    /// Routes cancel requests to the statements of a connection, until
    /// ``detach()``. Throws at once when cancellation is already requested.
    func attach(_ canceller: any QueryCanceller) throws {
        let alreadyRequested: Bool = lock.withLock {
            self.canceller = canceller
            return requested
        }
        if alreadyRequested { throw Self.cancelledError }
    }

    /// Stops routing cancel requests to the attached connection (before it
    /// rolls back, releases the lock and closes: those must not be cancelled).
    func detach() {
        lock.withLock { canceller = nil }
    }

    /// Throws ``cancelledError`` when cancellation was requested.
    func throwIfCancelled() throws {
        if isCancelled { throw Self.cancelledError }
    }

    /// What a statement refused or stopped by the cancellation throws.
    static let cancelledError = DatabaseError(.cancelled, "Cancelled on request.")
}
