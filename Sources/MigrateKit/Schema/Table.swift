/// One table: its columns in declaration order and everything declared on it.
///
/// Constraint and index lists are kept in a canonical order (see
/// ``canonicallyOrdered()``), so two inspections of the same table compare
/// equal however the catalog happened to return the rows.
public struct Table: Sendable, Equatable, Hashable, Codable {
    /// The table name as the database spells it.
    public var name: String
    /// The columns in their order in the table.
    public var columns: [Column]
    /// The primary key, or `nil` for none.
    public var primaryKey: PrimaryKey?
    /// The foreign keys; an inspector lists them in ``canonicallyOrdered()`` order.
    public var foreignKeys: [ForeignKey]
    /// The unique constraints; an inspector lists them in ``canonicallyOrdered()`` order.
    public var uniqueConstraints: [UniqueConstraint]
    /// Indexes the user created; those that only back the primary key or a
    /// unique constraint are not listed.
    public var indexes: [Index]
    /// The check constraints, column-level ones included; an inspector lists
    /// them in ``canonicallyOrdered()`` order.
    public var checks: [CheckConstraint]
    /// The table comment (PostgreSQL, MySQL), or `nil` when there is none.
    public var comment: String?
    /// Table options that matter to the schema, as the dialect names them
    /// (MySQL `engine`, `charset`, `collate`; SQLite `without rowid`,
    /// `strict`; PostgreSQL `partition by`, `partition of`,
    /// `partition bound`, `inherits`). Empty means the defaults.
    public var options: [String: String]
    /// Tables this one is a partition or an inheritance child of: they are
    /// created before it and dropped after it.
    public var parentTables: [String]

    /// A table `name` with the given columns and everything declared on it; lists
    /// are kept in the order given (see ``canonicallyOrdered()``).
    public init(
        name: String, columns: [Column] = [], primaryKey: PrimaryKey? = nil, foreignKeys: [ForeignKey] = [],
        uniqueConstraints: [UniqueConstraint] = [], indexes: [Index] = [], checks: [CheckConstraint] = [],
        comment: String? = nil, options: [String: String] = [:], parentTables: [String] = []
    ) {
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.foreignKeys = foreignKeys
        self.uniqueConstraints = uniqueConstraints
        self.indexes = indexes
        self.checks = checks
        self.comment = comment
        self.options = options
        self.parentTables = parentTables
    }

    /// The column with this name, if the table has it.
    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }

    /// The same table with foreign keys, unique constraints, indexes and
    /// checks sorted by name, then by their columns or expression: the order
    /// every inspector returns.
    public func canonicallyOrdered() -> Table {
        var table = self
        table.foreignKeys.sort {
            ($0.name ?? "", $0.columns.joined(separator: ","), $0.referencedTable) < (
                $1.name ?? "", $1.columns.joined(separator: ","), $1.referencedTable
            )
        }
        table.uniqueConstraints.sort {
            ($0.name ?? "", $0.columns.joined(separator: ",")) < ($1.name ?? "", $1.columns.joined(separator: ","))
        }
        table.indexes.sort { $0.name < $1.name }
        table.checks.sort { ($0.name ?? "", $0.expression) < ($1.name ?? "", $1.expression) }
        return table
    }
}
