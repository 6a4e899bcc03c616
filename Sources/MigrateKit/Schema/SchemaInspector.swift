/// Reads the schema of the database a connection is on: one conforming type
/// per dialect (`Dialect.inspector`).
///
/// An inspector runs a small, fixed number of catalog queries for the whole
/// schema, however many tables it has — never a few per table — so that a
/// thousand tables inspect in well under a second.
public protocol SchemaInspector: Sendable {
    /// The tables of the connection's current database (SQLite: `main`;
    /// PostgreSQL: `current_schema()`; MySQL: `DATABASE()`), leaving out the
    /// database's own internal tables and any table whose name matches one of
    /// `patterns` (globs: `*` any run of characters, `?` one character).
    func inspect(_ connection: DatabaseConnection, excluding patterns: [String]) throws -> Schema
}

extension SchemaInspector {
    /// The whole schema, leaving out nothing but internal tables.
    public func inspect(_ connection: DatabaseConnection) throws -> Schema {
        try inspect(connection, excluding: [])
    }
}
