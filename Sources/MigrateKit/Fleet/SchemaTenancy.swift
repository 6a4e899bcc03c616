/// A dialect whose server keeps tenants side by side in schemas (PostgreSQL)
/// or databases (MySQL, where the two are one): `schemas = tenant_*` and
/// schema names returned by `query =` in `[targets]` need it. SQLite has no
/// such thing and does not conform.
public protocol SchemaTenancy {
    /// The schema names on the server (for MySQL: the databases), system
    /// schemas left out.
    func tenantSchemas(on connection: DatabaseConnection) throws -> [String]
    /// The URL that runs migrations inside `schema`: with its `search_path`
    /// (PostgreSQL), or naming it as the database (MySQL). The version table
    /// and the migration lock are then the schema's own.
    func url(_ base: DatabaseURL, inSchema schema: String) -> DatabaseURL
}
