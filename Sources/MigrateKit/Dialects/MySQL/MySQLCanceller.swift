/// Cancels the statement a MySQL or MariaDB connection runs: `KILL QUERY
/// <id>` sent from a second connection, opened for the purpose, to the same
/// server as the same user. The statement fails with error 1317 (or, for a
/// `SLEEP` or `GET_LOCK`, returns early); the connection stays open.
struct MySQLCanceller: QueryCanceller {
    /// The connection's URL; the canceller connects with it.
    let url: DatabaseURL
    /// The server's id of the connection to cancel (`CONNECTION_ID()`).
    let connectionID: UInt

    func cancel() {
        var url = url
        // A cancel should be quick or nothing: a second Ctrl-C exits anyway.
        url.options["connect_timeout"] = String(min(url.connectTimeout ?? 5, 5))
        guard let killer = try? MySQLConnection(url: url) else { return }
        defer { killer.close() }
        try? killer.execute("KILL QUERY \(connectionID)")
    }
}
