extension SchemaChange {
    /// What this change can lose, in words, for the `-- DATA LOSS:` line of
    /// the revision and the console warning, or `nil` when it keeps every
    /// value: dropped tables and columns, narrowed types, a precision cut,
    /// `NOT NULL` on a column that may hold NULLs, removed enum labels. The
    /// dialect adds what only it models (``Dialect/dataLoss(of:among:)``).
    public var dataLoss: String? {
        switch self {
        case .dropTable(let table):
            return "drops table \(table.name)"
        case .dropColumn(let table, let column):
            return "drops column \(table).\(column.name)"
        case .alterColumn(let table, let from, let to):
            var losses: [String] = []
            if from.type.lowercased() != to.type.lowercased(),
                let loss = ColumnTypeShape(from.type).loss(to: ColumnTypeShape(to.type), from: from.type, to: to.type)
            {
                losses.append("\(loss) on \(table).\(to.name)")
            }
            if from.generated == nil, to.generated != nil {
                losses.append("replaces the values of \(table).\(to.name) with a generated expression")
            }
            if from.isNullable, !to.isNullable {
                losses.append("sets NOT NULL on \(table).\(to.name), which may hold NULLs")
            }
            return losses.isEmpty ? nil : losses.joined(separator: "; ")
        default:
            return nil
        }
    }
}

extension Dialect {
    /// Default: what ``SchemaChange/dataLoss`` says.
    public func dataLoss(of change: SchemaChange, among changes: [SchemaChange]) -> String? {
        change.dataLoss
    }

    /// Each change that can lose data with its words, in order: the lines
    /// autogenerate prints as warnings.
    public func dataLosses(in changes: [SchemaChange]) -> [(change: SchemaChange, loss: String)] {
        changes.compactMap { change -> (change: SchemaChange, loss: String)? in
            guard let loss = dataLoss(of: change, among: changes) else { return nil }
            return (change, loss)
        }
    }
}
