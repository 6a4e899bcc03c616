/// A foreign key from some columns of a table to columns of another (or the same) table.
public struct ForeignKey: Sendable, Equatable, Hashable, Codable {
    /// What happens to referencing rows when the referenced row is deleted or updated.
    public enum Action: String, Sendable, Hashable, CaseIterable, Codable {
        /// `NO ACTION`: the change fails if rows still reference the row at the
        /// end of the statement (the SQL default).
        case noAction = "NO ACTION"
        /// `RESTRICT`: the change fails at once if rows reference the row.
        case restrict = "RESTRICT"
        /// `CASCADE`: referencing rows are deleted or updated with the row.
        case cascade = "CASCADE"
        /// `SET NULL`: the referencing columns are set to NULL.
        case setNull = "SET NULL"
        /// `SET DEFAULT`: the referencing columns are set to their defaults.
        case setDefault = "SET DEFAULT"

        /// Reads an action as catalogs spell it (`CASCADE`, `set null`, ...);
        /// anything unknown reads as `NO ACTION`, the SQL default.
        public init(sql text: String?) {
            let words = (text ?? "").uppercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            self = Action(rawValue: words) ?? .noAction
        }
    }

    /// The constraint name, when the database keeps one.
    public var name: String?
    /// The referencing columns of this table, in key order.
    public var columns: [String]
    /// The table the key references.
    public var referencedTable: String
    /// The referenced columns, in the order that pairs them with ``columns``.
    public var referencedColumns: [String]
    /// What `ON DELETE` does; `NO ACTION` when not written.
    public var onDelete: Action
    /// What `ON UPDATE` does; `NO ACTION` when not written.
    public var onUpdate: Action
    /// `false` for a PostgreSQL key added `NOT VALID` and not yet
    /// validated: the rows it holds were never checked.
    public var isValidated: Bool

    /// A foreign key from `columns` to `referencedColumns` of `referencedTable`,
    /// `NO ACTION` on delete and update unless given.
    public init(
        name: String? = nil, columns: [String], referencedTable: String, referencedColumns: [String],
        onDelete: Action = .noAction, onUpdate: Action = .noAction, isValidated: Bool = true
    ) {
        self.isValidated = isValidated
        self.name = name
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
    }
}
