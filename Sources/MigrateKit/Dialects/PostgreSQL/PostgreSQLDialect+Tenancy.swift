import Foundation

extension PostgreSQLDialect: SchemaTenancy {
    /// The schemas of the database, without `pg_*`, `information_schema`
    /// and `public`.
    public func tenantSchemas(on connection: DatabaseConnection) throws -> [String] {
        try connection.query(
            """
            SELECT nspname FROM pg_catalog.pg_namespace
            WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('information_schema', 'public')
            ORDER BY nspname
            """
        ).compactMap { $0.first?.string }
    }

    /// The same database with `search_path` set to the schema alone, through
    /// libpq's `options` (`-c search_path="tenant_1"`), so unqualified names
    /// in revisions and the version table live in the schema. The lock key
    /// includes the options, so each schema has its own lock.
    public func url(_ base: DatabaseURL, inSchema schema: String) -> DatabaseURL {
        var url = base
        // libpq splits `options` at spaces; a backslash keeps one in a value.
        let value = ("search_path=" + quoteIdentifier(schema))
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: " ", with: "\\ ")
        let escaped = "-c " + value
        url.options["options"] = [base.options["options"], escaped].compactMap { $0 }.joined(separator: " ")
        return url
    }
}
