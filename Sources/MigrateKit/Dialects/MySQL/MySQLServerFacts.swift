/// What the MySQL inspector needs to know about the server and the database
/// before it reads the catalog, read with one query: the flavour and the
/// database's name (to take it out of view definitions).
struct MySQLServerFacts {
    var isMariaDB: Bool
    var database: String

    init(_ connection: DatabaseConnection) throws {
        let row = try connection.query("SELECT VERSION(), DATABASE()").first ?? []
        isMariaDB = row.string(0).contains("MariaDB")
        database = row.string(1)
    }

    /// `engine`, `charset` and `collate` of a table. The character set is
    /// the collation's first word (`utf8mb4_general_ci` → `utf8mb4`).
    func options(engine: String?, collation: String?) -> [String: String] {
        var options: [String: String] = [:]
        if let engine { options["engine"] = engine }
        if let collation {
            options["collate"] = collation
            options["charset"] = Self.characterSet(of: collation)
        }
        return options
    }

    static func characterSet(of collation: String) -> String {
        String(collation.prefix { $0 != "_" })
    }
}

extension MySQLInspector {
    typealias ServerFacts = MySQLServerFacts
}
