/// The error for a statement the server refused because the user lacks a
/// privilege: like the connection errors, it names what failed and says
/// what to do.
extension DatabaseError {
    /// - Parameters:
    ///   - serverMessage: the server's words (`permission denied for table migrate_version`).
    ///   - grant: the statement the owner would run, e.g. `GRANT SELECT, INSERT, UPDATE, DELETE ON t TO app`.
    static func permissionDenied(_ serverMessage: String, sql: String, grant: String) -> DatabaseError {
        let text = serverMessage.hasSuffix(".") ? serverMessage : serverMessage + "."
        return DatabaseError(
            .permissionDenied,
            "\(text) The statement was `\(statementSummary(sql))`. The database user lacks a privilege it needs: "
                + "have the table's owner (or an administrator) run \(grant), or run migrate as the owner.",
            sql: sql)
    }

    /// The table a refusal names (`for table migrate_version`,
    /// ``for table `db`.`t` ``), without quotes.
    static func deniedObject(in message: String, kind: String = "table") -> String? {
        guard let start = message.range(of: "for \(kind) ") else { return nil }
        let name = message[start.upperBound...].prefix { !$0.isWhitespace }
            .filter { $0 != "`" && $0 != "'" && $0 != "\"" }
        let trimmed = name.hasSuffix(".") || name.hasSuffix(",") ? String(name.dropLast()) : String(name)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The statement on one line, at most 120 characters.
    static func statementSummary(_ sql: String) -> String {
        let line = sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return line.count > 120 ? String(line.prefix(117)) + "..." : line
    }
}
