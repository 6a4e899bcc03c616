extension Migrator {
    /// A locked session on the configured database, cancelled by
    /// ``cancellation`` and reporting a wait for the lock to ``observer``.
    func openSession() throws -> MigrationSession {
        let observer = events
        return try interruptible(nil, graph: nil) {
            try MigrationSession(
                url: try requireURL(), config: config, noticeHandler: notices, cancellation: cancellation,
                waiting: { observer?(.waitingForLock(holder: $0)) })
        }
    }

    /// Runs `body`; when it fails because the run was cancelled, rolls the
    /// session back, reads the version table again and throws
    /// ``RunError/interrupted(_:)`` saying what state the database is in.
    func interruptible<T>(_ session: MigrationSession?, graph: RevisionGraph?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch  where cancellation.isCancelled {
            var interruption = Interruption(halfDone: [])
            if case RunError.statementFailed(let failure) = error { interruption.failure = failure }
            if let session, let graph {
                session.cancellation.detach()
                session.rollback()
                if let rows = try? session.readRows() {
                    interruption.heads = graph.currentHeads(applied: Set(rows.filter { $0.state == .applied }.map(\.revision)))
                    interruption.halfDone = rows.filter { $0.state != .applied }
                }
            }
            throw RunError.interrupted(interruption)
        }
    }
}
