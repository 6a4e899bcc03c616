import Foundation

extension MySQLDialect {
    /// Takes the server-wide named lock `GET_LOCK(name, timeout)`, waiting
    /// on the server: first for `wait.patience` seconds, then, after telling
    /// `wait.report` who holds it, for the rest of `wait.timeout`. The name
    /// is the key itself, or when the key is longer than the 64 characters
    /// MySQL allows, its start and a hash (`lockName(for:)`). A cancel
    /// (`KILL QUERY`) ends the wait.
    ///
    /// A lock belongs to the connection: it is released by
    /// ``releaseLock(_:on:)`` or when the connection closes.
    /// - Throws: ``DatabaseError`` of kind `.lockTimeout`, naming the
    ///   connection that holds the lock (`IS_USED_LOCK`, then its user,
    ///   host, command and time from `information_schema.PROCESSLIST`), or
    ///   `.cancelled`.
    public func acquireLock(_ key: String, on connection: DatabaseConnection, wait: LockWait) throws {
        let name = Self.lockName(for: key)
        let timeout = wait.timeout.isNaN ? 0 : min(max(wait.timeout, 0), 31_536_000)
        let first = min(max(wait.patience, 0), timeout)
        if try getLock(name, seconds: first, on: connection, wait: wait) { return }
        if timeout > first {
            wait.report(holder(of: name, on: connection))
            if try getLock(name, seconds: timeout - first, on: connection, wait: wait) { return }
        }
        let sql = "SELECT GET_LOCK(\(literal(name)), \(Self.seconds(timeout)))"
        throw DatabaseError(
            .lockTimeout,
            "Timed out after \(Self.seconds(timeout)) s waiting for the migration lock '\(name)': it is held by "
                + "\(holder(of: name, on: connection)). Wait for the other migration to finish, "
                + "or raise lock_timeout.",
            sql: sql)
    }

    /// One `GET_LOCK` of at most `seconds`: `true` when taken, `false` when
    /// the time ran out.
    private func getLock(_ name: String, seconds: Double, on connection: DatabaseConnection, wait: LockWait) throws -> Bool {
        let sql = "SELECT GET_LOCK(\(literal(name)), \(Self.seconds(seconds)))"
        let result: SQLValue?
        do {
            result = try connection.scalar(sql)
        } catch  where wait.isCancelled() {
            throw MigrationCancellation.cancelledError
        }
        if wait.isCancelled() {
            if result == .text("1") { try? releaseLock(name, on: connection) }
            throw MigrationCancellation.cancelledError
        }
        switch result {
        case .text("1"):
            return true
        case .text("0"):
            return false
        default:
            throw DatabaseError(
                .statement,
                "GET_LOCK returned NULL for the migration lock '\(name)': the server could not take it "
                    + "(the connection may have been killed). Try again.",
                sql: sql)
        }
    }

    /// Bounds the session's waits for metadata locks (`lock_wait_timeout`)
    /// and row locks (`innodb_lock_wait_timeout`), whole seconds and at
    /// least 1, keeping the session's own values in user variables.
    public func boundLockWaitsSQL(seconds: Double) -> String? {
        let whole = seconds.isFinite ? min(max(1, Int(seconds.rounded(.up))), 31_536_000) : 31_536_000
        return "SET @migrate_saved_lock_wait_timeout = @@SESSION.lock_wait_timeout, "
            + "@migrate_saved_innodb_lock_wait_timeout = @@SESSION.innodb_lock_wait_timeout; "
            + "SET SESSION lock_wait_timeout = \(whole), SESSION innodb_lock_wait_timeout = \(whole)"
    }

    /// Puts back the session's `lock_wait_timeout` and
    /// `innodb_lock_wait_timeout` that ``boundLockWaitsSQL(seconds:)`` saved.
    public var restoreLockWaitsSQL: String? {
        "SET SESSION lock_wait_timeout = @migrate_saved_lock_wait_timeout, "
            + "SESSION innodb_lock_wait_timeout = @migrate_saved_innodb_lock_wait_timeout"
    }

    /// `RELEASE_LOCK(name)`; releasing a lock this connection does not hold
    /// does nothing.
    public func releaseLock(_ key: String, on connection: DatabaseConnection) throws {
        try connection.execute("DO RELEASE_LOCK(\(literal(Self.lockName(for: key))))")
    }

    /// The `GET_LOCK` name for a key: the key when it has at most 64
    /// characters, else its first 47, a dot and 16 hex digits of its 64-bit
    /// FNV-1a hash (the same in every process, unlike `Hasher`).
    static func lockName(for key: String) -> String {
        let limit = 64
        guard key.unicodeScalars.count > limit else { return key }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        let hex = String(repeating: "0", count: 16 - digits.count) + digits
        let prefix = String(String.UnicodeScalarView(key.unicodeScalars.prefix(limit - 1 - hex.count)))
        return prefix + "." + hex
    }

    /// A timeout as `GET_LOCK` takes it: seconds, at least 0, at most a
    /// year, with no more than three decimals.
    static func seconds(_ timeout: Double) -> String {
        let clamped = timeout.isNaN ? 0 : min(max(timeout, 0), 31_536_000)
        if clamped == clamped.rounded() { return String(Int(clamped)) }
        return String(format: "%.3f", clamped)
    }

    /// "connection 42 (app@10.0.0.7:51234, Query for 12 s)", as far
    /// as the server tells; PROCESSLIST shows other users' connections only
    /// with the PROCESS privilege.
    private func holder(of name: String, on connection: DatabaseConnection) -> String {
        guard let value = try? connection.scalar("SELECT IS_USED_LOCK(\(literal(name)))"), let id = value.int else {
            return "another connection, which has just released it"
        }
        let row =
            (try? connection.query(
                "SELECT USER, HOST, COMMAND, TIME FROM information_schema.PROCESSLIST WHERE ID = \(id)"))?.first
        guard let row, row.count == 4 else { return "connection \(id)" }
        let user = row[0].string ?? "?"
        let host = row[1].string ?? "?"
        let command = row[2].string ?? "?"
        let time = row[3].string ?? "?"
        return "connection \(id) (\(user)@\(host), \(command) for \(time) s)"
    }
}
