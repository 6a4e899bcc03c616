/// Online-safe MySQL/MariaDB (`online = true`): `ALGORITHM=INPLACE,
/// LOCK=NONE` on the changes InnoDB performs in place without blocking
/// writes on both MySQL 5.7+/8 and MariaDB 10.3+ ("Online DDL Operations";
/// MariaDB "InnoDB Online DDL Operations"): adding or dropping a column
/// (not an `AUTO_INCREMENT` or stored generated one), creating or dropping an
/// index or unique key (not `FULLTEXT`/`SPATIAL`), dropping a foreign key.
/// With `INPLACE` the server also picks `INSTANT` where it can (MariaDB); a
/// clause the server cannot honour fails at once instead of copying the
/// table under a lock. Other changes (a type change, adding a foreign key
/// or check) keep the plain form: they copy the table, and no clause makes
/// them online. The revision starts with `SET SESSION lock_wait_timeout`,
/// the metadata-lock wait, in whole seconds.
extension MySQLRenderer: OnlineSchemaRenderer {
    /// The changes as a single part: `ALGORITHM=INPLACE, LOCK=NONE` where
    /// InnoDB can honour it, after `SET SESSION lock_wait_timeout`.
    public func renderOnline(
        _ changes: [SchemaChange], current: Schema, target: Schema, options: OnlineOptions
    ) -> [OnlineRevisionPart] {
        let seconds = max(1, (options.lockTimeoutMilliseconds + 999) / 1000)
        let builder = OnlineRevisionBuilder(
            lockTimeoutStatement: "SET SESSION lock_wait_timeout = \(seconds)", splitsTransactions: false)
        return builder.parts(changes, notes: support.dataLossNotes(changes)) { change in
            [
                OnlineStep(
                    .main, online(change, statements(for: change, target: target)),
                    undo: online(change.reversed, statements(for: change.reversed, target: current)))
            ]
        }
    }

    /// The statements with the clause added where the change runs in place
    /// without a lock.
    func online(_ change: SchemaChange, _ statements: [String]) -> [String] {
        guard statements.count == 1, let clause = Self.onlineClause(for: change) else { return statements }
        if case .dropIndex(let table, let index) = change {
            // MariaDB's DROP INDEX takes no ALGORITHM clause; ALTER TABLE does on both.
            return ["ALTER TABLE \(support.name(table)) DROP INDEX \(support.name(index.name))" + clause]
        }
        return [statements[0] + clause]
    }

    /// `, ALGORITHM=INPLACE, LOCK=NONE` for `ALTER TABLE` (a dropped index
    /// is written `ALTER TABLE ... DROP INDEX`), ` ALGORITHM=INPLACE
    /// LOCK=NONE` for `CREATE INDEX`; `nil` where the conservative
    /// table above does not list the change.
    static func onlineClause(for change: SchemaChange) -> String? {
        let alter = ", ALGORITHM=INPLACE, LOCK=NONE"
        switch change {
        case .addColumn(_, let column), .dropColumn(_, let column):
            return column.identity == nil && column.generated?.isStored != true ? alter : nil
        case .addIndex(_, let index):
            return index.method == nil ? " ALGORITHM=INPLACE LOCK=NONE" : nil
        case .dropIndex(_, let index):
            return index.method == nil ? alter : nil
        case .addUnique, .dropUnique, .dropForeignKey:
            return alter
        default:
            return nil
        }
    }
}
