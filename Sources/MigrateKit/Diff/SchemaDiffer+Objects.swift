/// The differ's part for views, functions, triggers, sequences, types...:
/// objects compared by their normalised definition and ordered around the
/// table changes by their kind and dependencies.
extension SchemaDiffer {
    /// Object changes in the four places they go around the table changes:
    ///
    /// 1. `dropsBeforeTables`: objects that go away or are replaced, and
    ///    objects that read a table or object that changes under them (to be
    ///    created again), dependents first;
    /// 2. `createsBeforeTables`: new or replaced objects that tables use
    ///    (types, domains, sequences, extensions, functions named in a
    ///    default or check), dependencies first;
    /// 3. (the table changes)
    /// 4. `dropsAfterTables`: objects tables used that go away, once no
    ///    column uses them;
    /// 5. `createsAfterTables`: views, triggers, functions... new, replaced
    ///    or re-created, dependencies first.
    ///
    /// Reversed for the downgrade, each phase lands in the right place again.
    struct ObjectPlan {
        var dropsBeforeTables: [SchemaChange] = []
        var createsBeforeTables: [SchemaChange] = []
        var dropsAfterTables: [SchemaChange] = []
        var createsAfterTables: [SchemaChange] = []
    }

    func objectPlan(from current: Schema, to target: Schema, tableChanges: [SchemaChange]) -> ObjectPlan {
        let usedBefore = objectsUsedByTables(in: current)
        let usedAfter = objectsUsedByTables(in: target)
        var dropped: [SchemaObject] = []
        var created: [SchemaObject] = []
        var altered: [(SchemaObject, SchemaObject)] = []
        var replaced: [String: String] = [:]  // key → reason
        for key in Set(current.objects.keys).union(target.objects.keys) {
            switch (current.objects[key], target.objects[key]) {
            case (let old?, nil): dropped.append(old)
            case (nil, let new?): created.append(new)
            case (let old?, let new?) where old.definition != new.definition:
                if dialect.canAlterInPlace(old, to: new) {
                    altered.append((old, new))
                } else {
                    replaced[key] = "definition differs: \(DefinitionDifference(old.definition, new.definition))"
                }
            default: break
            }
        }
        let disturbed = disturbedObjects(
            current: current, target: target, tableChanges: tableChanges,
            changing: Set(dropped.map(\.key)).union(replaced.keys))
        let recreated = replaced.merging(disturbed) { first, _ in first }

        var plan = ObjectPlan()
        let earlyDrops = dropped.filter { !usedBefore.contains($0.key) }
        let lateDrops = dropped.filter { usedBefore.contains($0.key) }
        let recreatedOld = recreated.keys.compactMap { current.objects[$0] }
        plan.dropsBeforeTables = Self.ordered(earlyDrops + recreatedOld).reversed().map {
            .dropObject($0, reason: recreated[$0.key])
        }
        plan.dropsAfterTables = Self.ordered(lateDrops).reversed().map { .dropObject($0, reason: nil) }

        let createdNow = created + recreated.keys.compactMap { target.objects[$0] }
        let early = createdNow.filter { usedAfter.contains($0.key) }
        let late = createdNow.filter { !usedAfter.contains($0.key) }
        plan.createsBeforeTables =
            Self.ordered(early).map { .createObject($0, reason: recreated[$0.key]) }
            + altered.filter { usedAfter.contains($0.1.key) }.sorted { $0.1.key < $1.1.key }.map {
                .alterObject(from: $0.0, to: $0.1)
            }
        plan.createsAfterTables =
            altered.filter { !usedAfter.contains($0.1.key) }.sorted { $0.1.key < $1.1.key }.map {
                .alterObject(from: $0.0, to: $0.1)
            } + Self.ordered(late).map { .createObject($0, reason: recreated[$0.key]) }
        return plan
    }

    /// Keys of the objects that must exist while tables do: kinds that
    /// precede tables, and objects whose name a column type, default,
    /// generation expression, check or index names.
    func objectsUsedByTables(in schema: Schema) -> Set<String> {
        var words = Set<String>()
        for table in schema.tables.values {
            var texts = table.columns.flatMap { [$0.type, $0.defaultExpression ?? "", $0.generated?.expression ?? ""] }
            texts += table.checks.map(\.expression)
            texts += table.indexes.flatMap { $0.keys.filter(\.isExpression).map(\.text) + [$0.predicate ?? ""] }
            for text in texts { words.formUnion(SQLWords.of(text)) }
        }
        return Set(
            schema.objects.values.filter { $0.kind.precedesTables || words.contains($0.baseName.lowercased()) }.map(\.key))
    }

    /// Objects kept with the same definition that must still be dropped and
    /// created again: they read a table whose changes the dialect says
    /// disturb them, or an object that is dropped or re-created — with the
    /// reason for each.
    private func disturbedObjects(
        current: Schema, target: Schema, tableChanges: [SchemaChange], changing: Set<String>
    ) -> [String: String] {
        let changesByTable = Dictionary(grouping: tableChanges, by: \.tableName)
        var disturbed: [String: String] = [:]
        let kept = current.objects.values.filter { target.objects[$0.key] == $0 }.sorted { $0.key < $1.key }
        for object in kept {
            let readTables = Set(object.dependencies.map { $0.lowercased() } + (object.table.map { [$0.lowercased()] } ?? []))
            for (table, changes) in changesByTable.sorted(by: { $0.key < $1.key })
            where readTables.contains(table.lowercased())
                && dialect.tableChanges(changes, on: table, disturb: object, current: current, target: target)
            {
                disturbed[object.key] = "re-created: table \(table) changes under it"
                break
            }
        }
        // Whatever depends on an object that is dropped or re-created follows it.
        var moving = changing.union(disturbed.keys)
        var grew = true
        while grew {
            grew = false
            let movingNames = Dictionary(
                moving.compactMap { current.objects[$0] }.flatMap { object in object.namesForDependents.map { ($0, object.label) } },
                uniquingKeysWith: { first, _ in first })
            for object in kept where !moving.contains(object.key) {
                if let cause = object.dependencies.lazy.compactMap({ movingNames[$0.lowercased()] }).first {
                    disturbed[object.key] = "re-created: it depends on \(cause)"
                    moving.insert(object.key)
                    grew = true
                }
            }
        }
        return disturbed
    }

    /// Objects in an order where each comes after those among them it
    /// depends on; otherwise by kind, then name.
    static func ordered(_ objects: [SchemaObject]) -> [SchemaObject] {
        let sorted = objects.sorted { ($0.kind, $0.table ?? "", $0.name) < ($1.kind, $1.table ?? "", $1.name) }
        var byName: [String: [SchemaObject]] = [:]
        for object in sorted {
            for name in object.namesForDependents.sorted() { byName[name, default: []].append(object) }
        }
        var done = Set<String>()
        var visiting = Set<String>()
        var order: [SchemaObject] = []
        func visit(_ object: SchemaObject) {
            guard !done.contains(object.key), visiting.insert(object.key).inserted else { return }
            for name in object.dependencies {
                for dependency in byName[name.lowercased()] ?? [] where dependency.key != object.key {
                    visit(dependency)
                }
            }
            visiting.remove(object.key)
            done.insert(object.key)
            order.append(object)
        }
        sorted.forEach(visit)
        return order
    }
}

/// The identifier words of an SQL text, lower-cased: what the differ
/// matches object names against (`nextval('actor_id_seq'::regclass)` has
/// `nextval`, `actor_id_seq`, `regclass`).
enum SQLWords {
    static func of(_ text: String) -> Set<String> {
        var words = Set<String>()
        var word = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == "_" || scalar == "$" || (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
                || scalar.value > 127
            {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.insert(word)
                word = ""
            }
        }
        if !word.isEmpty { words.insert(word) }
        return words
    }
}
