import Foundation

@testable import MigrateKit

/// Another application connection that keeps writing while a migration
/// runs: one `INSERT` and one `UPDATE` a round, each committing on its own,
/// with its lock waits bounded short (`lockWaitSQL`), so a migration that
/// blocks the table for longer makes a write fail instead of just wait.
final class BackgroundWriter: @unchecked Sendable {
    private let lock = NSLock()
    private var stopping = false
    private var successTimes: [Date] = []
    private var failures: [String] = []
    private let done = DispatchSemaphore(value: 0)
    /// Used by the writing thread only, once `init` has set it up.
    private let connection: DatabaseConnection

    /// Starts writing at once on a connection of its own; `write(n)` gives
    /// the statements of round `n`.
    init(connection: DatabaseConnection, lockWaitSQL: [String], write: @escaping @Sendable (Int) -> [String]) throws {
        self.connection = connection
        for statement in lockWaitSQL { try connection.execute(statement) }
        let thread = Thread { [self] in
            let connection = self.connection
            var round = 0
            while !self.isStopping {
                round += 1
                do {
                    for statement in write(round) { try connection.execute(statement) }
                    self.record { $0.successTimes.append(Date()) }
                } catch {
                    self.record { $0.failures.append("\(error)") }
                }
            }
            connection.close()
            self.done.signal()
        }
        thread.start()
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func record(_ change: (BackgroundWriter) -> Void) {
        lock.withLock { change(self) }
    }

    /// Waits until `count` rounds have succeeded (at most 10 s).
    func waitForProgress(_ count: Int) {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, lock.withLock({ successTimes.count < count && failures.isEmpty }) { usleep(10_000) }
    }

    /// Stops writing; returns when the last round ended.
    func stop() -> (successes: [Date], failures: [String]) {
        lock.withLock { stopping = true }
        done.wait()
        return lock.withLock { (successTimes, failures) }
    }
}
