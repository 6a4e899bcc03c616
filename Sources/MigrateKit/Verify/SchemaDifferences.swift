/// Describes, in sentences, how one inspected schema differs from another.
enum SchemaDifferences {
    static func describe(expected: Schema, found: Schema) -> [String] {
        var lines: [String] = []
        for name in Set(expected.tables.keys).union(found.tables.keys).sorted() {
            switch (expected[table: name], found[table: name]) {
            case (nil, .some):
                lines.append("table \(name) exists but should not")
            case (.some, nil):
                lines.append("table \(name) is missing")
            case (let wanted?, let actual?) where wanted != actual:
                lines += differences(in: name, expected: wanted, found: actual)
            default:
                break
            }
        }
        return lines
    }

    private static func differences(in table: String, expected: Table, found: Table) -> [String] {
        var lines: [String] = []
        let wantedColumns = Dictionary(expected.columns.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let foundColumns = Dictionary(found.columns.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for name in Set(wantedColumns.keys).union(foundColumns.keys).sorted() {
            switch (wantedColumns[name], foundColumns[name]) {
            case (nil, .some): lines.append("column \(table).\(name) exists but should not")
            case (.some, nil): lines.append("column \(table).\(name) is missing")
            case (let a?, let b?) where a != b: lines.append("column \(table).\(name) is \(describe(b)), should be \(describe(a))")
            default: break
            }
        }
        if expected.columns.map(\.name) != found.columns.map(\.name) && lines.isEmpty {
            lines.append("columns of \(table) are in another order")
        }
        func compare<T: Hashable>(_ kind: String, _ wanted: [T], _ actual: [T], _ label: (T) -> String) {
            for extra in actual where !wanted.contains(extra) { lines.append("\(kind) \(label(extra)) on \(table) exists but should not") }
            for missing in wanted where !actual.contains(missing) { lines.append("\(kind) \(label(missing)) on \(table) is missing") }
        }
        compare("index", expected.indexes, found.indexes) { $0.name }
        compare("foreign key", expected.foreignKeys, found.foreignKeys) { $0.name ?? "(\($0.columns.joined(separator: ", ")))" }
        compare("unique constraint", expected.uniqueConstraints, found.uniqueConstraints) { $0.name ?? "(\($0.columns.joined(separator: ", ")))" }
        compare("check", expected.checks, found.checks) { $0.name ?? $0.expression }
        if expected.primaryKey != found.primaryKey { lines.append("the primary key of \(table) differs") }
        if expected.comment != found.comment { lines.append("the comment on \(table) differs") }
        return lines
    }

    private static func describe(_ column: Column) -> String {
        column.type + (column.isNullable ? "" : " NOT NULL") + (column.defaultExpression.map { " DEFAULT \($0)" } ?? "")
    }
}
