/// A foreign key from some columns of a table to columns of another (or the same) table.
public struct ForeignKey: Sendable, Equatable, Hashable, Codable {
    /// What happens to referencing rows when the referenced row is deleted or updated.
    public enum Action: String, Sendable, Hashable, CaseIterable, Codable {
        case noAction = "NO ACTION"
        case restrict = "RESTRICT"
        case cascade = "CASCADE"
        case setNull = "SET NULL"
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
    public var columns: [String]
    public var referencedTable: String
    /// The referenced columns, in the order that pairs them with ``columns``.
    public var referencedColumns: [String]
    public var onDelete: Action
    public var onUpdate: Action
    /// `false` for a PostgreSQL key added `NOT VALID` and not yet
    /// validated: the rows it holds were never checked.
    public var isValidated: Bool

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
