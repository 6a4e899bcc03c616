import Foundation

/// The connection to a scratch database or schema as the declared schema
/// sees it: a `pg_dump -s` file works as it is.
///
/// - Session settings the declared files make (`SET ...`,
///   `SELECT pg_catalog.set_config('search_path', '', false)`) are undone
///   before the inspector's first query (`RESET ALL`, then the scratch
///   schema's search path again), so the schema is read as declared, not
///   as an empty `search_path` would show it.
/// - psql's `\restrict key` / `\unrestrict key` lines (which `pg_dump`
///   15.14 and later write first and last) never get here: the statement
///   splitter skips them (``SplitterFlavor/psqlMetaCommands``).
/// - Ownership and privileges are not modelled: `ALTER ... OWNER TO`,
///   `GRANT` and `REVOKE` are skipped, since they name roles of the
///   database the dump came from, which need not exist here.
final class PostgreSQLScratchSession: ForwardingConnection {
    /// The statement that makes the scratch schema current again, if any.
    private let searchPath: String?
    private var settingsMayHaveChanged = false

    init(_ connection: DatabaseConnection, searchPath: String?) {
        self.searchPath = searchPath
        super.init(connection)
    }

    override func execute(_ sql: String) throws {
        guard !Self.isOwnershipOrPrivilege(sql) else { return }
        settingsMayHaveChanged = true
        try base.execute(sql)
    }

    override func query(_ sql: String) throws -> [SQLRow] {
        if settingsMayHaveChanged {
            settingsMayHaveChanged = false
            try base.execute("RESET ALL")
            if let searchPath { try base.execute(searchPath) }
        }
        return try base.query(sql)
    }

    override func execute(_ sql: String, binding values: [SQLValue]) throws {
        settingsMayHaveChanged = true
        try base.execute(sql, binding: values)
    }

    /// `ALTER <anything> OWNER TO role`, `GRANT ...`, `REVOKE ...`.
    static func isOwnershipOrPrivilege(_ sql: String) -> Bool {
        let words = sql.uppercased().split(whereSeparator: { $0.isWhitespace })
        guard let first = words.first else { return false }
        if first == "GRANT" || first == "REVOKE" { return true }
        guard first == "ALTER" else { return false }
        return zip(words, words.dropFirst()).contains { $0 == "OWNER" && $1 == "TO" }
    }
}
