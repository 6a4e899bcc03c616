/// Writes schema changes as SQLite DDL (stub, filled in below).
public struct SQLiteRenderer: SchemaRenderer {
    public init() {}

    var support: RenderingSupport { RenderingSupport(dialect: SQLiteDialect(), foldsToLowerCase: false) }

    public func renameStatement(table: String?, from: String, to: String) -> String {
        support.renameStatement(table: table, from: from, to: to)
    }

    public func render(_ changes: [SchemaChange], current: Schema, target: Schema) -> String {
        RenderedBlock.join(changes.map { RenderedBlock(comments: [$0.summary], statements: []) })
    }
}

extension SQLiteDialect {
    public var renderer: any SchemaRenderer { SQLiteRenderer() }

    /// SQLite checks foreign keys when rows change, not when tables are created.
    public var requiresReferencedTablesToExist: Bool { false }
}
