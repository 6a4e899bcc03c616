/// The tables and other objects of one database schema as an inspector
/// reads them: the model that autogenerate compares (the declared schema
/// against the live one).
///
/// Two inspections of the same DDL on the same server give equal values, so
/// `==` is the first question a differ asks.
public struct Schema: Sendable, Equatable, Hashable, Codable {
    /// The tables by name.
    public var tables: [String: Table]
    /// Views, functions, triggers, sequences, types... by ``SchemaObject/key``.
    public var objects: [String: SchemaObject]
    /// What the inspector saw and does not model, or left out because it is
    /// excluded: reported, never compared.
    public var unmodelled: [UnmodelledObject]

    /// A schema of these tables and objects, keyed by name and ``SchemaObject/key``
    /// (the last of two with the same key wins), and the unmodelled objects
    /// sorted, each once.
    public init(tables: [Table] = [], objects: [SchemaObject] = [], unmodelled: [UnmodelledObject] = []) {
        self.tables = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.objects = Dictionary(objects.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        self.unmodelled = Array(Set(unmodelled)).sorted()
    }

    /// The table names in ascending order, for stable output.
    public var tableNames: [String] { tables.keys.sorted() }

    /// The objects in kind order, then by name, for stable output.
    public var sortedObjects: [SchemaObject] {
        objects.values.sorted { ($0.kind, $0.table ?? "", $0.name) < ($1.kind, $1.table ?? "", $1.name) }
    }

    /// The same schema with every table's columns in name order: what
    /// `verify` compares, since no downgrade can put a column that was
    /// dropped and added back in its old place.
    public var ignoringColumnOrder: Schema {
        var copy = self
        for name in copy.tables.keys { copy.tables[name]!.columns.sort { $0.name < $1.name } }
        return copy
    }

    /// The table with this name, if the schema has it.
    public subscript(table name: String) -> Table? { tables[name] }
}
