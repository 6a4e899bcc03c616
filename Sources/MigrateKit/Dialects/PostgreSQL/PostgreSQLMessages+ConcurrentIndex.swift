import Foundation

extension PostgreSQLMessages {
    /// The message of a failed statement, with what to do when it was a
    /// `CREATE INDEX CONCURRENTLY`: "If a problem arises while scanning the
    /// table, such as a deadlock or a uniqueness violation in a unique
    /// index, the CREATE INDEX command will fail but leave behind an
    /// 'invalid' index" (PostgreSQL manual), which the same statement run
    /// again would trip over.
    static func withConcurrentIndexAdvice(_ message: String, sql: String) -> String {
        guard let name = concurrentIndexName(in: sql) else { return message }
        return sentence(message) + " PostgreSQL may have left the index \(name) behind, marked INVALID (it is not "
            + "used, but is kept up to date): run `DROP INDEX CONCURRENTLY IF EXISTS \(name);`, fix the cause, and "
            + "run the command again; it resumes at this statement."
    }

    /// `accounts_email_idx` for `CREATE [UNIQUE] INDEX CONCURRENTLY
    /// [IF NOT EXISTS] accounts_email_idx ON ...`, as written (quotes kept).
    static func concurrentIndexName(in sql: String) -> String? {
        let words = sql.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let upper = words.map { $0.uppercased() }
        guard upper.first == "CREATE", let concurrently = upper.firstIndex(of: "CONCURRENTLY"),
            concurrently >= 2, upper[concurrently - 1] == "INDEX"
        else { return nil }
        var position = concurrently + 1
        if upper.count > position + 2, upper[position] == "IF", upper[position + 1] == "NOT" { position += 3 }
        guard position < words.count, upper[position] != "ON" else { return nil }
        return words[position]
    }
}
