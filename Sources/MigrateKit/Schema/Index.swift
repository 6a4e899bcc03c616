/// An index created with `CREATE [UNIQUE] INDEX` (or MySQL's `KEY`).
public struct Index: Sendable, Equatable, Hashable, Codable {
    public var name: String
    /// The indexed columns or expressions, in index order.
    public var keys: [IndexKey]
    public var isUnique: Bool
    /// The `WHERE` predicate of a partial index (PostgreSQL, SQLite), or `nil`.
    public var predicate: String?

    public init(name: String, keys: [IndexKey], isUnique: Bool = false, predicate: String? = nil) {
        self.name = name
        self.keys = keys
        self.isUnique = isUnique
        self.predicate = predicate
    }
}

/// One part of an index: a column or an expression, ascending or descending.
public struct IndexKey: Sendable, Equatable, Hashable, Codable {
    /// The column name, or the expression text as the database prints it.
    public var text: String
    public var isExpression: Bool
    public var isDescending: Bool

    public init(text: String, isExpression: Bool, isDescending: Bool = false) {
        self.text = text
        self.isExpression = isExpression
        self.isDescending = isDescending
    }

    /// A column key.
    public static func column(_ name: String, descending: Bool = false) -> IndexKey {
        IndexKey(text: name, isExpression: false, isDescending: descending)
    }

    /// An expression key (`lower(email)`).
    public static func expression(_ text: String, descending: Bool = false) -> IndexKey {
        IndexKey(text: text, isExpression: true, isDescending: descending)
    }
}
