/// Names in the schemas of `include_schemas`: the model calls a table there
/// `billing.invoices`, while PostgreSQL wants the bare name where it names a
/// new name (`RENAME TO`) or derives one (`invoices_pkey`), and the table's
/// schema before an index name (`DROP INDEX billing.invoices_due_idx`).
extension PostgreSQLRenderer {
    /// `billing` of `billing.invoices`; `nil` for a table of the current schema.
    static func schemaOf(_ name: String) -> String? {
        guard let dot = name.firstIndex(of: ".") else { return nil }
        return String(name[..<dot])
    }

    /// `invoices` of `billing.invoices`.
    static func unqualified(_ name: String) -> String {
        guard let dot = name.firstIndex(of: ".") else { return name }
        return String(name[name.index(after: dot)...])
    }

    /// An index, sequence or other relation called `name` in the schema of `table`, as SQL.
    func relation(_ name: String, besides table: String) -> String {
        (Self.schemaOf(table).map { support.name($0) + "." } ?? "") + support.name(name)
    }
}
