import Logging

extension Migrator {
    /// Where the run's events go: ``observer`` and, when set, ``logger``.
    var events: ((MigrationEvent) -> Void)? {
        let observer = observer
        guard let logger else { return observer }
        return { event in
            observer?(event)
            logger.log(event)
        }
    }

    /// Where server notices go: ``noticeHandler`` and, when set, ``logger``
    /// (level `notice`).
    var notices: ((String) -> Void)? {
        let handler = noticeHandler
        guard let logger else { return handler }
        return { text in
            handler?(text)
            logger.notice("\(text)", metadata: ["migrate.source": "server"])
        }
    }
}

extension Logger {
    /// Logs one ``MigrationEvent`` the way the command line prints it:
    /// progress at `info`, notes at `notice`, warnings and lock waits at
    /// `warning`. The
    /// revision goes into the metadata as `migrate.revision`.
    func log(_ event: MigrationEvent) {
        switch event {
        case .willRun(let step):
            let verb = step.resumesAt == nil ? "Running" : "Resuming"
            let start = step.resumesAt.map { " at statement \($0) of \(step.statementCount)" } ?? ""
            info(
                "\(verb) \(step.direction.rawValue) \(step.arrow) (\(step.message))\(start)",
                metadata: ["migrate.revision": "\(step.revision)"])
        case .didRun(let step, let milliseconds):
            info(
                "Done \(step.direction.rawValue) \(step.arrow) in \(milliseconds) ms",
                metadata: ["migrate.revision": "\(step.revision)"])
        case .warning(let text):
            warning("\(text)")
        case .note(let text):
            notice("\(text)")
        case .waitingForLock(let holder):
            warning("Waiting for the migration lock held by \(holder)...")
        }
    }
}
