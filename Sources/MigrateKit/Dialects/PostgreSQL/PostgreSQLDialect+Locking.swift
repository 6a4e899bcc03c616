import Foundation

extension PostgreSQLDialect {
    /// Takes a session-level advisory lock on the key's 64-bit hash, polling
    /// `pg_try_advisory_lock` with back-off (10 ms, doubling to 500 ms, and
    /// at most 50 ms between looks at `wait.isCancelled`).
    ///
    /// A blocking `pg_advisory_lock` is not used: its waiting statement holds
    /// a snapshot, and a `CREATE INDEX CONCURRENTLY` run by the lock holder
    /// waits for every older snapshot to go away, so the two would deadlock.
    /// The lock is held until ``releaseLock(_:on:)`` or the session ends,
    /// whatever happens to transactions in between.
    /// - Throws: ``DatabaseError`` of kind `.lockTimeout`, naming the session
    ///   that holds the lock, or `.cancelled`.
    public func acquireLock(_ key: String, on connection: DatabaseConnection, wait: LockWait) throws {
        try pollAdvisoryLock(key, with: "pg_try_advisory_lock", on: connection, wait: wait)
    }

    /// Polls `function` (`pg_try_advisory_lock`, or `pg_try_advisory_xact_lock`
    /// inside a transaction) on the key's hash until it answers `true`, with
    /// the back-off, report and timeout ``acquireLock(_:on:wait:)`` describes.
    func pollAdvisoryLock(_ key: String, with function: String, on connection: DatabaseConnection, wait: LockWait) throws {
        let lockKey = Self.lockKey(for: key)
        let clock = ContinuousClock()
        let start = clock.now
        let timeout = wait.timeout.isFinite ? max(wait.timeout, 0) : 31_536_000
        let deadline = start + .milliseconds(Int64(timeout * 1000))
        let reportAt = start + .milliseconds(Int64(max(wait.patience, 0) * 1000))
        var reported = false
        var delay = Duration.milliseconds(10)
        while try connection.scalar("SELECT \(function)(\(lockKey))")?.string != "t" {
            let remaining = clock.now.duration(to: deadline)
            guard remaining > .zero else {
                throw lockTimeout(key, lockKey: lockKey, on: connection, waited: start.duration(to: clock.now))
            }
            if !reported && clock.now >= reportAt {
                reported = true
                let holder = try? holderRow(lockKey, on: connection)
                wait.report(holder.map(Self.shortDescription) ?? "another session")
            }
            let pause = clock.now + min(delay, remaining)
            while clock.now < pause {
                if wait.isCancelled() { throw MigrationCancellation.cancelledError }
                Thread.sleep(forTimeInterval: Self.seconds(min(.milliseconds(50), clock.now.duration(to: pause))))
            }
            delay = min(delay * 2, .milliseconds(500))
        }
    }

    /// Bounds the session's lock waits (`lock_timeout`, in milliseconds; at
    /// least 1, since 0 would mean no bound), keeping its own value in the
    /// custom setting `migrate.saved_lock_timeout`.
    public func boundLockWaitsSQL(seconds: Double) -> String? {
        boundLockWaitsSQL(seconds: seconds, transactionLocal: false)
    }

    /// ``boundLockWaitsSQL(seconds:)`` with every `set_config` local to the
    /// open transaction when `transactionLocal` (`SET LOCAL`): through a
    /// transaction pooler a session-level setting would stay on a server
    /// connection that another client gets next.
    public func boundLockWaitsSQL(seconds: Double, transactionLocal: Bool) -> String? {
        let local = transactionLocal ? "true" : "false"
        let milliseconds = seconds.isFinite ? max(1, Int((seconds * 1000).rounded(.up))) : 0
        // The search_path is pinned too: a revision may empty it (a pg_dump
        // file starts with `set_config('search_path', '', false)`), and the
        // version table is named without a schema. The first call keeps the
        // session's own search_path; later calls put it back. Target-list
        // expressions are evaluated in order.
        return "SELECT set_config('migrate.saved_lock_timeout', current_setting('lock_timeout'), \(local)), "
            + "set_config('lock_timeout', '\(milliseconds)', \(local)), "
            + "set_config('migrate.saved_search_path', current_setting('search_path'), \(local)), "
            + "set_config('migrate.session_search_path', coalesce(nullif(current_setting("
            + "'migrate.session_search_path', true), ''), current_setting('search_path')), \(local)), "
            + "set_config('search_path', current_setting('migrate.session_search_path'), \(local))"
    }

    /// The session-level form of ``restoreLockWaitsSQL(transactionLocal:)``.
    public var restoreLockWaitsSQL: String? { restoreLockWaitsSQL(transactionLocal: false) }

    /// Puts back the `lock_timeout` and `search_path` that
    /// ``boundLockWaitsSQL(seconds:transactionLocal:)`` saved.
    public func restoreLockWaitsSQL(transactionLocal: Bool) -> String? {
        let local = transactionLocal ? "true" : "false"
        return "SELECT set_config('lock_timeout', current_setting('migrate.saved_lock_timeout'), \(local)), "
            + "set_config('search_path', current_setting('migrate.saved_search_path'), \(local))"
    }

    /// Releases the advisory lock of `key` (`pg_advisory_unlock`).
    public func releaseLock(_ key: String, on connection: DatabaseConnection) throws {
        try connection.execute("SELECT pg_advisory_unlock(\(Self.lockKey(for: key)))")
    }

    /// The advisory lock number for a key: the 64-bit FNV-1a hash of its
    /// UTF-8 bytes, stable across processes, versions and platforms.
    static func lockKey(for key: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    /// The timeout error, naming the holder from `pg_locks` and
    /// `pg_stat_activity`. A bigint advisory lock is recorded with its high
    /// 32 bits in `classid`, its low 32 bits in `objid`, and `objsubid = 1`.
    private func lockTimeout(
        _ key: String, lockKey: Int64, on connection: DatabaseConnection, waited: Duration
    ) -> DatabaseError {
        let holder = try? holderRow(lockKey, on: connection)
        let waitedText = String(format: "%.1f", Self.seconds(waited))
        let lead = "Timed out after \(waitedText) s waiting for the migration lock '\(key)' (advisory lock \(lockKey))"
        let advice = "Wait for that migration to finish, or raise lock_timeout."
        guard let holder else {
            return DatabaseError(
                .lockTimeout,
                "\(lead); another session holds it but could not be identified in pg_locks. \(advice)")
        }
        return DatabaseError(.lockTimeout, "\(lead): it is held by \(Self.describeSession(holder)). \(advice)")
    }

    /// The session holding the advisory lock, from `pg_locks` and
    /// `pg_stat_activity`. A bigint advisory lock is recorded with its high
    /// 32 bits in `classid`, its low 32 bits in `objid`, and `objsubid = 1`.
    private func holderRow(_ lockKey: Int64, on connection: DatabaseConnection) throws -> SQLRow? {
        let bits = UInt64(bitPattern: lockKey)
        return try connection.query(
            """
            SELECT a.pid, a.usename, a.application_name, host(a.client_addr), a.state,
                   extract(epoch FROM now() - a.backend_start)::bigint,
                   extract(epoch FROM now() - a.xact_start)::bigint
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.classid::bigint = \(bits >> 32) AND l.objid::bigint = \(bits & 0xffff_ffff)
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            LIMIT 1
            """
        ).first
    }

    /// `pid 4242 (app@10.0.0.5, running for 12 s)`: who, from where
    /// (`local` for a Unix socket), and for how long connected.
    private static func shortDescription(_ row: SQLRow) -> String {
        let value = { (index: Int) in index < row.count ? row[index].string : nil }
        let who = "\(value(1) ?? "?")@\(value(3) ?? "local")"
        return "pid \(value(0) ?? "?") (\(who), running for \(value(5) ?? "?") s)"
    }

    /// `pid 4242 (user app, application 'migrate', from 10.0.0.5, idle in
    /// transaction, connected 12 s ago, in a transaction for 3 s)`.
    private static func describeSession(_ row: SQLRow) -> String {
        let value = { (index: Int) in index < row.count ? row[index].string : nil }
        var facts: [String] = []
        if let user = value(1) { facts.append("user \(user)") }
        if let application = value(2), !application.isEmpty { facts.append("application '\(application)'") }
        if let client = value(3) { facts.append("from \(client)") }
        if let state = value(4) { facts.append(state) }
        if let connected = value(5) { facts.append("connected \(connected) s ago") }
        if let transaction = value(6) { facts.append("in a transaction for \(transaction) s") }
        let pid = "pid \(value(0) ?? "?")"
        return facts.isEmpty ? pid : "\(pid) (\(facts.joined(separator: ", ")))"
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
