/// A connection that passes every call to another one. Wrappers that change
/// a little (the version table's bounded waits, the scratch session that
/// reads a `pg_dump` file) override only that.
class ForwardingConnection: DatabaseConnection {
    let base: DatabaseConnection

    init(_ base: DatabaseConnection) {
        self.base = base
    }

    var noticeHandler: ((String) -> Void)? {
        get { base.noticeHandler }
        set { base.noticeHandler = newValue }
    }

    func execute(_ sql: String) throws { try base.execute(sql) }

    func execute(_ sql: String, binding values: [SQLValue]) throws { try base.execute(sql, binding: values) }

    func query(_ sql: String) throws -> [SQLRow] { try base.query(sql) }

    func close() { base.close() }

    func makeCanceller() -> any QueryCanceller { base.makeCanceller() }
}
