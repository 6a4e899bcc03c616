/// A model name that may carry its schema: `billing.invoices` for a table of
/// a PostgreSQL schema named in `include_schemas`, a bare `invoices` for one
/// of the current schema (and on every other database).
enum QualifiedName {
    /// `billing` of `billing.invoices`; `nil` for a bare name.
    static func schema(of name: String) -> String? {
        guard let dot = name.firstIndex(of: ".") else { return nil }
        return String(name[..<dot])
    }

    /// `invoices` of `billing.invoices`: what names derived from a table's
    /// name (`invoices_pkey`) start with.
    static func unqualified(_ name: String) -> String {
        guard let dot = name.firstIndex(of: ".") else { return name }
        return String(name[name.index(after: dot)...])
    }
}
