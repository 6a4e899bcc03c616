/// The renames a revision makes, decided before anything is written: those
/// the user named, and each suspected rename answered by the question or
/// by `--no-rename`. Tables first (a column of a renamed table is compared
/// under the table's new name), then columns.
struct RenamePlan {
    let differ: SchemaDiffer
    let options: AutogenerateOptions

    /// The rename changes, in the order to run them, and the changes that
    /// follow them (computed from the schema with the renames applied).
    /// - Throws: ``AutogenerateError/renameDoesNotApply(_:reason:)`` for a
    ///   named rename that the schemas do not show,
    ///   ``AutogenerateError/suspectedRenames(_:)`` for suspected renames
    ///   nobody answered.
    func changes(from current: Schema, to target: Schema) throws -> [SchemaChange] {
        var unanswered: [SuspectedRename] = []
        let tables = try decide(
            named: options.renames.filter { isTableRename($0, current) }, current: current, target: target,
            unanswered: &unanswered, kind: { $0.table == nil })
        let renamedTables = current.applying(tables, dialect: differ.dialect)
        let columns = try decide(
            named: options.renames.filter { !isTableRename($0, current) }, current: renamedTables, target: target,
            unanswered: &unanswered, kind: { $0.table != nil })
        guard unanswered.isEmpty else { throw AutogenerateError.suspectedRenames(unanswered) }
        let renames = tables + columns
        guard !renames.isEmpty else { return differ.changes(from: current, to: target) }
        return renames + differ.changes(from: current.applying(renames, dialect: differ.dialect), to: target)
    }

    /// A table rename: `old=new`, or a schema-qualified table (`other.t=other.u`).
    private func isTableRename(_ answer: RenameAnswer, _ current: Schema) -> Bool {
        answer.table == nil || current.tables[answer.table! + "." + answer.from] != nil
    }

    /// The renames of one kind: each named one checked against the
    /// schemas, then each suspected one not named asked about.
    private func decide(
        named: [RenameAnswer], current: Schema, target: Schema, unanswered: inout [SuspectedRename],
        kind: (SuspectedRename) -> Bool
    ) throws -> [SchemaChange] {
        var renames: [SchemaChange] = []
        for answer in named {
            renames.append(try change(for: answer, current: current, target: target))
        }
        let suspected = differ.suspectedRenames(in: differ.changes(from: current, to: target)).filter(kind)
        for rename in suspected {
            let answered = named.contains { answer in
                let (table, from, to) = normalized(answer, current)
                return table == rename.table && (from == rename.from || to == rename.to)
            }
            if answered || options.dropsUnconfirmedRenames { continue }
            if let question = options.renameQuestion {
                if question.confirms(rename) { renames.append(change(for: rename)) }
            } else {
                unanswered.append(rename)
            }
        }
        return renames
    }

    private func normalized(_ answer: RenameAnswer, _ current: Schema) -> (String?, String, String) {
        guard let table = answer.table, current.tables[table + "." + answer.from] != nil else {
            return (answer.table, answer.from, answer.to)
        }
        return (nil, table + "." + answer.from, table + "." + answer.to)
    }

    private func change(for rename: SuspectedRename) -> SchemaChange {
        rename.table.map { .renameColumn(table: $0, from: rename.from, to: rename.to) }
            ?? .renameTable(from: rename.from, to: rename.to)
    }

    /// The change a named rename makes, once the schemas show it: the old
    /// name exists only before, the new one only after.
    private func change(for answer: RenameAnswer, current: Schema, target: Schema) throws -> SchemaChange {
        let (table, from, to) = normalized(answer, current)
        guard let table else {
            if current.tables[from] == nil {
                throw AutogenerateError.renameDoesNotApply(answer, reason: "the database has no table \(from)")
            }
            if target.tables[to] == nil {
                throw AutogenerateError.renameDoesNotApply(answer, reason: "the declared schema has no table \(to)")
            }
            if target.tables[from] != nil {
                throw AutogenerateError.renameDoesNotApply(answer, reason: "the declared schema still has table \(from)")
            }
            if current.tables[to] != nil {
                throw AutogenerateError.renameDoesNotApply(answer, reason: "the database already has table \(to)")
            }
            return .renameTable(from: from, to: to)
        }
        guard let old = current.tables[table], let new = target.tables[table] else {
            throw AutogenerateError.renameDoesNotApply(answer, reason: "table \(table) is not in both the database and the declared schema")
        }
        if old.column(named: from) == nil {
            throw AutogenerateError.renameDoesNotApply(answer, reason: "the database has no column \(table).\(from)")
        }
        if new.column(named: to) == nil {
            throw AutogenerateError.renameDoesNotApply(answer, reason: "the declared schema has no column \(table).\(to)")
        }
        if new.column(named: from) != nil {
            throw AutogenerateError.renameDoesNotApply(answer, reason: "the declared schema still has column \(table).\(from)")
        }
        if old.column(named: to) != nil {
            throw AutogenerateError.renameDoesNotApply(answer, reason: "the database already has column \(table).\(to)")
        }
        return .renameColumn(table: table, from: from, to: to)
    }
}
