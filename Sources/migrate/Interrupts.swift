import ArgumentParser
import Dispatch
import Foundation
import MigrateKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT and SIGTERM while a command holds the migration lock.
///
/// The first signal cancels the run through the library
/// (``MigrationCancellation``): the statement running on the server is
/// cancelled, the run rolled back, the lock released, and the error says
/// what state the database is in. The process then exits 130 (SIGINT) or
/// 143 (SIGTERM). A second signal exits at once.
enum Interrupts {
    private static let received = ReceivedSignal()

    /// The exit code for the signal received, `nil` when none was.
    static var exitCode: Int32? {
        received.signal.map { 128 + $0 }
    }

    /// Runs `body` with SIGINT and SIGTERM turned into `cancellation.cancel()`.
    static func cancelling<T>(_ cancellation: MigrationCancellation, _ body: () throws -> T) throws -> T {
        try cancelling({ cancellation.cancel() }, body)
    }

    /// Runs `body` with SIGINT and SIGTERM turned into a call of `cancel`
    /// (a fleet cancels every running target). A signal that came while
    /// `body` ran makes the call throw its exit code afterwards, unless
    /// `reportsItself` (a fleet prints its summary first, then exits with
    /// ``exitCode``).
    static func cancelling<T>(
        reportsItself: Bool = false, _ cancel: @escaping @Sendable () -> Void, _ body: () throws -> T
    ) throws -> T {
        let queue = DispatchQueue(label: "migrate.signals")
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                guard received.record(number) else { _exit(128 + number) }
                Output.note(
                    "\(number == SIGINT ? "SIGINT" : "SIGTERM"): cancelling the running statement and rolling back "
                        + "(press Ctrl-C again to exit at once)...")
                cancel()
            }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        let result = try body()
        // A signal that came too late to stop anything: the run is complete.
        if let exitCode, !reportsItself { throw ExitCode(exitCode) }
        return result
    }
}

/// The first signal received, shared with the signal queue.
private final class ReceivedSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Int32?

    var signal: Int32? { lock.withLock { first } }

    /// Records a signal; `false` when one had already come.
    func record(_ number: Int32) -> Bool {
        lock.withLock {
            guard first == nil else { return false }
            first = number
            return true
        }
    }
}
