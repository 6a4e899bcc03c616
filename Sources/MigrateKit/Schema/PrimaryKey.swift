/// A table's primary key.
public struct PrimaryKey: Sendable, Equatable, Hashable, Codable {
    /// The constraint name where the database keeps one (PostgreSQL always;
    /// SQLite when written as `CONSTRAINT name PRIMARY KEY`; never on MySQL,
    /// where it is always `PRIMARY`).
    public var name: String?
    /// The key's columns in key order.
    public var columns: [String]

    /// A primary key over `columns`, named `name` when the database keeps one.
    public init(name: String? = nil, columns: [String]) {
        self.name = name
        self.columns = columns
    }
}
