import Foundation

extension Migrator {
    /// Compares the live database with the declared schema.
    ///
    /// The database must be at head (every head applied, nothing half
    /// applied): a revision written against anything else would repeat or
    /// skip changes that existing revisions make.
    /// - Throws: ``AutogenerateError`` (`autogenerate.no-schema`,
    ///   `autogenerate.not-at-head`, `schema.statement-failed`, ...).
    public func compareWithDeclaredSchema() throws -> SchemaComparison {
        guard config.schema != nil else { throw AutogenerateError.noSchema }
        let directory = try scripts()
        let url = try requireURL()
        let dialect = Dialects.dialect(for: url)
        // One connection for the version table, the live schema and the
        // server version: `check` runs in CI on every push.
        let connection = try dialect.connect(to: url)
        connection.noticeHandler = noticeHandler
        let current: Schema
        let version: String
        do {
            defer { connection.close() }
            let rows = try VersionTable(name: config.versionTable, dialect: dialect, connection: connection).rows()
            let state = CurrentState(rows: rows, directory: directory, dialect: dialect)
            try state.throwIfUnsafe()
            let heads = directory.graph.heads
            guard Set(state.heads) == Set(heads) else {
                throw AutogenerateError.notAtHead(current: state.heads.sorted(), heads: heads.sorted())
            }
            current = try dialect.inspector.inspect(connection, excluding: [config.versionTable] + config.excludeTables)
            version = try dialect.serverVersion(on: connection)
        }
        let target = try DeclaredSchema.load(config: config, dialect: dialect, url: url, serverVersion: version)
        let changes = SchemaDiffer(dialect: dialect).changes(from: current, to: target)
        return SchemaComparison(current: current, target: target, changes: changes)
    }

    /// The changes between the database at head and the declared schema;
    /// empty when they match (what `migrate check` reports).
    public func check() throws -> [SchemaChange] {
        try compareWithDeclaredSchema().changes
    }

    /// Writes a revision whose upgrade turns the database at head into the
    /// declared schema and whose downgrade turns it back.
    /// - Returns: the new file, or `nil` when nothing differs (no file is written).
    public func autogenerate(_ new: NewRevision) throws -> RevisionScript? {
        try autogenerate(new, writingEmpty: false).script
    }

    /// Like ``autogenerate(_:)``, also returning the changes; with
    /// `writingEmpty` a revision is written even when nothing differs
    /// (`revision --autogenerate --empty`).
    public func autogenerate(_ new: NewRevision, writingEmpty: Bool) throws -> (script: RevisionScript?, changes: [SchemaChange]) {
        try new.validate()
        let comparison = try compareWithDeclaredSchema()
        guard !comparison.changes.isEmpty || writingEmpty else { return (nil, []) }
        var new = new
        if !comparison.changes.isEmpty {
            let renderer = try dialect().renderer
            let sections = renderer.renderRevision(
                comparison.changes, current: comparison.current, target: comparison.target)
            new.upgrades = sections.upgrade
            new.downgrades = sections.downgrade
        }
        return (try revision(new), comparison.changes)
    }
}
