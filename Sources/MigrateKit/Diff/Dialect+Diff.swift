/// The kinds of named schema elements a dialect may name by itself.
public enum SchemaElementKind: String, Sendable, Hashable {
    case primaryKey, foreignKey, unique, check, index
}

extension Dialect {
    public func typesAreEquivalent(_ a: String, _ b: String) -> Bool {
        a.lowercased() == b.lowercased()
    }

    public func isGeneratedName(_ name: String, for kind: SchemaElementKind, on table: String) -> Bool {
        false
    }

    public var requiresReferencedTablesToExist: Bool { true }
}
