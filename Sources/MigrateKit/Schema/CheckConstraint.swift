/// A `CHECK` constraint, written at column or table level.
public struct CheckConstraint: Sendable, Equatable, Hashable, Codable {
    /// The constraint name, when the database keeps one (SQLite only when
    /// written as `CONSTRAINT name CHECK (...)`).
    public var name: String?
    /// The condition as the database prints it, without `CHECK` and without
    /// the parentheses around it where the database reports them apart.
    public var expression: String
    /// `false` for a PostgreSQL check added `NOT VALID` and not yet
    /// validated: the rows it holds were never checked.
    public var isValidated: Bool

    /// A check of `expression`, named `name` when the database keeps one;
    /// `isValidated` is `false` for one left `NOT VALID`.
    public init(name: String? = nil, expression: String, isValidated: Bool = true) {
        self.isValidated = isValidated
        self.name = name
        self.expression = expression
    }
}
