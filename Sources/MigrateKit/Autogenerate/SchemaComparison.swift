/// The live schema of a database at head beside the declared one, and the
/// changes that turn the first into the second.
public struct SchemaComparison: Sendable {
    /// The live database as its inspector reads it.
    public var current: Schema
    /// The declared schema (`schema` in `migrate.ini`) as the same inspector reads it.
    public var target: Schema
    /// What turns ``current`` into ``target``, in the order to apply it.
    public var changes: [SchemaChange]

    public init(current: Schema, target: Schema, changes: [SchemaChange]) {
        self.current = current
        self.target = target
        self.changes = changes
    }
}
