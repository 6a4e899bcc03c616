extension PostgreSQLDialect {
    /// In place: an enum type that only gains values (`ALTER TYPE ... ADD
    /// VALUE`), a sequence (`ALTER SEQUENCE`) with the same owner, and a
    /// function or procedure whose signature and result stay the same
    /// (`CREATE OR REPLACE`: PostgreSQL refuses a change of argument names
    /// or return type there). Everything else is dropped and re-created.
    public func canAlterInPlace(_ from: SchemaObject, to: SchemaObject) -> Bool {
        guard from.kind == to.kind, from.key == to.key else { return false }
        switch to.kind {
        case .type:
            guard let old = EnumValues(from), let new = EnumValues(to) else { return false }
            return old.labels.isSubsequence(of: new.labels)
        case .sequence:
            return true
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
