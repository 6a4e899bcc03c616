import CSQLite
import Foundation

/// Cancels the statement an SQLite connection runs with
/// `sqlite3_interrupt`, which the SQLite manual allows from another thread
/// but "not ... with a database connection that is closed or might close
/// before sqlite3_interrupt() returns": the connection invalidates this
/// under the same lock before it closes.
final class SQLiteInterrupter: QueryCanceller, @unchecked Sendable {
    private let lock = NSLock()
    private var handle: OpaquePointer?

    init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    func cancel() {
        lock.withLock {
            if let handle { sqlite3_interrupt(handle) }
        }
    }

    /// Called by the connection just before it closes the handle.
    func invalidate() {
        lock.withLock { handle = nil }
    }
}

/// The busy handler of a connection that waits for the migration lock: it
/// retries for up to `wait.timeout` seconds, tells `wait.report` after
/// `wait.patience` seconds that another connection holds the write lock,
/// and gives up at once when `wait.isCancelled()`.
final class SQLiteBusyWait {
    private let wait: LockWait
    private let path: String
    private let clock = ContinuousClock()
    private var started = ContinuousClock.now
    private var reported = false

    init(_ wait: LockWait, path: String) {
        self.wait = wait
        self.path = path
    }

    /// `true` to try again; `count` is how often this wait already retried.
    func retry(count: Int32) -> Bool {
        if count == 0 {
            started = clock.now
            reported = false
        }
        if wait.isCancelled() { return false }
        let waited = Self.seconds(started.duration(to: clock.now))
        let timeout = wait.timeout.isFinite ? max(wait.timeout, 0) : 31_536_000
        guard waited < timeout else { return false }
        if !reported && waited >= wait.patience {
            reported = true
            wait.report(SQLiteLockHolder.describe(path: path))
        }
        // SQLite's own back-off, at most 25 ms so a cancel is seen at once.
        let steps = [1, 2, 5, 10, 15, 20, 25]
        let step = Double(steps[min(Int(count), steps.count - 1)]) / 1000
        Thread.sleep(forTimeInterval: min(step, timeout - waited))
        return true
    }

    /// The C callback; `context` is the wait, unretained.
    static let handler: @convention(c) (UnsafeMutableRawPointer?, Int32) -> Int32 = { context, count in
        guard let context else { return 0 }
        return Unmanaged<SQLiteBusyWait>.fromOpaque(context).takeUnretainedValue().retry(count: count) ? 1 : 0
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
