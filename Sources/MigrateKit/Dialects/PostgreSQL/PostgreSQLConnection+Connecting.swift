import CLibPQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension PostgreSQLConnection {
    /// Opens the libpq connection without blocking (`PQconnectStartParams`,
    /// then `PQconnectPoll`), so the notice receiver is installed before the
    /// server can send its first notice, and the whole attempt honours
    /// `connect_timeout`, as the libpq manual asks of `PQconnectPoll` callers:
    /// "the connect_timeout connection parameter is ignored when using
    /// PQconnectPoll; it is the application's responsibility to decide
    /// whether an excessive amount of time has elapsed."
    func openHandle() throws -> OpaquePointer {
        try PostgreSQLClientLibrary.load()
        let options = PostgreSQLConnectionOptions(url: url)
        let keywords = options.parameters.map { strdup($0.keyword) }
        let values = options.parameters.map { strdup($0.value) }
        defer { (keywords + values).forEach { free($0) } }
        let keywordPointers = keywords.map { UnsafePointer($0) } + [nil]
        let valuePointers = values.map { UnsafePointer($0) } + [nil]
        guard let connection = PQconnectStartParams(keywordPointers, valuePointers, 0) else {
            throw DatabaseError(.connect, "Cannot connect to \(url.redacted): libpq is out of memory.")
        }
        PQsetNoticeReceiver(connection, Self.noticeReceiver, Unmanaged.passUnretained(self).toOpaque())
        do {
            try completeConnection(connection, timeout: options.connectTimeout)
        } catch {
            PQfinish(connection)
            throw error
        }
        return connection
    }

    /// Drives `PQconnectPoll` until the connection is made, fails, or
    /// `timeout` seconds pass (never, when `timeout` is zero or less).
    private func completeConnection(_ connection: OpaquePointer, timeout: Int) throws {
        let clock = ContinuousClock()
        let deadline = timeout > 0 ? clock.now + .seconds(timeout) : nil
        var status = PGRES_POLLING_WRITING
        while true {
            if PQstatus(connection) == CONNECTION_BAD || status == PGRES_POLLING_FAILED {
                throw PostgreSQLMessages.connectFailure(String(cString: PQerrorMessage(connection)), url: url)
            }
            if status == PGRES_POLLING_OK { return }
            var waitMilliseconds: Int32 = -1
            if let deadline {
                let remaining = clock.now.duration(to: deadline)
                guard remaining > .zero else { throw timedOut(after: timeout) }
                let (seconds, attoseconds) = remaining.components
                waitMilliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            }
            let events = status == PGRES_POLLING_READING ? POLLIN : POLLOUT
            var descriptor = pollfd(fd: PQsocket(connection), events: Int16(events), revents: 0)
            let ready = poll(&descriptor, 1, waitMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw PostgreSQLMessages.connectFailure(String(cString: strerror(errno)), url: url)
            }
            if ready == 0 { throw timedOut(after: timeout) }
            status = PQconnectPoll(connection)
        }
    }

    private func timedOut(after seconds: Int) -> DatabaseError {
        DatabaseError(
            .connect,
            PostgreSQLMessages.oneLine(
                "Cannot connect to the PostgreSQL server at \(url.redacted): no answer within \(seconds) s. "
                    + "Check the host and port, or raise connect_timeout in the URL."))
    }
}
