/// The SQL that reads and writes the version table, for one dialect: used by
/// ``VersionTable`` on a live connection and by the offline script writer, so
/// both write the same statements.
///
/// Live, every value written or compared goes as a bound parameter
/// (``Dialect/placeholder(_:)``), never as SQL text, so no server setting
/// (MySQL's `NO_BACKSLASH_ESCAPES`) can change what is stored. The offline
/// script has no connection and writes values as the dialect's literals.
struct VersionTableSQL {
    let name: String
    /// The database or schema to name the table in, or `nil` to name it alone.
    var schema: String? = nil
    let dialect: any Dialect
    /// `false` for the offline script: values as literals.
    var bindsValues = true

    /// The columns a table written by an earlier release may lack, with
    /// their types, added on the first write (``VersionTable``).
    var progressColumns: [(name: String, type: String)] {
        [("completed_statements", dialect.versionTableTypes.integer), ("completed_checksum", dialect.versionTableTypes.text)]
    }

    /// One statement and the values for its placeholders (empty offline).
    struct Statement {
        var sql: String
        var values: [SQLValue] = []
    }

    private var quotedName: String {
        (schema.map { dialect.quoteIdentifier($0) + "." } ?? "") + dialect.quoteIdentifier(name)
    }

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
                state \(types.revision) NOT NULL,
                completed_statements \(types.integer),
                completed_checksum \(types.text)
            )
            """
    }

    var drop: String { "DROP TABLE \(quotedName)" }

    /// `ALTER TABLE ... ADD COLUMN` for one of ``progressColumns``.
    func addColumn(_ column: String, type: String) -> String {
        "ALTER TABLE \(quotedName) ADD COLUMN \(column) \(type)"
    }

    /// The columns in the order ``VersionTable`` reads them; a table without
    /// the progress columns reads them as NULL.
    func selectAll(withProgress: Bool) -> String {
        let progress = withProgress ? "completed_statements, completed_checksum" : "NULL, NULL"
        return "SELECT revision, checksum, state, applied_at, execution_ms, \(progress) FROM \(quotedName)"
    }

    /// A new row. Offline rows leave the progress columns out, so the script
    /// also runs on a table an earlier release created.
    func insert(
        _ revision: String, checksum: String?, state: AppliedRevision.State, milliseconds: Int,
        progress: (completed: Int, checksum: String)? = nil
    ) -> Statement {
        var values = Values(self)
        var columns = "revision, checksum, applied_at, execution_ms, state"
        var row =
            "\(values.add(revision)), \(values.add(checksum)), CURRENT_TIMESTAMP, \(milliseconds), "
            + values.add(state.rawValue)
        if let progress {
            columns += ", completed_statements, completed_checksum"
            row += ", \(progress.completed), \(values.add(progress.checksum))"
        }
        return values.statement("INSERT INTO \(quotedName) (\(columns)) VALUES (\(row))")
    }

    /// Sets a row's state, and its duration, checksum and progress
    /// (``recordProgress(_:completed:checksum:)``) when given: one statement,
    /// so settling a tracked revision costs one write.
    func update(
        _ revision: String, state: AppliedRevision.State, milliseconds: Int? = nil, checksum: String? = nil,
        progress: (completed: Int, checksum: String)? = nil
    ) -> Statement {
        var values = Values(self)
        var assignments = "state = \(values.add(state.rawValue))"
        if let milliseconds { assignments += ", execution_ms = \(milliseconds)" }
        if let checksum { assignments += ", checksum = \(values.add(checksum))" }
        if let progress {
            assignments += ", completed_statements = \(progress.completed), completed_checksum = \(values.add(progress.checksum))"
        }
        let sql = "UPDATE \(quotedName) SET \(assignments) WHERE revision = \(values.add(revision))"
        return values.statement(sql)
    }

    /// Records that the first `completed` statements of the running section
    /// took effect, with the checksum of their text.
    func recordProgress(_ revision: String, completed: Int, checksum: String) -> Statement {
        var values = Values(self)
        let sql =
            "UPDATE \(quotedName) SET completed_statements = \(completed), "
            + "completed_checksum = \(values.add(checksum)) WHERE revision = \(values.add(revision))"
        return values.statement(sql)
    }

    func delete(_ revision: String) -> Statement {
        var values = Values(self)
        let sql = "DELETE FROM \(quotedName) WHERE revision = \(values.add(revision))"
        return values.statement(sql)
    }

    var deleteAll: String { "DELETE FROM \(quotedName)" }

    /// Collects a statement's values: placeholders and bound values live, the
    /// dialect's literals offline.
    private struct Values {
        let dialect: any Dialect
        let binds: Bool
        var list: [SQLValue] = []

        init(_ sql: VersionTableSQL) {
            dialect = sql.dialect
            binds = sql.bindsValues
        }

        mutating func add(_ value: String?) -> String {
            guard let value else { return "NULL" }
            guard binds else { return dialect.literal(value) }
            list.append(.text(value))
            return dialect.placeholder(list.count)
        }

        /// Call it with the finished SQL in a local: `values.statement("...\(values.add(x))")`
        /// would read the list before `add` appends to it.
        func statement(_ sql: String) -> Statement { Statement(sql: sql, values: list) }
    }
}
