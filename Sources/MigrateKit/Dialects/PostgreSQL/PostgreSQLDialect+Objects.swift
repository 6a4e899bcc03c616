extension PostgreSQLDialect {
    /// In place: an enum type (values added with `ALTER TYPE ... ADD
    /// VALUE`; removed or reordered values by re-creating the type under the
    /// columns, domains and routines that use it, see
    /// `PostgreSQLRenderer.recreateEnum`), a materialized view that is only
    /// filled or emptied (`REFRESH`), a domain that keeps its base
    /// type and collation (`ALTER DOMAIN`), a sequence (`ALTER SEQUENCE`) with the same owner, and a
    /// function or procedure whose signature and result stay the same
    /// (`CREATE OR REPLACE`: PostgreSQL refuses a change of argument names
    /// or return type there). Everything else is dropped and re-created.
    public func canAlterInPlace(_ from: SchemaObject, to: SchemaObject) -> Bool {
        guard from.kind == to.kind, from.key == to.key else { return false }
        switch to.kind {
        case .type:
            return EnumValues(from) != nil && EnumValues(to) != nil
        case .sequence:
            return true
        case .materializedView:
            // Only populated or not: REFRESH [WITH NO DATA].
            return from.createStatements.filter { !$0.hasPrefix("REFRESH ") }
                == to.createStatements.filter { !$0.hasPrefix("REFRESH ") }
        case .domain:
            // Same base type and collation: defaults, NOT NULL and checks change with ALTER DOMAIN.
            return from.createStatements.first == to.createStatements.first
        case .function, .procedure:
            func header(_ definition: String) -> [Substring]? {
                guard definition.hasPrefix("CREATE OR REPLACE ") else { return nil }
                return Array(definition.split(separator: "\n", omittingEmptySubsequences: false).prefix(2))
            }
            guard let old = header(from.definition), let new = header(to.definition) else { return false }
            return old == new
        default:
            return false
        }
    }
}
