/// A value read from a database row, as text or NULL.
///
/// `migrate` only reads its own version table and catalog queries, so a
/// textual view of each cell is all it needs; integers are parsed on demand.
public enum SQLValue: Sendable, Equatable, Hashable {
    /// SQL NULL.
    case null
    /// Any non-NULL value, as the database prints it.
    case text(String)

    /// The value as a string, or `nil` for NULL.
    public var string: String? {
        if case .text(let s) = self { return s }
        return nil
    }

    /// The value as an integer, or `nil` for NULL or non-numeric text.
    public var int: Int? { string.flatMap { Int($0) } }
}

/// One row of a query result: values by column position.
public typealias SQLRow = [SQLValue]
