/// A column or table that one change drops while another adds one with a
/// compatible definition: likely a rename, which drop + add would lose the
/// data of. Autogenerate never writes it as a drop and an add unless told
/// (`RenameDecisions`).
public struct SuspectedRename: Sendable, Equatable {
    /// The table of a renamed column; `nil` when a table is renamed.
    public var table: String?
    /// The old name of the column, or of the table when ``table`` is `nil`.
    public var from: String
    /// The new name of the column, or of the table when ``table`` is `nil`.
    public var to: String
    /// The `RENAME` statement that keeps the data, in the dialect's SQL.
    public var renameSQL: String

    /// A likely rename of `from` to `to` (columns of `table`, or tables when it
    /// is `nil`), which `renameSQL` would perform.
    public init(table: String?, from: String, to: String, renameSQL: String) {
        self.table = table
        self.from = from
        self.to = to
        self.renameSQL = renameSQL
    }
}

extension SchemaDiffer {
    /// Pairs of a dropped and an added column of one table whose types are of
    /// one kind (text, integer, exact numeric...: a rename may come with a
    /// type change), and of a dropped and a created table with the same
    /// column names. Each dropped element pairs with at most one added one.
    public func suspectedRenames(in changes: [SchemaChange]) -> [SuspectedRename] {
        var renames: [SuspectedRename] = []
        var usedAdds = Set<Int>()
        for change in changes {
            switch change {
            case .dropColumn(let table, let old):
                for (offset, other) in changes.enumerated() where !usedAdds.contains(offset) {
                    guard case .addColumn(table, let new) = other, new.name != old.name,
                        dialect.typesAreEquivalent(old.type, new.type)
                            || ColumnTypeShape(old.type).family == ColumnTypeShape(new.type).family,
                        old.generated == nil, new.generated == nil
                    else { continue }
                    let name = new.name
                    usedAdds.insert(offset)
                    renames.append(
                        SuspectedRename(
                            table: table, from: old.name, to: name,
                            renameSQL: dialect.renderer.renameStatement(table: table, from: old.name, to: name)))
                    break
                }
            case .dropTable(let old):
                for (offset, other) in changes.enumerated() where !usedAdds.contains(offset) {
                    guard case .createTable(let new) = other, new.name != old.name,
                        new.columns.map(\.name) == old.columns.map(\.name)
                    else {
                        continue
                    }
                    usedAdds.insert(offset)
                    renames.append(
                        SuspectedRename(
                            table: nil, from: old.name, to: new.name,
                            renameSQL: dialect.renderer.renameStatement(table: nil, from: old.name, to: new.name)))
                    break
                }
            default:
                continue
            }
        }
        return renames
    }
}
