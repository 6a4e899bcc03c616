import Foundation

/// Turns libpq's and the server's messages into `migrate`'s one-line errors.
///
/// libpq's connection messages span several lines and repeat the host for
/// every address tried (`connection to server at "localhost" (::1), port
/// 5432 failed: Connection refused` then `Is the server running on that
/// host...?`); `migrate` says the URL once, redacted, and keeps the reasons.
enum PostgreSQLMessages {
    /// The error for a connection attempt that libpq reported as failed.
    static func connectFailure(_ libpqMessage: String, url: DatabaseURL) -> DatabaseError {
        let reason = reason(fromLibPQ: libpqMessage)
        let lowered = reason.lowercased()
        if let database = missingDatabase(in: reason) {
            let name = url.database.flatMap { $0.isEmpty ? nil : $0 } ?? database
            return DatabaseError(
                .unknownDatabase,
                oneLine("database '\(name)' does not exist; create it with `migrate database create`"))
        }
        let authenticationSigns = [
            "authentication failed", "no password supplied", "pg_hba.conf", "password is required",
        ]
        if authenticationSigns.contains(where: lowered.contains)
            || (lowered.contains("role \"") && lowered.contains("does not exist"))
        {
            return DatabaseError(
                .authentication,
                oneLine(
                    "Cannot log in to the PostgreSQL server at \(url.redacted): \(sentence(reason)) "
                        + "Check the user name and password in the URL."))
        }
        return DatabaseError(
            .connect, oneLine("Cannot connect to the PostgreSQL server at \(url.redacted): \(sentence(reason))"))
    }

    /// A statement refused with SQLSTATE 42501, with the GRANT that fixes it.
    static func permissionDenied(_ message: String, sql: String, user: String?) -> DatabaseError {
        let grantee = user.map(PostgreSQLDialect().quoteIdentifier) ?? "<user>"
        let grant: String
        if let table = DatabaseError.deniedObject(in: message) {
            grant = "GRANT SELECT, INSERT, UPDATE, DELETE ON \(table) TO \(grantee)"
        } else if let schema = DatabaseError.deniedObject(in: message, kind: "schema") {
            grant = "GRANT USAGE, CREATE ON SCHEMA \(schema) TO \(grantee)"
        } else {
            grant = "GRANT <privilege> ON <object> TO \(grantee)"
        }
        return DatabaseError.permissionDenied(message, sql: sql, grant: grant)
    }

    /// The server's primary message followed by its DETAIL and HINT, if any.
    static func serverMessage(_ primary: String, detail: String?, hint: String?) -> String {
        var parts = [primary]
        if let detail, !detail.isEmpty { parts.append("DETAIL: \(detail)") }
        if let hint, !hint.isEmpty { parts.append("HINT: \(hint)") }
        return oneLine(parts.count == 1 ? primary : sentence(primary) + " " + parts.dropFirst().joined(separator: " "))
    }

    /// libpq's error text without host prefixes, severity labels, repeated
    /// lines or line breaks: `Connection refused. Is the server running on
    /// that host and accepting TCP/IP connections?` An indented line that
    /// starts in lower case continues the sentence above it.
    static func reason(fromLibPQ text: String) -> String {
        var seen: Set<String> = []
        var sentences: [String] = []
        var skipping = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("connection to server "), let colon = line.range(of: " failed:") {
                line = line[colon.upperBound...].trimmingCharacters(in: .whitespaces)
            }
            for label in ["FATAL:", "ERROR:", "PANIC:"] where line.hasPrefix(label) {
                line = line.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
            }
            guard let first = line.first else { continue }
            if rawLine.first?.isWhitespace == true, first.isLowercase {
                if !skipping, let last = sentences.popLast() { sentences.append(last + " " + line) }
            } else {
                skipping = !seen.insert(line).inserted
                if !skipping { sentences.append(line) }
            }
        }
        guard let last = sentences.popLast() else { return "unknown error" }
        return oneLine((sentences.map(sentence) + [last]).joined(separator: " "))
    }

    /// `text` on one line, trimmed, with any password in a URL replaced.
    static func oneLine(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        return redactPasswords(in: words.joined(separator: " "))
    }

    /// `text` ending in a full stop, unless it already ends a sentence.
    static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".?!".contains(last) ? text : text + "."
    }

    /// The name in `database "x" does not exist`, if the text says that.
    private static func missingDatabase(in text: String) -> String? {
        guard let start = text.range(of: "database \""),
            let end = text.range(of: "\" does not exist", range: start.upperBound..<text.endIndex)
        else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// The kind of a failed statement by its SQLSTATE: `55P03`
    /// (lock_not_available, after `lock_timeout`) is a lock timeout. A
    /// cancelled statement (`57014`) stays a statement failure: a user's
    /// `statement_timeout` raises the same code.
    static func kind(ofSQLState state: String?) -> DatabaseError.Kind {
        state == "55P03" ? .lockTimeout : .statement
    }
}
