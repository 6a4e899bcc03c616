/// Everything the dialect-neutral core needs to know about one database
/// family. Each dialect folder (`Dialects/SQLite`, `Dialects/PostgreSQL`,
/// `Dialects/MySQL`) provides one conforming type; the core never switches
/// on a dialect's name.
public protocol Dialect: ScratchDatabaseHost, Sendable {
    /// The dialect's name as written in `-- migrate:upgrade dialect=NAME`:
    /// `sqlite`, `postgresql` or `mysql`.
    var name: String { get }

    /// `true` when DDL takes part in transactions and rolls back with them
    /// (SQLite, PostgreSQL). `false` for MySQL/MariaDB, where DDL commits
    /// implicitly and a revision is tracked with an `applying` row instead.
    var hasTransactionalDDL: Bool { get }

    /// `true` when a database is a file rather than a database on a server.
    var databasesAreFiles: Bool { get }

    /// How revision files are split into statements for this dialect.
    var splitterFlavor: SplitterFlavor { get }

    /// Quotes a table or column name.
    func quoteIdentifier(_ name: String) -> String

    /// Writes a string as an SQL literal, escaped for this dialect.
    func literal(_ value: String) -> String

    /// The placeholder for the `position`th (1-based) bound value in a
    /// statement run with ``DatabaseConnection/execute(_:binding:)``.
    /// Default: `?`.
    func placeholder(_ position: Int) -> String

    /// The column types the version table uses.
    /// `revision` must hold ``RevisionID/maximumLength`` characters.
    var versionTableTypes: VersionTableTypes { get }

    /// Opens a connection to the database the URL names.
    func connect(to url: DatabaseURL) throws -> DatabaseConnection

    /// Opens a connection for commands that only read (`current`): it must
    /// not create anything, not even an SQLite file.
    func connectForReading(to url: DatabaseURL) throws -> DatabaseConnection

    /// Where the database would be, when the URL names one that does not
    /// exist yet and connecting for writing would create it (an SQLite
    /// file). `nil` when the database exists or is never created on connect.
    func absentDatabaseLocation(_ url: DatabaseURL) -> AbsentDatabaseLocation?

    /// Starts a transaction. On SQLite this also takes the write lock at
    /// once (`BEGIN IMMEDIATE`), so the application cannot write in between.
    func beginTransaction(on connection: DatabaseConnection) throws

    /// Takes the database-level lock that serialises `upgrade`, `downgrade`
    /// and `stamp` across processes, waiting at most `wait.timeout` seconds,
    /// telling `wait.report` who holds it once `wait.patience` seconds have
    /// passed, and giving up as soon as `wait.isCancelled()`. It must
    /// outlive transactions: it is held across the commits around a
    /// `transaction=false` section until ``releaseLock(_:on:)`` or the end
    /// of the process. A database only one connection can see (SQLite
    /// `:memory:`) needs none.
    /// - Throws: ``DatabaseError`` of kind `.lockTimeout`, naming the holder
    ///   where the database can tell, or `.cancelled`.
    func acquireLock(_ key: String, on connection: DatabaseConnection, wait: LockWait) throws

    /// SQL that bounds every lock wait of the session to `seconds` with the
    /// server's own timeouts (PostgreSQL `lock_timeout`, MySQL
    /// `lock_wait_timeout` and `innodb_lock_wait_timeout`), keeping the
    /// session's own values so ``restoreLockWaitsSQL`` can put them back.
    /// `nil` (the default) when the connection bounds its waits otherwise.
    func boundLockWaitsSQL(seconds: Double) -> String?

    /// SQL that puts back the lock-wait settings ``boundLockWaitsSQL(seconds:)``
    /// replaced, so revision SQL runs with the session's own.
    var restoreLockWaitsSQL: String? { get }

    /// Releases the lock taken by ``acquireLock(_:on:wait:)``.
    func releaseLock(_ key: String, on connection: DatabaseConnection) throws

    /// The lock strategy for runs on this connection: the session lock above
    /// unless sessions do not survive a commit here (a transaction pooler,
    /// given by `pooler` or detected on the connection). Default:
    /// ``SessionMigrationLock``.
    func migrationLock(on connection: DatabaseConnection, pooler: PoolerMode) throws -> any MigrationLock

    /// Why the server refuses writes — a hot standby, a replica with
    /// `read_only` — as a phrase for the error, or `nil` when it accepts
    /// them. Writing commands ask before they do anything. Default: `nil`.
    func readOnlyReason(on connection: DatabaseConnection) throws -> String?

    /// ``boundLockWaitsSQL(seconds:)``, with settings local to the open
    /// transaction when `transactionLocal` (``MigrationLock/settingsMustBeTransactionLocal``).
    /// Default: the session-level SQL.
    func boundLockWaitsSQL(seconds: Double, transactionLocal: Bool) -> String?

    /// ``restoreLockWaitsSQL``, local to the open transaction when `transactionLocal`.
    func restoreLockWaitsSQL(transactionLocal: Bool) -> String?

    /// A prefix that bounds the lock waits of the one statement it starts
    /// to `seconds` (MariaDB's `SET STATEMENT ... FOR`), when the server on
    /// this connection has one. migrate's own statements then carry it and
    /// the session's settings are never changed, which spares the two
    /// statements per revision that would bound and restore them
    /// (``boundLockWaitsSQL(seconds:)``). Default: `nil`.
    func lockWaitBoundPrefix(seconds: Double, on connection: DatabaseConnection) -> String?

    /// `true` when a table of this name exists in the connection's current
    /// database or schema (the version table is created on first write, and
    /// read-only commands must not create it).
    func tableExists(_ name: String, on connection: DatabaseConnection) throws -> Bool

    /// The column names of the table `tableExists` finds (empty when there
    /// is none): to tell the version table from an application's table of
    /// the same name.
    func columnNames(of table: String, on connection: DatabaseConnection) throws -> [String]

    /// The database or schema migrate's own statements name the version
    /// table in, when revision SQL can change the current one under them
    /// (MySQL `USE other_db`); `nil` (the default) to name it alone.
    func versionTableSchema(for url: DatabaseURL) -> String?

    /// ``tableExists(_:on:)`` in the named database or schema
    /// (``versionTableSchema(for:)``).
    func tableExists(_ name: String, inSchema schema: String, on connection: DatabaseConnection) throws -> Bool

    /// ``columnNames(of:on:)`` in the named database or schema.
    func columnNames(of table: String, inSchema schema: String, on connection: DatabaseConnection) throws -> [String]

    /// `true` when the database the URL names exists.
    func databaseExists(_ url: DatabaseURL) throws -> Bool

    /// Creates the database the URL names.
    func createDatabase(_ url: DatabaseURL) throws

    /// Drops the database the URL names, ending the sessions still
    /// connected to it.
    /// - Returns: how many other sessions were ended, or `nil` where the
    ///   database has no sessions to end (an SQLite file).
    @discardableResult
    func dropDatabase(_ url: DatabaseURL) throws -> Int?

    /// Reads the schema of a database of this dialect into the shared model.
    var inspector: any SchemaInspector { get }

    /// The inspector that also reads `schemas` besides the current one
    /// (`include_schemas`), or `nil` when the dialect has no such schemas.
    /// Default: ``inspector`` when `schemas` is empty, else `nil`.
    func inspector(includingSchemas schemas: [String]) -> (any SchemaInspector)?

    /// Writes schema changes as SQL in this dialect.
    var renderer: any SchemaRenderer { get }

    /// `true` when two type spellings the inspector reported mean the same
    /// type. Default: equal ignoring case.
    func typesAreEquivalent(_ a: String, _ b: String) -> Bool

    /// `true` when the database (not the user) chose this name for a
    /// constraint or index of `table`, so the differ compares it by
    /// definition rather than by name. Default: never.
    func isGeneratedName(_ name: String, for kind: SchemaElementKind, on table: String) -> Bool

    /// `true` when DDL enforces foreign keys (PostgreSQL, MySQL): `CREATE
    /// TABLE` fails on a reference to a table that does not exist yet, and a
    /// referenced key cannot be dropped or a column at either end retyped
    /// while the foreign key stands. The differ then creates referenced
    /// tables first, adds the foreign keys of a cycle afterwards, and drops
    /// and re-adds foreign keys in the way. SQLite checks references only
    /// when rows change. Default: `true`.
    var requiresReferencedTablesToExist: Bool { get }

    /// `true` when `from` can become `to` without dropping it (PostgreSQL
    /// `ALTER TYPE ... ADD VALUE`, `CREATE OR REPLACE`): the change is then
    /// one `alterObject` the renderer writes. Default: never, the object is
    /// dropped and created again.
    func canAlterInPlace(_ from: SchemaObject, to: SchemaObject) -> Bool

    /// `true` when `changes` to `table` force `object`, which reads the
    /// table, to be dropped before them and created again after (a view
    /// over a retyped column; on SQLite, anything over a rebuilt table).
    func tableChanges(
        _ changes: [SchemaChange], on table: String, disturb object: SchemaObject, current: Schema, target: Schema
    ) -> Bool

    /// What `change` (one of `changes`) can lose, in words (`drops column
    /// users.fax`), or `nil` when it keeps every value. Default:
    /// ``SchemaChange/dataLoss``; a dialect adds what only it
    /// models (PostgreSQL enum types).
    func dataLoss(of change: SchemaChange, among changes: [SchemaChange]) -> String?
}

/// The column types of the version table in one dialect.
public struct VersionTableTypes: Sendable {
    /// The type of the `revision` and `state` columns: it must hold
    /// ``RevisionID/maximumLength`` characters.
    public var revision: String
    /// The type of the `checksum` and `completed_checksum` columns.
    public var text: String
    /// The type of the `applied_at` column.
    public var timestamp: String
    /// The type of the `execution_ms` and `completed_statements` columns.
    public var integer: String

    /// The types as the dialect spells them, e.g. `VARCHAR(64)`, `TEXT`,
    /// `TIMESTAMPTZ`, `BIGINT`.
    public init(revision: String, text: String, timestamp: String, integer: String) {
        self.revision = revision
        self.text = text
        self.timestamp = timestamp
        self.integer = integer
    }
}

extension Dialect {
    /// `true` when a database is a file beside the others rather than a
    /// database on a server (SQLite): temporary databases then go in a
    /// folder of their own.
    public var databasesAreFiles: Bool { false }

    /// Waits for the lock with no progress report and no cancellation.
    public func acquireLock(_ key: String, on connection: DatabaseConnection, timeout: Double) throws {
        try acquireLock(key, on: connection, wait: LockWait(timeout: timeout))
    }

    /// No session-level bound: the connection bounds its lock waits otherwise.
    public func boundLockWaitsSQL(seconds: Double) -> String? { nil }
    /// `nil`: the version table is named alone, in the connection's current schema.
    public func versionTableSchema(for url: DatabaseURL) -> String? { nil }

    /// Ignores `schema` and asks ``tableExists(_:on:)``: right for dialects
    /// whose ``versionTableSchema(for:)`` is `nil`.
    public func tableExists(_ name: String, inSchema schema: String, on connection: DatabaseConnection) throws -> Bool {
        try tableExists(name, on: connection)
    }

    /// Ignores `schema` and asks ``columnNames(of:on:)``: right for dialects
    /// whose ``versionTableSchema(for:)`` is `nil`.
    public func columnNames(of table: String, inSchema schema: String, on connection: DatabaseConnection) throws -> [String] {
        try columnNames(of: table, on: connection)
    }
    /// `nil`: nothing to restore when ``boundLockWaitsSQL(seconds:)`` set nothing.
    public var restoreLockWaitsSQL: String? { nil }

    /// `?`, whatever the position.
    public func placeholder(_ position: Int) -> String { "?" }

    /// `true` when `table` has a column of this name (a version table of an
    /// earlier release lacks the newer columns).
    public func columnExists(_ column: String, in table: String, on connection: DatabaseConnection) throws -> Bool {
        try columnNames(of: table, on: connection).contains(column)
    }

    /// Servers never create a database on connect, so reading and writing
    /// connect alike.
    public func connectForReading(to url: DatabaseURL) throws -> DatabaseConnection {
        try connect(to: url)
    }

    /// ``inspector`` when `schemas` is empty; `nil` (no schemas besides the
    /// current one) otherwise.
    public func inspector(includingSchemas schemas: [String]) -> (any SchemaInspector)? {
        schemas.isEmpty ? inspector : nil
    }

    /// Servers never create a database on connect: nothing to say.
    public func absentDatabaseLocation(_ url: DatabaseURL) -> AbsentDatabaseLocation? { nil }
}
