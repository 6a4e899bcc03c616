/// Collects catalog rows into tables for an inspector, then leaves out the
/// excluded tables and puts each table's lists in canonical order.
struct SchemaBuilder {
    private(set) var tables: [String: Table] = [:]
    private let excluded: [TableNamePattern]

    init(excluding patterns: [String]) {
        excluded = patterns.map(TableNamePattern.init)
    }

    /// `true` when the table is one the caller asked to leave out.
    func isExcluded(_ name: String) -> Bool {
        TableNamePattern.any(excluded, matches: name)
    }

    /// Calls `body` with the table of this name (created empty on first use),
    /// unless the table is excluded.
    mutating func update(_ name: String, _ body: (inout Table) -> Void) {
        guard !isExcluded(name) else { return }
        body(&tables[name, default: Table(name: name)])
    }

    /// Calls `body` with the table of this name only if it was already seen:
    /// constraint and index rows never create a table of their own.
    mutating func updateExisting(_ name: String, _ body: (inout Table) -> Void) {
        guard tables[name] != nil else { return }
        body(&tables[name]!)
    }

    func schema() -> Schema {
        Schema(tables: tables.values.map { $0.canonicallyOrdered() })
    }
}

extension Array where Element == SQLValue {
    /// The text at a position, or `nil` for NULL or a missing column.
    func text(_ index: Int) -> String? {
        index < count ? self[index].string : nil
    }

    /// The text at a position, or `""` for NULL.
    func string(_ index: Int) -> String {
        text(index) ?? ""
    }

    /// A boolean as catalogs print one: `t`/`true`/`1`/`YES` are true.
    func bool(_ index: Int) -> Bool {
        switch text(index)?.lowercased() {
        case "t", "true", "1", "yes", "y": true
        default: false
        }
    }
}

/// The separator inspectors put between names in one aggregated cell: the
/// ASCII unit separator, which no sensible identifier contains.
let catalogListSeparator: Character = "\u{1F}"
