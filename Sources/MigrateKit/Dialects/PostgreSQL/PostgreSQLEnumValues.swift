/// The labels of an enum type, read back from the definition the inspector
/// wrote (`CREATE TYPE x AS ENUM ('a', 'b')`), and the `ADD VALUE` clauses
/// that turn one list into a longer one.
struct EnumValues: Equatable {
    var labels: [String]

    /// `nil` unless the object is an enum type.
    init?(_ object: SchemaObject) {
        guard object.kind == .type, let start = object.definition.range(of: " AS ENUM (") else { return nil }
        var labels: [String] = []
        var label = ""
        var inQuotes = false
        var characters = object.definition[start.upperBound...].makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if character == "'" {
                    let next = characters.next()
                    if next == "'" {
                        label.append("'")
                    } else {
                        inQuotes = false
                        labels.append(label)
                        label = ""
                        pending = next
                    }
                } else {
                    label.append(character)
                }
            } else if character == "'" {
                inQuotes = true
            }
        }
        self.labels = labels
    }

    /// `ADD VALUE 'x' BEFORE 'y'` (or `AFTER` the one before it, at the
    /// end), one per label of `target` that is new, in an order where each
    /// neighbour named already exists. `self` must be a subsequence of `target`.
    func additions(to target: EnumValues) -> [String] {
        var present = labels
        var clauses: [String] = []
        let literal = PostgreSQLDialect().literal
        for (position, label) in target.labels.enumerated() where !present.contains(label) {
            if let next = target.labels[(position + 1)...].first(where: present.contains) {
                clauses.append("ADD VALUE \(literal(label)) BEFORE \(literal(next))")
                present.insert(label, at: present.firstIndex(of: next)!)
            } else {
                let previous = target.labels[..<position].last(where: present.contains)
                clauses.append("ADD VALUE \(literal(label))" + (previous.map { " AFTER \(literal($0))" } ?? ""))
                present.append(label)
            }
        }
        return clauses
    }
}
