extension MySQLDialect {
    /// On MariaDB, `SET STATEMENT lock_wait_timeout = N,
    /// innodb_lock_wait_timeout = N FOR ` (MariaDB 10.1.2 and later), which
    /// sets both for the one statement that follows and puts the session's
    /// values back after it; `N` is whole seconds, as in
    /// ``boundLockWaitsSQL(seconds:)``. MySQL has no such statement (its
    /// `SET_VAR` hint does not take InnoDB's variables), so there the
    /// session is bounded and restored.
    public func lockWaitBoundPrefix(seconds: Double, on connection: DatabaseConnection) -> String? {
        guard (connection as? MySQLConnection)?.serverIsMariaDB == true else { return nil }
        let whole = seconds.isFinite ? min(max(1, Int(seconds.rounded(.up))), 31_536_000) : 31_536_000
        return "SET STATEMENT lock_wait_timeout = \(whole), innodb_lock_wait_timeout = \(whole) FOR "
    }
}
