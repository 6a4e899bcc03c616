import Foundation

/// The text of a new revision file, written from `script.sql.template` in the
/// migrations folder (or ``defaultTemplate``).
///
/// Placeholders: `${message}`, `${up_revision}`, `${down_revision}` (parents,
/// comma-separated), `${create_date}`, `${branch_labels}`, `${depends_on}`,
/// `${upgrades}` and `${downgrades}`. Unknown placeholders stay as written.
public enum RevisionTemplate {
    /// The template `migrate init` writes: Alembic's header, then an empty
    /// upgrade and downgrade section, each with a blank line to write in.
    public static let defaultTemplate = """
        -- ${message}
        --
        -- Revision ID: ${up_revision}
        -- Revises: ${down_revision}
        -- Create Date: ${create_date}
        -- Branch Labels: ${branch_labels}
        -- Depends On: ${depends_on}

        -- migrate:upgrade
        ${upgrades}

        -- migrate:downgrade
        ${downgrades}

        """

    /// Fills in a template.
    ///
    /// A header line whose placeholder is empty keeps no trailing blank
    /// (`-- Revises:`). A line holding only `${upgrades}` or `${downgrades}`
    /// becomes the SQL without its trailing line breaks, or a blank line when
    /// there is none. A message of several lines continues as `-- ` comment
    /// lines. A template with Windows line ends gives a file with them.
    public static func render(
        _ template: String, message: String, revision: String, downRevisions: [String], createDate: Date,
        branchLabels: [String], dependsOn: [String], upgrades: String = "", downgrades: String = ""
    ) -> String {
        let values: [String: String] = [
            "message": commentText(message),
            "up_revision": revision,
            "down_revision": downRevisions.joined(separator: ", "),
            "create_date": formatCreateDate(createDate),
            "branch_labels": branchLabels.joined(separator: ", "),
            "depends_on": dependsOn.joined(separator: ", "),
            "upgrades": unixLineEnds(upgrades),
            "downgrades": unixLineEnds(downgrades),
        ]
        // Swift sees "\r\n" as one character: lines are split on "\n" alone.
        let windows = template.contains("\r\n")
        let lines = unixLineEnds(template).split(separator: "\n", omittingEmptySubsequences: false).map {
            line -> String in
            let bare = line.trimmingCharacters(in: .whitespaces)
            if bare == "${upgrades}" || bare == "${downgrades}" {
                return bodyText(values[bare == "${upgrades}" ? "upgrades" : "downgrades"]!)
            }
            let (text, substitutedHeader) = substitute(line, values)
            return substitutedHeader ? trimmingTrailingBlanks(text) : text
        }
        let text = lines.joined(separator: "\n")
        return windows ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
    }

    private static func unixLineEnds(_ text: String) -> String {
        text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }

    /// 12 random lower-case hex digits, like Alembic's revision ids.
    public static func newRevisionID() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() & 0xFFFF_FFFF_FFFF
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// `yyyy-MM-dd HH:mm:ss.SSSSSS` in the local time zone, as Alembic writes
    /// `Create Date:`.
    static func formatCreateDate(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let interval = date.timeIntervalSince1970
        let seconds = interval.rounded(.down)
        let micro = min(999_999, Int(((interval - seconds) * 1_000_000).rounded()))
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: seconds))
        func pad(_ number: Int?, _ width: Int) -> String {
            let digits = String(number ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2)) "
            + "\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2)).\(pad(micro, 6))"
    }

    /// The message as comment text: each further line becomes a `-- ` line,
    /// and any other control character a space, so the message cannot end
    /// its comment line.
    private static func commentText(_ message: String) -> String {
        let scalars = message.unicodeScalars.map { scalar -> Unicode.Scalar in
            scalar == "\n" || scalar == "\r" || !NewRevision.isControl(scalar) ? scalar : " "
        }
        return String(String.UnicodeScalarView(scalars)).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n-- ")
    }

    private static func bodyText(_ sql: String) -> String {
        var text = Substring(sql)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }

    /// Replaces the known placeholders of one line, in one pass (a value is
    /// never expanded again). The flag says a header placeholder was filled.
    private static func substitute(_ line: Substring, _ values: [String: String]) -> (String, Bool) {
        var result = ""
        var rest = line[...]
        var substitutedHeader = false
        while let open = rest.range(of: "${") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            let name = String(rest[open.upperBound..<close])
            result += rest[..<open.lowerBound]
            if let value = values[name] {
                result += value
                if name != "upgrades" && name != "downgrades" { substitutedHeader = true }
            } else {
                result += rest[open.lowerBound...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return (result, substitutedHeader)
    }

    /// Drops spaces and tabs at the end of a line.
    private static func trimmingTrailingBlanks(_ line: String) -> String {
        var text = Substring(line)
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
