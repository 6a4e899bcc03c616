/// The tables of one database schema as an inspector reads them: the model
/// that autogenerate compares (the declared schema against the live one).
///
/// Two inspections of the same DDL on the same server give equal values, so
/// `==` is the first question a differ asks.
public struct Schema: Sendable, Equatable, Hashable, Codable {
    /// The tables by name.
    public var tables: [String: Table]

    public init(tables: [Table] = []) {
        self.tables = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The table names in ascending order, for stable output.
    public var tableNames: [String] { tables.keys.sorted() }

    /// The table with this name, if the schema has it.
    public subscript(table name: String) -> Table? { tables[name] }
}
