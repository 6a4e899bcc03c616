import CLibPQ

/// The libpq connection keywords (`PQconnectStartParams`) for a database URL.
///
/// `migrate` always sets `application_name=migrate` (so a lock holder is
/// recognisable in `pg_stat_activity`; a URL may override it) and
/// `client_encoding=UTF8` (rows are read as UTF-8). Other URL query options
/// that libpq knows (`sslrootcert`, `target_session_attrs`, `options`, ...)
/// are passed through; options of other tools (`min_size`) are ignored.
struct PostgreSQLConnectionOptions {
    /// Seconds to wait for the server when the URL gives no `connect_timeout`.
    static let defaultConnectTimeout = 10

    /// Keyword and value pairs, in the order libpq receives them.
    var parameters: [(keyword: String, value: String)]
    /// Seconds to wait for the server (at least 1: the URL parser refuses 0).
    var connectTimeout: Int

    init(url: DatabaseURL) {
        // The URL's own fields first; libpq's URI form also allows them as
        // query options (`postgresql:///app?host=/run/postgresql&port=5433`).
        let explicit: [(String, String?)] = [
            ("host", nonEmpty(url.unixSocket) ?? nonEmpty(url.host) ?? nonEmpty(url.options["host"])),
            ("port", url.port.map(String.init) ?? nonEmpty(url.options["port"])),
            ("user", nonEmpty(url.user) ?? nonEmpty(url.options["user"])),
            ("password", url.password ?? url.options["password"]),
            ("dbname", nonEmpty(url.database) ?? nonEmpty(url.options["dbname"])),
            ("sslmode", nonEmpty(url.sslMode)),
        ]
        // A URL built in code skips the parser's check: 0 still never waits forever.
        connectTimeout = url.connectTimeout.flatMap { $0 > 0 ? $0 : nil } ?? Self.defaultConnectTimeout
        var parameters: [(keyword: String, value: String)] = []
        for (keyword, value) in url.options.sorted(by: { $0.key < $1.key })
        where Self.passThroughKeywords.contains(keyword) {
            parameters.append((keyword, value))
        }
        if url.options["application_name"] == nil { parameters.append(("application_name", "migrate")) }
        for case (let keyword, let value?) in explicit { parameters.append((keyword, value)) }
        parameters.append(("connect_timeout", String(connectTimeout)))
        parameters.append(("client_encoding", "UTF8"))
        self.parameters = parameters
    }

    /// The keywords the URL's own fields set, and those `migrate` must control
    /// (`replication` would turn the session into a WAL sender).
    private static let reservedKeywords: Set<String> = [
        "host", "port", "user", "password", "dbname", "sslmode", "connect_timeout",
        "client_encoding", "replication",
    ]

    /// Every keyword this libpq accepts (`PQconndefaults`), less the reserved ones.
    static let passThroughKeywords: Set<String> = {
        var keywords: Set<String> = []
        guard let defaults = PQconndefaults() else { return keywords }
        defer { PQconninfoFree(defaults) }
        var option = defaults
        while let keyword = option.pointee.keyword {
            keywords.insert(String(cString: keyword))
            option += 1
        }
        return keywords.subtracting(reservedKeywords)
    }()
}

private func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text
}
