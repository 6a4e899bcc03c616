/// The kinds of named schema elements a dialect may name by itself.
public enum SchemaElementKind: String, Sendable, Hashable {
    /// A primary key, a foreign key, a unique constraint, a check constraint or an index.
    case primaryKey, foreignKey, unique, check, index
}

extension Dialect {
    /// Equal ignoring case: `INTEGER` and `integer` are one type.
    public func typesAreEquivalent(_ a: String, _ b: String) -> Bool {
        a.lowercased() == b.lowercased()
    }

    /// `false`: every name is the user's, compared as written.
    public func isGeneratedName(_ name: String, for kind: SchemaElementKind, on table: String) -> Bool {
        false
    }

    /// `true`: referenced tables are created first.
    public var requiresReferencedTablesToExist: Bool { true }
}

extension Dialect {
    /// `false`: a changed object is dropped and created again.
    public func canAlterInPlace(_ from: SchemaObject, to: SchemaObject) -> Bool { false }

    /// Views, materialized views and rules are disturbed when a column they
    /// may read is dropped or retyped, or the table goes; triggers only when
    /// their table goes.
    public func tableChanges(
        _ changes: [SchemaChange], on table: String, disturb object: SchemaObject, current: Schema, target: Schema
    ) -> Bool {
        changes.contains { change in
            switch change {
            case .dropTable: return true
            case .dropColumn: return object.kind != .trigger && object.kind.readsTables
            case .alterColumn(_, let from, let to):
                return object.kind != .trigger && object.kind.readsTables
                    && (!typesAreEquivalent(from.type, to.type) || from.collation != to.collation)
            default: return false
            }
        }
    }
}
