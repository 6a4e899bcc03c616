/// The live schema of a database at head beside the declared one, and the
/// changes that turn the first into the second.
public struct SchemaComparison: Sendable {
    /// The live database as its inspector reads it.
    public var current: Schema
    /// The declared schema (`schema` in `migrate.ini`) as the same inspector reads it.
    public var target: Schema
    /// What turns ``current`` into ``target``, in the order to apply it.
    public var changes: [SchemaChange]

    /// A comparison of the live schema `current` with the declared `target`,
    /// `changes` turning one into the other.
    public init(current: Schema, target: Schema, changes: [SchemaChange]) {
        self.current = current
        self.target = target
        self.changes = changes
    }

    /// What neither side's comparison covers: the objects the inspector saw
    /// in the database or the declared schema and does not model (or that
    /// are excluded), each once, in order.
    public var notCompared: [UnmodelledObject] {
        Array(Set(current.unmodelled).union(target.unmodelled)).sorted()
    }

    /// One warning line naming everything not compared, or `nil` when
    /// everything was: `not compared (not modelled or excluded): policy
    /// tenant_isolation, event trigger audit`.
    public var warning: String? {
        UnmodelledObject.warning(for: notCompared)
    }
}
