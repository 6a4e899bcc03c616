import CLibPQ
import Foundation

/// Cancels the statement a PostgreSQL connection runs, with the `PGcancel`
/// made when it connected (`PQgetCancel`): `PQcancel` opens a connection of
/// its own to the server, so it is safe from any thread while the
/// connection's own thread waits in `PQexec`.
final class PostgreSQLCanceller: QueryCanceller, @unchecked Sendable {
    /// Owned; freed in `deinit`. `PQcancel` only reads it, and the lock keeps
    /// two cancels from sharing it at once.
    private let request: OpaquePointer
    private let lock = NSLock()

    init?(connection: OpaquePointer) {
        guard let cancel = PQgetCancel(connection) else { return nil }
        self.request = cancel
    }

    deinit { PQfreeCancel(request) }

    func cancel() {
        lock.withLock {
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(request, &buffer, Int32(buffer.count))
        }
    }
}
