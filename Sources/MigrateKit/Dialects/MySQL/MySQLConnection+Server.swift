import CMariaDB

extension MySQLConnection {
    /// `true` when the server is MariaDB rather than MySQL: its version
    /// string, sent in the handshake, says `MariaDB` (`10.11.6-MariaDB-0+deb12u1`).
    /// Read from the connection, so it costs no statement.
    var serverIsMariaDB: Bool {
        guard let version = handle?.pointee.server_version else { return false }
        return String(cString: version).contains("MariaDB")
    }
}
