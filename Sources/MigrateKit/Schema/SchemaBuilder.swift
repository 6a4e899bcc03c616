/// Collects catalog rows into tables for an inspector, then leaves out the
/// excluded tables and puts each table's lists in canonical order.
struct SchemaBuilder {
    private(set) var tables: [String: Table] = [:]
    private let excluded: [TableNamePattern]
    /// Views, functions, triggers... the inspector read.
    var objects: [SchemaObject] = []
    /// What the inspector saw and does not model, and the tables left out.
    var unmodelled: [UnmodelledObject] = []

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
        guard !isExcluded(name) else {
            noteExcluded(name)
            return
        }
        body(&tables[name, default: Table(name: name)])
    }

    /// Calls `body` with the table of this name only if it was already seen:
    /// constraint and index rows never create a table of their own.
    mutating func updateExisting(_ name: String, _ body: (inout Table) -> Void) {
        guard tables[name] != nil else { return }
        body(&tables[name]!)
    }

    /// Records a table left out by the exclusion patterns (once), so that
    /// comparisons can name it.
    mutating func noteExcluded(_ name: String) {
        let entry = UnmodelledObject(kind: UnmodelledObject.excludedTable, name: name)
        if unmodelled.last != entry, !unmodelled.contains(entry) { unmodelled.append(entry) }
    }

    /// Adds an object unless it belongs to an excluded table.
    mutating func add(_ object: SchemaObject) {
        if let table = object.table, isExcluded(table) { return }
        objects.append(object)
    }

    func schema() -> Schema {
        Schema(tables: tables.values.map { $0.canonicallyOrdered() }, objects: objects, unmodelled: unmodelled)
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
