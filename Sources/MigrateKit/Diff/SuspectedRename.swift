/// A column or table that one change drops while another adds one with the
/// same definition: likely a rename, which drop + add would lose the data of.
/// Renderers write it as a comment that names the rename and the statement
/// to use instead; it is never applied silently.
public struct SuspectedRename: Sendable, Equatable {
    /// The table of a renamed column; `nil` when a table is renamed.
    public var table: String?
    public var from: String
    public var to: String
    /// The `RENAME` statement that keeps the data, in the dialect's SQL.
    public var renameSQL: String

    public init(table: String?, from: String, to: String, renameSQL: String) {
        self.table = table
        self.from = from
        self.to = to
        self.renameSQL = renameSQL
    }
}

extension SchemaDiffer {
    /// Pairs of a dropped and an added column of one table with the same
    /// definition but the name, and of a dropped and a created table with the
    /// same columns. Each dropped element pairs with at most one added one.
    public func suspectedRenames(in changes: [SchemaChange]) -> [SuspectedRename] {
        var renames: [SuspectedRename] = []
        var usedAdds = Set<Int>()
        for change in changes {
            switch change {
            case .dropColumn(let table, let old):
                for (offset, other) in changes.enumerated() where !usedAdds.contains(offset) {
                    guard case .addColumn(table, var new) = other, new.name != old.name else { continue }
                    let name = new.name
                    new.name = old.name
                    guard new == old else { continue }
                    usedAdds.insert(offset)
                    renames.append(
                        SuspectedRename(
                            table: table, from: old.name, to: name,
                            renameSQL: dialect.renderer.renameStatement(table: table, from: old.name, to: name)))
                    break
                }
            case .dropTable(let old):
                for (offset, other) in changes.enumerated() where !usedAdds.contains(offset) {
                    guard case .createTable(let new) = other, new.name != old.name, new.columns == old.columns else {
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
