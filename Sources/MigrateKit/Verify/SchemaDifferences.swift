/// Describes, in sentences, how one inspected schema differs from another.
///
/// Column order is not a difference here, as it is not for `check`: a
/// column dropped and added back goes last on every database, so no
/// downgrade could restore it. It is reported apart, by ``columnOrder(expected:found:)``.
enum SchemaDifferences {
    /// `columns of customer in another order (...)` for each table whose
    /// columns are all there but in another order.
    static func columnOrder(expected: Schema, found: Schema) -> [String] {
        expected.tableNames.compactMap { name in
            guard let wanted = expected[table: name], let actual = found[table: name],
                wanted.columns.map(\.name) != actual.columns.map(\.name),
                wanted.columns.map(\.name).sorted() == actual.columns.map(\.name).sorted()
            else { return nil }
            return "the columns of \(name) in another order (\(actual.columns.map(\.name).joined(separator: ", ")) "
                + "instead of \(wanted.columns.map(\.name).joined(separator: ", ")))"
        }
    }

    static func describe(expected: Schema, found: Schema) -> [String] {
        var lines: [String] = objectDifferences(expected: expected, found: found)
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
        func compare<T: Hashable>(_ kind: String, _ wanted: [T], _ actual: [T], _ label: (T) -> String) {
            for extra in actual where !wanted.contains(extra) { lines.append("\(kind) \(label(extra)) on \(table) exists but should not") }
            for missing in wanted where !actual.contains(missing) { lines.append("\(kind) \(label(missing)) on \(table) is missing") }
        }
        compare("index", expected.indexes, found.indexes) { $0.name }
        compare("foreign key", expected.foreignKeys, found.foreignKeys) { $0.label(on: table) }
        compare("unique constraint", expected.uniqueConstraints, found.uniqueConstraints) {
            $0.name ?? "(\($0.columns.joined(separator: ", ")))"
        }
        compare("check", expected.checks, found.checks) {
            ($0.name.map { $0 + " " } ?? "") + "(\($0.expression))" + ($0.isValidated ? "" : " NOT VALID")
        }
        if expected.primaryKey != found.primaryKey { lines.append("the primary key of \(table) differs") }
        if expected.comment != found.comment { lines.append("the comment on \(table) differs") }
        if expected.options != found.options {
            lines.append(SchemaChange.setTableOptions(table: table, from: found.options, to: expected.options).summary)
        }
        return lines
    }

    /// Views, functions, triggers... that are missing, extra or different.
    private static func objectDifferences(expected: Schema, found: Schema) -> [String] {
        Set(expected.objects.keys).union(found.objects.keys).sorted().compactMap { key in
            switch (expected.objects[key], found.objects[key]) {
            case (nil, let extra?): "\(extra.label) exists but should not"
            case (let missing?, nil): "\(missing.label) is missing"
            case (let wanted?, let actual?) where wanted != actual:
                "\(wanted.label) differs: \(DefinitionDifference(actual.definition, wanted.definition))"
            default: nil
            }
        }
    }

    private static func describe(_ column: Column) -> String {
        column.type + (column.isNullable ? "" : " NOT NULL") + (column.defaultExpression.map { " DEFAULT \($0)" } ?? "")
    }
}
