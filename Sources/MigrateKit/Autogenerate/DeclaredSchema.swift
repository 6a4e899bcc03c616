import Foundation

/// The schema the project declares (`schema = schema.sql` in `migrate.ini`),
/// as the live database's own inspector reads it.
///
/// The declared DDL is applied to a scratch database of the same dialect
/// (SQLite in memory; PostgreSQL and MySQL a temporary database, dropped
/// afterwards; see ``ScratchDatabaseHost``) and inspected there, so both
/// sides of a comparison are read by the same code from the same server.
/// The result is cached in `<script_location>/.migrate-cache/` under the
/// SHA-256 of the declared files, the dialect and the server version.
public enum DeclaredSchema {
    /// The declared schema for the database at `url`.
    /// - Throws: ``AutogenerateError`` (`autogenerate.no-schema`,
    ///   `schema.not-found`, `schema.statement-failed` naming file and line),
    ///   or ``DatabaseError`` when the scratch database cannot be made.
    public static func load(config: MigrateConfig, dialect: any Dialect, url: DatabaseURL) throws -> Schema {
        let connection = try dialect.connect(to: url)
        let version: String
        do {
            version = try dialect.serverVersion(on: connection)
            connection.close()
        } catch {
            connection.close()
            throw error
        }
        return try load(config: config, dialect: dialect, url: url, serverVersion: version)
    }

    /// The declared schema, with the server version already read from an open connection.
    static func load(
        config: MigrateConfig, dialect: any Dialect, url: DatabaseURL, serverVersion: String
    ) throws -> Schema {
        guard let location = config.schema else { throw AutogenerateError.noSchema }
        let files = try DeclaredSchemaFile.read(location)
        let excluded = [config.versionTable] + config.excludeTables
        let inspector = try config.inspector(for: dialect)
        let cache = DeclaredSchemaCache(
            folder: (config.scriptLocation as NSString).appendingPathComponent(".migrate-cache"),
            dialect: dialect.name,
            key: DeclaredSchemaCache.key(
                files: files, dialect: dialect.name, serverVersion: serverVersion, excluded: excluded,
                included: config.includeSchemas))
        if let schema = cache.read() { return schema }
        let schema = try dialect.withScratchDatabase(near: url, devURL: config.devURL) { connection in
            try apply(files, dialect: dialect, on: connection)
            var schema = try inspector.inspect(connection, excluding: excluded)
            // A dump of a migrated database declares the version table: it is
            // migrate's own, not a table left out (as on the live side).
            schema.leaveOutVersionTable(named: config.versionTable)
            return schema
        }
        cache.write(schema)
        return schema
    }

    /// Runs every statement of the files in order, naming the file and line of one that fails.
    static func apply(_ files: [DeclaredSchemaFile], dialect: any Dialect, on connection: DatabaseConnection) throws {
        let splitter = StatementSplitter(flavor: dialect.splitterFlavor)
        for file in files {
            for statement in try splitter.split(file.text, path: file.path) {
                do {
                    try connection.execute(statement.text)
                } catch let error as DatabaseError {
                    throw AutogenerateError.statementFailed(
                        path: file.path, line: statement.line, sql: statement.text, reason: error.message)
                }
            }
        }
    }
}
