/// How long and how patiently to wait for the migration lock.
/// The callbacks run on the waiting thread.
public struct LockWait {
    /// The longest wait, in seconds (`lock_timeout`); 0 tries once.
    public var timeout: Double
    /// Seconds of waiting after which ``report`` is told who holds the lock.
    public var patience: Double
    /// Receives, once, a description of the holder as far as the database
    /// can tell (`pid 4242 (app@10.0.0.5, running for 12 s)`).
    public var report: (String) -> Void
    /// `true` when the wait must end at once (the run was cancelled).
    public var isCancelled: () -> Bool

    /// A wait of at most `timeout` seconds that reports the holder after
    /// `patience` seconds and gives up when `isCancelled` answers `true`.
    /// - Parameters:
    ///   - timeout: The longest wait, in seconds; 0 tries once.
    ///   - patience: Seconds before `report` is called; by default 1.
    ///   - report: Receives a description of the holder, once; by default ignored.
    ///   - isCancelled: Polled while waiting; by default never cancelled.
    public init(
        timeout: Double, patience: Double = 1, report: @escaping (String) -> Void = { _ in },
        isCancelled: @escaping () -> Bool = { false }
    ) {
        self.timeout = timeout
        self.patience = patience
        self.report = report
        self.isCancelled = isCancelled
    }
}
