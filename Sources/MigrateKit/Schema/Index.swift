/// An index created with `CREATE [UNIQUE] INDEX` (or MySQL's `KEY`).
public struct Index: Sendable, Equatable, Hashable, Codable {
    /// The index name.
    public var name: String
    /// The indexed columns or expressions, in index order.
    public var keys: [IndexKey]
    /// `true` for `CREATE UNIQUE INDEX`.
    public var isUnique: Bool
    /// The `WHERE` predicate of a partial index (PostgreSQL, SQLite), or `nil`.
    public var predicate: String?
    /// The access method when it is not the dialect's default: PostgreSQL
    /// `gin`, `gist`, `hash`, `brin`...; MySQL `FULLTEXT`, `SPATIAL`, `HASH`.
    public var method: String?
    /// Columns carried in the index without being keys (PostgreSQL `INCLUDE`).
    public var includedColumns: [String]
    /// PostgreSQL 15 `NULLS NOT DISTINCT`.
    public var nullsNotDistinct: Bool

    /// An index `name` over `keys`: not unique, not partial, with the dialect's
    /// default method and nothing included unless given.
    public init(
        name: String, keys: [IndexKey], isUnique: Bool = false, predicate: String? = nil, method: String? = nil,
        includedColumns: [String] = [], nullsNotDistinct: Bool = false
    ) {
        self.name = name
        self.keys = keys
        self.isUnique = isUnique
        self.predicate = predicate
        self.method = method
        self.includedColumns = includedColumns
        self.nullsNotDistinct = nullsNotDistinct
    }

    /// Everything but the name: two indexes with equal definitions are the same index.
    public var definition: Index {
        var copy = self
        copy.name = ""
        return copy
    }
}

/// One part of an index: a column or an expression, ascending or descending.
public struct IndexKey: Sendable, Equatable, Hashable, Codable {
    /// The column name, or the expression text as the database prints it.
    public var text: String
    /// `true` when ``text`` is an expression, `false` for a column name.
    public var isExpression: Bool
    /// `true` for `DESC`.
    public var isDescending: Bool
    /// A PostgreSQL operator class that is not the type's default
    /// (`gin_trgm_ops`, `text_pattern_ops`), or `nil`.
    public var operatorClass: String?
    /// MySQL: how many leading characters of the column are indexed, or `nil` for all.
    public var prefixLength: Int?

    /// A key on the column or expression `text`, ascending unless `isDescending`.
    public init(
        text: String, isExpression: Bool, isDescending: Bool = false, operatorClass: String? = nil,
        prefixLength: Int? = nil
    ) {
        self.text = text
        self.isExpression = isExpression
        self.isDescending = isDescending
        self.operatorClass = operatorClass
        self.prefixLength = prefixLength
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
