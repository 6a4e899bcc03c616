import Foundation

extension DatabaseURL {
    /// Parses a URL in SQLAlchemy's forms.
    ///
    /// - `scheme[+driver]://[user[:password]@][host][:port][/database][?key=value&...]`
    ///   with schemes `postgresql`, `postgres`, `mysql`, `mariadb`; IPv6 hosts
    ///   in brackets (`[::1]:5432`); user, password, host, database and
    ///   options percent-decoded (a stray `%` is kept as written).
    /// - `sqlite:///relative.db`, `sqlite:////absolute/path.db`,
    ///   `sqlite:///:memory:` and `sqlite://` (both in memory).
    ///
    /// The password may hold `:` and `/` as written; `@` and `?` in it must be
    /// percent-encoded (`%40`, `%3F`). A server URL with an `@` after its
    /// host (what an unencoded `?` in a password leads to) is refused as
    /// ambiguous, never guessed at. Surrounding whitespace is ignored.
    ///
    /// - Throws: ``DatabaseURLError``, whose message shows the URL redacted.
    public static func parse(_ string: String) throws -> DatabaseURL {
        let text = string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw DatabaseURLError.empty }
        guard let separator = text.range(of: "://") else {
            throw DatabaseURLError.missingSeparator(redactedURL: looselyRedacted(text))
        }
        let parts = URLParts(text[separator.upperBound...])
        var hidden = parts.password.map { [$0.startIndex..<$0.endIndex] } ?? []
        var shown: String { redacting(text, ranges: hidden, identified: parts.password != nil) }

        let schemeText = text[..<separator.lowerBound]
        let scheme = schemeText.lowercased()
        let plus = scheme.firstIndex(of: "+")
        let driver = plus.map { String(scheme[scheme.index(after: $0)...]) }
        let backend: Backend
        switch plus.map({ String(scheme[..<$0]) }) ?? scheme {
        case "sqlite": backend = .sqlite
        case "postgresql", "postgres": backend = .postgresql
        case "mysql", "mariadb": backend = .mysql
        default: throw DatabaseURLError.unknownScheme(String(schemeText), redactedURL: shown)
        }

        // An '@' after the userinfo means a password with an unencoded '?',
        // '#' or '/' before its '@': no reading of it is safe to print or use.
        guard backend == .sqlite || !parts.afterUserinfo.contains("@") else {
            throw DatabaseURLError.ambiguous(redactedURL: hidingUpToLastAt(text, after: separator.upperBound))
        }
        var url = DatabaseURL(backend: backend, driver: driver?.isEmpty == false ? driver : nil)
        let (host, portText) = try hostAndPort(parts.authority, shown: shown)
        if let portText, !portText.isEmpty {
            guard portText.allSatisfy(\.isASCII), portText.allSatisfy(\.isNumber) else {
                // With no '@', `postgresql://user:secret` reads as host:port.
                guard parts.userinfo != nil else {
                    hidden.append(portText.startIndex..<portText.endIndex)
                    throw DatabaseURLError.badPort("***", redactedURL: shown)
                }
                throw DatabaseURLError.badPort(String(portText), redactedURL: shown)
            }
            guard let port = Int(portText), (1...65535).contains(port) else {
                throw DatabaseURLError.badPort(String(portText), redactedURL: shown)
            }
            url.port = port
        }
        url.host = host
        if let userinfo = parts.userinfo {
            let user = userinfo.firstIndex(of: ":").map { userinfo[..<$0] } ?? userinfo
            url.user = user.isEmpty ? nil : PercentEncoding.decode(user)
            url.password = parts.password.map { PercentEncoding.decode($0) }
        }
        if backend == .sqlite {
            guard parts.userinfo == nil, parts.authority.isEmpty else {
                throw DatabaseURLError.malformed(
                    problem: "SQLite URLs have no user or host. Write sqlite:///relative.db (three slashes) for "
                        + "a path relative to the working directory, or sqlite:////absolute/path.db (four) for "
                        + "an absolute one.",
                    redactedURL: shown)
            }
            url.database = parts.path.flatMap { $0.isEmpty ? nil : String($0) } ?? ":memory:"
        } else {
            url.database = parts.path.flatMap { $0.isEmpty ? nil : PercentEncoding.decode($0) }
        }
        url.options = queryOptions(parts.query)
        // libpq and MySQL read 0 as "wait forever"; migrate bounds every
        // wait, so it refuses 0 rather than hang or silently pick a bound.
        if let timeout = url.options["connect_timeout"],
            Int(timeout.trimmingCharacters(in: .whitespaces)).map({ $0 > 0 }) != true
        {
            throw DatabaseURLError.badOption(
                key: "connect_timeout", value: timeout,
                expected: "a whole number of seconds, 1 or more (0, which libpq and MySQL read as "
                    + "\"wait forever\", is refused: migrate bounds every wait; leave the option out for 10 s)",
                redactedURL: shown)
        }
        return url
    }

    /// Splits `host[:port]` or `[ipv6][:port]`.
    private static func hostAndPort(
        _ authority: Substring, shown: @autoclosure () -> String
    ) throws -> (String?, Substring?) {
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else {
                throw DatabaseURLError.malformed(problem: "the IPv6 address has no closing ']'.", redactedURL: shown())
            }
            let address = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            guard !address.isEmpty, after.isEmpty || after.first == ":" else {
                throw DatabaseURLError.malformed(
                    problem: "write an IPv6 host as [address] or [address]:port, e.g. [::1]:5432.", redactedURL: shown())
            }
            return (PercentEncoding.decode(address), after.isEmpty ? nil : after.dropFirst())
        }
        guard let colon = authority.firstIndex(of: ":") else {
            return (authority.isEmpty ? nil : PercentEncoding.decode(authority), nil)
        }
        let port = authority[authority.index(after: colon)...]
        if port.contains(":") {
            throw DatabaseURLError.malformed(
                problem: "an IPv6 host must be written in brackets, e.g. postgresql://user@[::1]:5432/db.",
                redactedURL: shown())
        }
        let host = authority[..<colon]
        return (host.isEmpty ? nil : PercentEncoding.decode(host), port)
    }

    /// `a=1&b=two` as a dictionary (a later key wins; `+` is a space).
    private static func queryOptions(_ query: Substring?) -> [String: String] {
        var options: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") where !pair.isEmpty {
            let equals = pair.firstIndex(of: "=")
            let key = PercentEncoding.decode(equals.map { pair[..<$0] } ?? pair, plusAsSpace: true)
            guard !key.isEmpty else { continue }
            options[key] = equals.map { PercentEncoding.decode(pair[pair.index(after: $0)...], plusAsSpace: true) } ?? ""
        }
        return options
    }

    /// `text` with the given ranges shown as `***`; when the parser found no
    /// password, ``redactPasswords(in:)`` still looks for one.
    private static func redacting(_ text: String, ranges: [Range<String.Index>], identified: Bool) -> String {
        var result = ""
        var position = text.startIndex
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.lowerBound >= position {
            result += text[position..<range.lowerBound] + "***"
            position = range.upperBound
        }
        result += text[position...]
        return identified ? result : redactPasswords(in: result)
    }

    /// `text` with everything between `://user:` and its last `@` shown as `***`.
    private static func hidingUpToLastAt(_ text: String, after start: String.Index) -> String {
        guard let at = text[start...].lastIndex(of: "@"), let colon = text[start..<at].firstIndex(of: ":") else {
            return text
        }
        return String(text[...colon]) + "***" + text[at...]
    }

    /// For text with no `://`: anything before an `@` may be a password.
    private static func looselyRedacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@") else { return text }
        return "***" + text[at...]
    }
}

/// The pieces of what follows `scheme://`, as ranges of the original text.
private struct URLParts {
    var userinfo: Substring?
    var password: Substring?
    var authority: Substring
    var path: Substring?
    var query: Substring?
    /// Everything after the userinfo's `@` (all of it when there is no userinfo).
    var afterUserinfo: Substring

    init(_ rest: Substring) {
        // The userinfo ends at the last '@' before the query; a user name
        // never holds '/', so an '@' after a path slash is not a userinfo end.
        let beforeQuery = rest[..<(rest.firstIndex(of: "?") ?? rest.endIndex)]
        var remainder = rest
        if let at = beforeQuery.lastIndex(of: "@") {
            let candidate = rest[..<at]
            let name = candidate.firstIndex(of: ":").map { candidate[..<$0] } ?? candidate
            if !name.contains("/") {
                userinfo = candidate
                password = candidate.firstIndex(of: ":").map { candidate[candidate.index(after: $0)...] }
                remainder = rest[rest.index(after: at)...]
            }
        }
        afterUserinfo = remainder
        let end = remainder.firstIndex { $0 == "/" || $0 == "?" } ?? remainder.endIndex
        authority = remainder[..<end]
        let tail = remainder[end...]
        if tail.first == "/" {
            let question = tail.firstIndex(of: "?") ?? tail.endIndex
            path = tail[tail.index(after: tail.startIndex)..<question]
            if question < tail.endIndex { query = tail[tail.index(after: question)...] }
        } else if tail.first == "?" {
            query = tail.dropFirst()
        }
    }
}
