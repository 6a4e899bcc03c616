/// Names in the schemas of `include_schemas`: the model calls a table there
/// `billing.invoices`, while PostgreSQL wants the bare name where it names a
/// new name (`RENAME TO`) or derives one (`invoices_pkey`), and the table's
/// schema before an index name (`DROP INDEX billing.invoices_due_idx`).
extension PostgreSQLRenderer {
    /// An index, sequence or other relation called `name` in the schema of `table`, as SQL.
    func relation(_ name: String, besides table: String) -> String {
        (QualifiedName.schema(of: table).map { support.name($0) + "." } ?? "") + support.name(name)
    }
}
