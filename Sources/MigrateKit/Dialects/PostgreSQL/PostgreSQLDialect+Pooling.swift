import CLibPQ

extension PostgreSQLDialect {
    /// The session advisory lock, or `PostgreSQLTransactionLock` through a
    /// transaction pooler: `pooler = transaction`, or, with `pooler = auto`,
    /// a pooler detected on the connection.
    ///
    /// Detection: a server announces its process id when a client connects
    /// (`BackendKeyData`, which libpq's `PQbackendPID` returns). A pooler
    /// answers the connection itself and announces a made-up id of its own
    /// (PgBouncer always does, in every pool mode), so it differs from what
    /// `pg_backend_pid()` says on the server connection that runs the query.
    /// A plain TCP proxy passes the server's message through and is not
    /// mistaken for a pooler. A pooler in session mode is detected too (it
    /// cannot be told from transaction mode); `pooler = session` says
    /// otherwise.
    public func migrationLock(on connection: DatabaseConnection, pooler: PoolerMode) throws -> any MigrationLock {
        switch pooler {
        case .session:
            return SessionMigrationLock(self)
        case .transaction:
            return PostgreSQLTransactionLock(dialect: self, reason: "migrate.ini says pooler = transaction")
        case .auto:
            guard let pooled = try poolerEvidence(on: connection) else { return SessionMigrationLock(self) }
            return PostgreSQLTransactionLock(dialect: self, reason: "the connection goes through a pooler (\(pooled))")
        }
    }

    /// Why the connection looks pooled, or `nil` when it talks to the
    /// server process it connected to.
    func poolerEvidence(on connection: DatabaseConnection) throws -> String? {
        guard let announced = (connection as? PostgreSQLConnection)?.announcedBackendPID,
            let serving = try connection.scalar("SELECT pg_backend_pid()")?.string
        else { return nil }
        guard serving != String(announced) else { return nil }
        return "the server process is pid \(serving), not the pid \(announced) the connection announced"
    }

    /// A hot standby (`pg_is_in_recovery()`) refuses every write.
    public func readOnlyReason(on connection: DatabaseConnection) throws -> String? {
        guard try connection.scalar("SELECT pg_is_in_recovery()")?.string == "t" else { return nil }
        return "pg_is_in_recovery() is true: the server replays a primary's WAL and accepts no writes"
    }
}

extension PostgreSQLConnection {
    /// The process id the server (or a pooler, in its place) announced at
    /// connect time.
    var announcedBackendPID: Int32? {
        handle.map { PQbackendPID($0) }
    }
}
