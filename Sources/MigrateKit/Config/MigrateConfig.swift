import Foundation

/// The settings of one `migrate.ini` section (Alembic's `[alembic]`), with
/// the database URL resolved from `--url`, `DATABASE_URL`, `.env` and the file.
///
/// ```ini
/// [migrate]
/// script_location = %(here)s/migrations
/// url = postgresql://app:${DB_PASSWORD}@localhost/app
/// schema = schema.sql
/// version_table = migrate_version
/// transaction_per_migration = false
/// lock_timeout = 60
/// pooler = auto
/// exclude_tables = spatial_ref_sys, audit_*
/// ```
public struct MigrateConfig: Sendable {
    /// The absolute path of the `migrate.ini` read (`nil` when built in code).
    public var configFile: String?
    /// The section read: `migrate`, or the `--name` given.
    public var section: String
    /// The absolute path of the migrations folder (`script.sql.template`, `versions/`).
    public var scriptLocation: String
    /// The database, by precedence (see ``urlSource``); `nil` when none is set anywhere.
    public var url: DatabaseURL?
    /// Where ``url`` came from: `--url`, `DATABASE_URL`, `.env` or `migrate.ini`
    /// (`nil` when there is no URL or the configuration was built in code).
    public var urlSource: String?
    /// The declared schema, a `.sql` file or a folder of them, as an absolute path.
    public var schema: String?
    /// `dev_url`: a scratch database for comparing schemas.
    public var devURL: DatabaseURL?
    /// The table recording applied revisions (`version_table`, default `migrate_version`).
    public var versionTable: String
    /// New revision file names (Alembic's `file_template`, default `%(rev)s_%(slug)s`),
    /// as it reads after INI interpolation: `%%(rev)s` in the file is `%(rev)s` here.
    public var fileTemplate: String
    /// The longest slug kept in a file name (`truncate_slug_length`, default 40).
    public var truncateSlugLength: Int
    /// Whether each revision commits on its own (`transaction_per_migration`,
    /// default `false`: one transaction for the whole run where the database allows).
    public var transactionPerMigration: Bool
    /// Seconds to wait for another process's migration lock (`lock_timeout`, default 60).
    public var lockTimeout: Double
    /// What sits between `migrate` and the server (`pooler = auto | session |
    /// none | transaction`, default `auto`: the dialect detects it). Through a
    /// transaction pooler the migration lock lives inside one transaction.
    public var pooler: PoolerMode = .auto
    /// Table-name globs that schema comparison leaves alone (`exclude_tables`,
    /// separated by commas or whitespace).
    public var excludeTables: [String]
    /// PostgreSQL schemas besides the current one (`current_schema()`,
    /// usually `public`) whose tables and objects autogenerate, `check` and
    /// `inspect` compare (`include_schemas`, separated by commas or
    /// whitespace). Their objects are named `schema.name`.
    public var includeSchemas: [String] = []
    /// Whether autogenerate writes online-safe SQL (`online`, default `false`;
    /// `revision --autogenerate --online` asks for it once).
    public var online: Bool
    /// How long a revision statement written by online autogenerate may wait
    /// for a table lock (`statement_lock_timeout`, default `5s`), in
    /// milliseconds. Not ``lockTimeout``, which bounds the migration lock.
    public var statementLockTimeoutMilliseconds: Int

    /// The default `version_table`.
    public static let defaultVersionTable = "migrate_version"
    /// The default `file_template`.
    public static let defaultFileTemplate = "%(rev)s_%(slug)s"

    /// A configuration built in code; every other setting takes its default.
    public init(scriptLocation: String, url: DatabaseURL?, configFile: String? = nil, section: String = "migrate") {
        self.configFile = configFile
        self.section = section
        self.scriptLocation = scriptLocation
        self.url = url
        self.urlSource = nil
        self.schema = nil
        self.devURL = nil
        self.versionTable = Self.defaultVersionTable
        self.fileTemplate = Self.defaultFileTemplate
        self.truncateSlugLength = 40
        self.transactionPerMigration = false
        self.lockTimeout = 60
        self.excludeTables = []
        self.online = false
        self.statementLockTimeoutMilliseconds = 5000
    }
}
