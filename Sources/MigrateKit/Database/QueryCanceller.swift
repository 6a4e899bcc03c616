/// Cancels whatever statement one connection is running, from any thread.
///
/// A connection's C handle is not `Sendable`, so each dialect keeps what a
/// cancel needs in a small value of its own, made when the connection opens:
/// a `PGcancel` on PostgreSQL (`PQcancel`), the connection id and URL on
/// MySQL (`KILL QUERY <id>` from a second connection), and a guarded handle
/// on SQLite (`sqlite3_interrupt`).
public protocol QueryCanceller: Sendable {
    /// Asks the server to stop the statement running now. Does nothing when
    /// none runs; never throws (a cancel that cannot be delivered changes
    /// nothing, and the caller finds out when the statement ends).
    func cancel()
}

/// The canceller of a connection that cannot cancel: it does nothing.
public struct NoQueryCanceller: QueryCanceller {
    /// A canceller that never cancels anything.
    public init() {}
    /// Does nothing.
    public func cancel() {}
}

extension DatabaseConnection {
    /// Connections that cannot cancel a running statement answer with a
    /// canceller that does nothing.
    public func makeCanceller() -> any QueryCanceller { NoQueryCanceller() }
}
