/// A `UNIQUE` constraint over one or more columns.
///
/// On MySQL/MariaDB every unique key is one (`CREATE UNIQUE INDEX` included),
/// since the server does not tell the two apart.
public struct UniqueConstraint: Sendable, Equatable, Hashable, Codable {
    /// The constraint name, when the database keeps one.
    public var name: String?
    /// The constrained columns, in constraint order.
    public var columns: [String]

    /// A unique constraint over `columns`, named `name` when the database keeps one.
    public init(name: String? = nil, columns: [String]) {
        self.name = name
        self.columns = columns
    }
}
