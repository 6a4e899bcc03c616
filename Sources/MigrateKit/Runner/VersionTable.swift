/// The table that records which revisions are applied: one row per applied
/// revision (DESIGN §5). Its statements come from ``VersionTableSQL``; every
/// value goes to the database as a bound parameter.
final class VersionTable {
    let name: String
    /// The database or schema the table is named in
    /// (``Dialect/versionTableSchema(for:)``), or `nil`.
    let schema: String?
    let dialect: any Dialect
    let connection: DatabaseConnection
    /// Whether the table has the progress columns, once asked.
    private var hasProgressColumns: Bool?
    /// Set once ``createIfNeeded()`` has made or checked the table: the
    /// reads after it skip asking the catalog again (two queries a run).
    private var isKnownVersionTable = false

    init(name: String, schema: String? = nil, dialect: any Dialect, connection: DatabaseConnection) {
        self.name = name
        self.schema = schema
        self.dialect = dialect
        self.connection = connection
    }

    private var sql: VersionTableSQL { VersionTableSQL(name: name, schema: schema, dialect: dialect) }

    func exists() throws -> Bool {
        guard let schema else { return try dialect.tableExists(name, on: connection) }
        return try dialect.tableExists(name, inSchema: schema, on: connection)
    }

    private func columnNames() throws -> [String] {
        guard let schema else { return try dialect.columnNames(of: name, on: connection) }
        return try dialect.columnNames(of: name, inSchema: schema, on: connection)
    }

    /// Creates the table when it is missing, and adds the progress columns
    /// to one an earlier release created — after checking that the table
    /// is a version table, so an application's table of that name is never
    /// altered (on MySQL the `ALTER` would commit at once). Call it with
    /// the lock held: a concurrent `CREATE TABLE IF NOT EXISTS` can fail on
    /// PostgreSQL.
    func createIfNeeded() throws {
        guard try exists() else {
            try withGrantAdvice("create the version table \(name)", right: "create tables") {
                try connection.execute(sql.create)
            }
            hasProgressColumns = true
            isKnownVersionTable = true
            return
        }
        let existing = try columnNames()
        try checkIsVersionTable(columns: existing)
        for column in sql.progressColumns {
            guard !existing.contains(column.name) else { continue }
            try withGrantAdvice("add the column \(column.name) to the version table \(name)", right: "alter it") {
                try connection.execute(sql.addColumn(column.name, type: column.type))
            }
        }
        hasProgressColumns = true
        isKnownVersionTable = true
    }

    /// Forgets what ``createIfNeeded()`` found, after a rollback that may
    /// have undone the table's creation or its new columns.
    func forgetCatalog() {
        isKnownVersionTable = false
        hasProgressColumns = nil
    }

    /// Every row; an empty list when the table does not exist yet.
    func rows() throws -> [AppliedRevision] {
        if !isKnownVersionTable {
            guard try exists() else { return [] }
            try checkIsVersionTable(columns: columnNames())
        }
        let progress = try hasProgressColumns ?? columnNames().contains("completed_checksum")
        hasProgressColumns = progress
        return try connection.query(sql.selectAll(withProgress: progress)).map { row in
            AppliedRevision(
                revision: row[0].string ?? "", checksum: row[1].string,
                state: row[2].string.flatMap(AppliedRevision.State.init(rawValue:)) ?? .applied,
                appliedAt: row[3].string, executionMilliseconds: row[4].int ?? 0,
                completedStatements: row[5].int, completedChecksum: row[6].string)
        }
    }

    /// Refuses an application's table that happens to have the name
    /// (`version_table = users`), before any statement trips on its columns.
    private func checkIsVersionTable(columns names: [String]) throws {
        let columns = Set(names.map { $0.lowercased() })
        let missing = VersionTableSQL.columns.filter { !columns.contains($0) }
        if !missing.isEmpty { throw NotAVersionTableError(table: name, missingColumns: missing) }
    }

    func insert(
        _ revision: String, checksum: String?, state: AppliedRevision.State, milliseconds: Int,
        progress: (completed: Int, checksum: String)? = nil
    ) throws {
        try run(sql.insert(revision, checksum: checksum, state: state, milliseconds: milliseconds, progress: progress))
    }

    func update(
        _ revision: String, state: AppliedRevision.State, milliseconds: Int? = nil, checksum: String? = nil,
        progress: (completed: Int, checksum: String)? = nil
    ) throws {
        try run(sql.update(revision, state: state, milliseconds: milliseconds, checksum: checksum, progress: progress))
    }

    /// Records how many statements of the running section took effect.
    func recordProgress(_ revision: String, completed: Int, checksum: String) throws {
        try run(sql.recordProgress(revision, completed: completed, checksum: checksum))
    }

    func delete(_ revision: String) throws {
        try run(sql.delete(revision))
    }

    func deleteAll() throws {
        try connection.execute(sql.deleteAll)
    }

    private func run(_ statement: VersionTableSQL.Statement) throws {
        try connection.execute(statement.sql, binding: statement.values)
    }

    /// Rewords a refused statement as what could not be done and which
    /// right the database user lacks.
    private func withGrantAdvice(_ action: String, right: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as DatabaseError where error.kind == .statement {
            throw DatabaseError(
                .statement,
                "Cannot \(action): \(error.message). The database user needs the right to \(right) here; "
                    + "grant it, or have an administrator do it.",
                sql: error.sql)
        } catch let error as DatabaseError where error.kind == .permissionDenied {
            throw DatabaseError(error.kind, "Cannot \(action): \(error.message)", sql: error.sql)
        }
    }
}
