extension MySQLDialect {
    /// A replica is marked `read_only` (MySQL's `super_read_only` turns
    /// `read_only` on with it). Writing commands refuse whenever it is on,
    /// even for a user whose privileges (`SUPER`, MariaDB's `READ_ONLY
    /// ADMIN`) would let the writes through: on a replica those writes
    /// diverge from the primary or break replication.
    public func readOnlyReason(on connection: DatabaseConnection) throws -> String? {
        guard let value = try connection.scalar("SELECT @@GLOBAL.read_only")?.string,
            value == "1" || value.uppercased() == "ON"
        else { return nil }
        return "read_only is ON: the server is a replica, or was set read-only"
    }
}
