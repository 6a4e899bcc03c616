/// The SQL that reads and writes the version table, for one dialect: used by
/// ``VersionTable`` on a live connection and by the offline script writer, so
/// both write the same statements.
struct VersionTableSQL {
    let name: String
    let dialect: any Dialect

    private var quotedName: String { dialect.quoteIdentifier(name) }

    /// The columns every version table has, whatever release created it.
    static let columns = ["revision", "checksum", "applied_at", "execution_ms", "state"]

    /// `CREATE TABLE` with the dialect's ``VersionTableTypes``.
    var create: String {
        let types = dialect.versionTableTypes
        return """
            CREATE TABLE \(quotedName) (
                revision \(types.revision) NOT NULL PRIMARY KEY,
                checksum \(types.text),
                applied_at \(types.timestamp) NOT NULL,
                execution_ms \(types.integer) NOT NULL,
                state \(types.revision) NOT NULL
            )
            """
    }

    var drop: String { "DROP TABLE \(quotedName)" }

    /// The columns in the order ``VersionTable`` reads them.
    var selectAll: String {
        "SELECT revision, checksum, state, applied_at, execution_ms FROM \(quotedName)"
    }

    func insert(_ revision: String, checksum: String?, state: AppliedRevision.State, milliseconds: Int) -> String {
        let checksumSQL = checksum.map(dialect.literal) ?? "NULL"
        return "INSERT INTO \(quotedName) (revision, checksum, applied_at, execution_ms, state) VALUES ("
            + "\(dialect.literal(revision)), \(checksumSQL), CURRENT_TIMESTAMP, \(milliseconds), "
            + "\(dialect.literal(state.rawValue)))"
    }

    func update(_ revision: String, state: AppliedRevision.State, milliseconds: Int? = nil) -> String {
        let timing = milliseconds.map { ", execution_ms = \($0)" } ?? ""
        return "UPDATE \(quotedName) SET state = \(dialect.literal(state.rawValue))\(timing) "
            + "WHERE revision = \(dialect.literal(revision))"
    }

    func delete(_ revision: String) -> String {
        "DELETE FROM \(quotedName) WHERE revision = \(dialect.literal(revision))"
    }

    var deleteAll: String { "DELETE FROM \(quotedName)" }
}
