/// The table that records which revisions are applied: one row per applied
/// revision (DESIGN §5).
struct VersionTable {
    let name: String
    let dialect: any Dialect
    let connection: DatabaseConnection

    private var quotedName: String { dialect.quoteIdentifier(name) }

    func exists() throws -> Bool {
        try dialect.tableExists(name, on: connection)
    }

    /// Creates the table when it is missing. Call it with the lock held: a
    /// concurrent `CREATE TABLE IF NOT EXISTS` can fail on PostgreSQL.
    func createIfNeeded() throws {
        guard try !exists() else { return }
        let types = dialect.versionTableTypes
        do {
            try createTable(types)
        } catch let error as DatabaseError where error.kind == .statement {
            throw DatabaseError(
                .statement,
                "Cannot create the version table \(name): \(error.message). The database user needs the right "
                    + "to create tables here; grant it, or have an administrator create the table.",
                sql: error.sql)
        }
    }

    private func createTable(_ types: VersionTableTypes) throws {
        try connection.execute(
            """
            CREATE TABLE \(quotedName) (
                revision \(types.revision) NOT NULL PRIMARY KEY,
                checksum \(types.text),
                applied_at \(types.timestamp) NOT NULL,
                execution_ms \(types.integer) NOT NULL,
                state \(types.revision) NOT NULL
            )
            """)
    }

    /// Every row; an empty list when the table does not exist yet.
    func rows() throws -> [AppliedRevision] {
        guard try exists() else { return [] }
        return try connection.query(
            "SELECT revision, checksum, state, applied_at, execution_ms FROM \(quotedName)"
        ).map { row in
            AppliedRevision(
                revision: row[0].string ?? "", checksum: row[1].string,
                state: row[2].string.flatMap(AppliedRevision.State.init(rawValue:)) ?? .applied,
                appliedAt: row[3].string, executionMilliseconds: row[4].int ?? 0)
        }
    }

    func insert(_ revision: String, checksum: String?, state: AppliedRevision.State, milliseconds: Int) throws {
        let checksumSQL = checksum.map(dialect.literal) ?? "NULL"
        try connection.execute(
            "INSERT INTO \(quotedName) (revision, checksum, applied_at, execution_ms, state) VALUES ("
                + "\(dialect.literal(revision)), \(checksumSQL), CURRENT_TIMESTAMP, \(milliseconds), "
                + "\(dialect.literal(state.rawValue)))")
    }

    func update(_ revision: String, state: AppliedRevision.State, milliseconds: Int? = nil) throws {
        let timing = milliseconds.map { ", execution_ms = \($0)" } ?? ""
        try connection.execute(
            "UPDATE \(quotedName) SET state = \(dialect.literal(state.rawValue))\(timing) "
                + "WHERE revision = \(dialect.literal(revision))")
    }

    func delete(_ revision: String) throws {
        try connection.execute("DELETE FROM \(quotedName) WHERE revision = \(dialect.literal(revision))")
    }

    func deleteAll() throws {
        try connection.execute("DELETE FROM \(quotedName)")
    }
}
