@testable import MigrateKit

/// A connection that counts the statements sent through it and passes them
/// on to a real one: how the inspector tests check that inspection costs a
/// fixed number of catalog queries, not a few per table.
final class CountingConnection: DatabaseConnection {
    let base: DatabaseConnection
    private(set) var queries = 0

    init(_ base: DatabaseConnection) {
        self.base = base
    }

    var noticeHandler: ((String) -> Void)? {
        get { base.noticeHandler }
        set { base.noticeHandler = newValue }
    }

    func execute(_ sql: String) throws {
        queries += 1
        try base.execute(sql)
    }

    func execute(_ sql: String, binding values: [SQLValue]) throws {
        queries += 1
        try base.execute(sql, binding: values)
    }

    func query(_ sql: String) throws -> [SQLRow] {
        queries += 1
        return try base.query(sql)
    }

    func close() { base.close() }
}
