extension PostgreSQLDialect {
    /// Beyond the columns: an enum type re-created without some of its
    /// labels loses the rows that hold them (the new type cannot take them).
    public func dataLoss(of change: SchemaChange, among changes: [SchemaChange]) -> String? {
        if let loss = change.dataLoss { return loss }
        guard case .dropObject(let old, _) = change, let oldValues = EnumValues(old) else { return nil }
        let newValues = changes.lazy.compactMap { other -> EnumValues? in
            guard case .createObject(let new, _) = other, new.key == old.key else { return nil }
            return EnumValues(new)
        }.first
        guard let newValues else { return nil }
        let removed = oldValues.labels.filter { !newValues.labels.contains($0) }
        guard !removed.isEmpty else { return nil }
        return "removes enum value\(removed.count == 1 ? "" : "s") "
            + removed.map { "'\($0)'" }.joined(separator: ", ") + " from type \(old.name)"
    }
}
