/// The table that records which revisions are applied: one row per applied
/// revision (DESIGN §5). Its statements come from ``VersionTableSQL``.
struct VersionTable {
    let name: String
    let dialect: any Dialect
    let connection: DatabaseConnection

    private var sql: VersionTableSQL { VersionTableSQL(name: name, dialect: dialect) }

    func exists() throws -> Bool {
        try dialect.tableExists(name, on: connection)
    }

    /// Creates the table when it is missing. Call it with the lock held: a
    /// concurrent `CREATE TABLE IF NOT EXISTS` can fail on PostgreSQL.
    func createIfNeeded() throws {
        guard try !exists() else { return }
        do {
            try connection.execute(sql.create)
        } catch let error as DatabaseError where error.kind == .statement {
            throw DatabaseError(
                .statement,
                "Cannot create the version table \(name): \(error.message). The database user needs the right "
                    + "to create tables here; grant it, or have an administrator create the table.",
                sql: error.sql)
        } catch let error as DatabaseError where error.kind == .permissionDenied {
            throw DatabaseError(error.kind, "Cannot create the version table \(name): \(error.message)", sql: error.sql)
        }
    }

    /// Every row; an empty list when the table does not exist yet.
    func rows() throws -> [AppliedRevision] {
        guard try exists() else { return [] }
        try checkIsVersionTable()
        return try connection.query(sql.selectAll).map { row in
            AppliedRevision(
                revision: row[0].string ?? "", checksum: row[1].string,
                state: row[2].string.flatMap(AppliedRevision.State.init(rawValue:)) ?? .applied,
                appliedAt: row[3].string, executionMilliseconds: row[4].int ?? 0)
        }
    }

    /// Refuses an application's table that happens to have the name
    /// (`version_table = users`), before any statement trips on its columns.
    private func checkIsVersionTable() throws {
        let columns = Set(try dialect.columnNames(of: name, on: connection).map { $0.lowercased() })
        let missing = VersionTableSQL.columns.filter { !columns.contains($0) }
        if !missing.isEmpty { throw NotAVersionTableError(table: name, missingColumns: missing) }
    }

    func insert(_ revision: String, checksum: String?, state: AppliedRevision.State, milliseconds: Int) throws {
        try connection.execute(sql.insert(revision, checksum: checksum, state: state, milliseconds: milliseconds))
    }

    func update(_ revision: String, state: AppliedRevision.State, milliseconds: Int? = nil) throws {
        try connection.execute(sql.update(revision, state: state, milliseconds: milliseconds))
    }

    func delete(_ revision: String) throws {
        try connection.execute(sql.delete(revision))
    }

    func deleteAll() throws {
        try connection.execute(sql.deleteAll)
    }
}
