/// Online-safe PostgreSQL (`online = true`): the forms Squawk and
/// strong_migrations ask for, each in the transaction (or outside one)
/// where it takes no long lock.
///
/// - Indexes: `CREATE INDEX CONCURRENTLY` and `DROP INDEX CONCURRENTLY`,
///   outside a transaction ("a regular CREATE INDEX command can be performed
///   within a transaction block, but CREATE INDEX CONCURRENTLY cannot").
///   Partitioned tables keep the plain form: PostgreSQL cannot build their
///   indexes concurrently.
/// - Foreign keys and checks: `ADD CONSTRAINT ... NOT VALID` in the
///   transaction, `VALIDATE CONSTRAINT` after it committed ("validation
///   acquires only a SHARE UPDATE EXCLUSIVE lock on the table being altered").
///   In the same transaction the ADD's lock would last through the scan.
/// - `SET NOT NULL`: `CHECK (c IS NOT NULL) NOT VALID`, validated, then
///   `SET NOT NULL` (which "skips the scan" when such a valid check exists,
///   PostgreSQL 12+) and the check dropped.
/// - Unique constraints: `CREATE UNIQUE INDEX CONCURRENTLY`, then `ADD
///   CONSTRAINT ... UNIQUE USING INDEX`, outside a transaction.
/// - `SET lock_timeout` first in every part.
///
/// A downgrade undoes each part in its own part; a constraint or `NOT NULL`
/// that a downgrade puts back is added `NOT VALID` and validated in that
/// part's transaction (correct, but the lock lasts through the scan).
extension PostgreSQLRenderer: OnlineSchemaRenderer {
    /// The changes as parts that each run in a transaction or outside one, as
    /// their locks need, each starting with `SET lock_timeout`.
    public func renderOnline(
        _ changes: [SchemaChange], current: Schema, target: Schema, options: OnlineOptions
    ) -> [OnlineRevisionPart] {
        let builder = OnlineRevisionBuilder(
            lockTimeoutStatement: "SET lock_timeout = '\(Self.duration(options.lockTimeoutMilliseconds))'",
            splitsTransactions: true)
        return builder.parts(changes, notes: support.dataLossNotes(changes)) {
            onlineSteps(for: $0, current: current, target: target)
        }
    }

    /// `5s` for whole seconds, else `1500ms`.
    static func duration(_ milliseconds: Int) -> String {
        milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
    }

    func onlineSteps(for change: SchemaChange, current: Schema, target: Schema) -> [OnlineStep] {
        let n = support
        let undo = { inOneTransaction(change.reversed, current: target, target: current) }
        switch change {
        case .addIndex(let table, let index) where canIndexConcurrently(table, current, target):
            return [OnlineStep(.after, [concurrently(createIndex(index, table: table))], undo: [dropConcurrently(index, table: table)])]
        case .dropIndex(let table, let index) where canIndexConcurrently(table, current, target):
            return [OnlineStep(.before, [dropConcurrently(index, table: table)], undo: [concurrently(createIndex(index, table: table))])]
        case .addForeignKey(let table, let key) where key.isValidated:
            let name = key.name ?? conventionalName(table, key.columns, "fkey")
            return notValidThenValidate(
                "ALTER TABLE \(n.tableName(table)) ADD \(foreignKey(key, table: table))", table, name, undo: undo())
        case .addCheck(let table, let check) where check.isValidated:
            let name = check.name ?? conventionalName(table, [], "check")
            return notValidThenValidate(
                "ALTER TABLE \(n.tableName(table)) ADD \(checkConstraint(check, table: table))", table, name,
                undo: undo())
        case .alterColumn(let table, let from, let to) where Self.setsNotNull(from, to):
            return setNotNull(table, from: from, to: to)
        case .addUnique(let table, let unique) where canIndexConcurrently(table, current, target):
            return [uniqueUsingIndex(unique, table: table)]
        default:
            return [OnlineStep(.main, statements(for: change, current: current, target: target), undo: undo())]
        }
    }

    /// The change's online statements run one after another in one
    /// transaction: how a downgrade puts back what the upgrade removed.
    private func inOneTransaction(_ change: SchemaChange, current: Schema, target: Schema) -> [String] {
        switch change {
        case .addIndex, .dropIndex:
            return statements(for: change, current: current, target: target)
        case .addForeignKey, .addCheck:
            return onlineSteps(for: change, current: current, target: target).flatMap(\.statements)
        case .alterColumn(let table, let from, let to) where Self.setsNotNull(from, to):
            return setNotNull(table, from: from, to: to).flatMap(\.statements)
        default:
            return statements(for: change, current: current, target: target)
        }
    }

    /// Validation cannot be undone in place: the downgrade of the
    /// `VALIDATE` step adds the constraint back `NOT VALID` (no scan), so
    /// each revision of the chain restores exactly the schema before it.
    private func notValidThenValidate(_ add: String, _ table: String, _ name: String, undo: [String]) -> [OnlineStep] {
        let prefix = "ALTER TABLE \(support.tableName(table))"
        return [
            OnlineStep(.main, [add + " NOT VALID"], undo: undo),
            OnlineStep(
                .after, ["\(prefix) VALIDATE CONSTRAINT \(support.name(name))"],
                undo: ["\(prefix) DROP CONSTRAINT \(support.name(name))", add + " NOT VALID"],
                undoComment: "leave \(name) on \(table) NOT VALID again, as before its validation"),
        ]
    }

    /// The other parts of the column change in the transaction with a
    /// `NOT VALID` check; validation, `SET NOT NULL` and dropping the check
    /// after it.
    private func setNotNull(_ table: String, from: Column, to: Column) -> [OnlineStep] {
        var nullable = to
        nullable.isNullable = true
        let prefix = "ALTER TABLE \(support.tableName(table))"
        let check = support.name(String("\(QualifiedName.unqualified(table))_\(to.name)_not_null".prefix(63)))
        let addCheck = "\(prefix) ADD CONSTRAINT \(check) CHECK (\(support.name(to.name)) IS NOT NULL) NOT VALID"
        let column = "\(prefix) ALTER COLUMN \(support.name(to.name))"
        return [
            OnlineStep(
                .main, alterColumn(table, from: from, to: nullable) + [addCheck],
                undo: ["\(prefix) DROP CONSTRAINT \(check)"] + alterColumn(table, from: nullable, to: from)),
            OnlineStep(
                .after, ["\(prefix) VALIDATE CONSTRAINT \(check)", "\(column) SET NOT NULL", "\(prefix) DROP CONSTRAINT \(check)"],
                undo: [addCheck, "\(column) DROP NOT NULL"]),
        ]
    }

    /// `NOT NULL` added to a column that stays what it is otherwise
    /// (a generated column changing is dropped and added instead).
    static func setsNotNull(_ from: Column, _ to: Column) -> Bool {
        from.isNullable && !to.isNullable && from.generated == to.generated
    }

    /// A unique constraint over an index built concurrently: `ADD CONSTRAINT
    /// ... UNIQUE USING INDEX` then only renames it into the constraint.
    private func uniqueUsingIndex(_ unique: UniqueConstraint, table: String) -> OnlineStep {
        let name = support.name(unique.name ?? conventionalName(table, unique.columns, "key"))
        let prefix = "ALTER TABLE \(support.tableName(table))"
        return OnlineStep(
            .after,
            [
                "CREATE UNIQUE INDEX CONCURRENTLY \(name) ON \(support.tableName(table)) (\(support.names(unique.columns)))",
                "\(prefix) ADD CONSTRAINT \(name) UNIQUE USING INDEX \(name)",
            ],
            undo: ["\(prefix) DROP CONSTRAINT \(name)"])
    }

    /// PostgreSQL builds no index of a partitioned table concurrently.
    private func canIndexConcurrently(_ table: String, _ current: Schema, _ target: Schema) -> Bool {
        (current.tables[table] ?? target.tables[table])?.options["partition by"] == nil
    }

    private func concurrently(_ createIndex: String) -> String {
        guard let keyword = createIndex.range(of: "INDEX ") else { return createIndex }
        return createIndex.replacingCharacters(in: keyword, with: "INDEX CONCURRENTLY ")
    }

    private func dropConcurrently(_ index: Index, table: String) -> String {
        "DROP INDEX CONCURRENTLY \(relation(index.name, besides: table))"
    }
}
