/// A revision file that cannot be read as one: a header, a section marker or
/// a statement that is malformed. The message names the file and the line.
public struct RevisionScriptError: MigrateFailure, Equatable {
    /// What is wrong.
    public enum Kind: Sendable, Equatable {
        /// The file has no `-- migrate:upgrade` section.
        case noUpgradeSection
        /// The header has no `Revision ID:` line.
        case missingRevisionID
        /// A header field's value is unusable (empty id, two ids without a comma).
        case badHeaderValue(field: String, value: String)
        /// A `Revision ID:` longer than the version table holds
        /// (``RevisionID/maximumLength``).
        case revisionIDTooLong(String)
        /// A header field given twice; `firstLine` is where it was first.
        case duplicateHeader(field: String, firstLine: Int)
        /// SQL between the header and the first section marker.
        case sqlOutsideSection
        /// A `-- migrate:` line that is not `upgrade` or `downgrade`.
        case unknownMarker(String)
        /// A section option other than `transaction=` and `dialect=`.
        case unknownOption(String)
        /// A known section option with a value it cannot take.
        case badOptionValue(option: String, value: String)
        /// The same option twice on one marker.
        case duplicateOption(String)
        /// Two sections for the same direction and dialect; `firstLine` is the
        /// first one's marker.
        case duplicateSection(marker: String, firstLine: Int)
        /// A quote, comment or body that the file never closes.
        case unterminated(Construct)
        /// A `DELIMITER` line without a terminator after it.
        case badDelimiter
        /// A psql meta-command (`\connect`, `\set`) other than the
        /// `\restrict` guards, which the splitter skips.
        case psqlCommand(String)
    }

    /// The constructs that must be closed before the end of a section.
    public enum Construct: Sendable, Equatable {
        /// A `'...'` string.
        case string
        /// A `"..."` quoted name.
        case quotedIdentifier
        /// A name in backticks.
        case backtickIdentifier
        /// A `/* ... */` comment.
        case blockComment
        /// A dollar quote, with its tag (`""` for `$$`).
        case dollarQuote(tag: String)
        /// A `CREATE TRIGGER ... BEGIN` without its `END`.
        case triggerBody
    }

    /// What is wrong.
    public var kind: Kind
    /// The revision file, or `nil` when SQL was split on its own.
    public var path: String?
    /// The 1-based line in the file, when the problem has one.
    public var line: Int?

    /// An error of `kind` at `path` and `line`, when known.
    public init(_ kind: Kind, path: String?, line: Int?) {
        self.kind = kind
        self.path = path
        self.line = line
    }

    /// `revision.<what>`, one per ``Kind``: `revision.no-upgrade-section`,
    /// `revision.missing-revision-id`, `revision.bad-header`,
    /// `revision.id-too-long`, `revision.duplicate-header`,
    /// `revision.sql-outside-section`, `revision.unknown-marker`,
    /// `revision.unknown-option`, `revision.bad-option-value`,
    /// `revision.duplicate-option`, `revision.duplicate-section`,
    /// `revision.unterminated`, `revision.bad-delimiter` or
    /// `revision.psql-command`.
    public var errorID: String {
        switch kind {
        case .noUpgradeSection: "revision.no-upgrade-section"
        case .missingRevisionID: "revision.missing-revision-id"
        case .badHeaderValue: "revision.bad-header"
        case .revisionIDTooLong: "revision.id-too-long"
        case .duplicateHeader: "revision.duplicate-header"
        case .sqlOutsideSection: "revision.sql-outside-section"
        case .unknownMarker: "revision.unknown-marker"
        case .unknownOption: "revision.unknown-option"
        case .badOptionValue: "revision.bad-option-value"
        case .duplicateOption: "revision.duplicate-option"
        case .duplicateSection: "revision.duplicate-section"
        case .unterminated: "revision.unterminated"
        case .badDelimiter: "revision.bad-delimiter"
        case .psqlCommand: "revision.psql-command"
        }
    }

    /// `path:line: ` and the problem, with what to write instead.
    public var message: String { "\(location): \(problem)" }

    /// `path:line`, the path alone, or `line N` for SQL without a file.
    var location: String {
        switch (path, line) {
        case (let path?, let line?): "\(path):\(line)"
        case (let path?, nil): path
        case (nil, let line?): "line \(line)"
        case (nil, nil): "SQL"
        }
    }

    private var problem: String {
        switch kind {
        case .noUpgradeSection:
            return "the revision has no upgrade section. Add a line `-- migrate:upgrade` after the header, "
                + "followed by the SQL that applies the revision."
        case .missingRevisionID:
            return "the header has no `Revision ID:` line. Add `-- Revision ID: <id>` to the comment block "
                + "at the top of the file (`migrate revision` writes 12 hex digits)."
        case .badHeaderValue(let field, let value):
            if value.isEmpty {
                return "`\(field):` is empty. Write the revision's id after it."
            }
            return "`\(field): \(value)` holds a value with spaces in it. "
                + "Separate several ids or labels with commas."
        case .revisionIDTooLong(let id):
            return "the revision id '\(id)' has \(id.count) characters; the version table holds at most "
                + "\(RevisionID.maximumLength). Choose a shorter id (and rename it wherever `Revises:` or "
                + "`Depends On:` names it)."
        case .duplicateHeader(let field, let firstLine):
            return "a second `\(field):` line (the first is on line \(firstLine)). Keep only one."
        case .sqlOutsideSection:
            return "SQL before the first section marker would never run. Move it below "
                + "`-- migrate:upgrade` or `-- migrate:downgrade`."
        case .unknownMarker(let text):
            return "`\(text)` is not a section marker. Write `-- migrate:upgrade` or `-- migrate:downgrade` "
                + "(comment lines that start with `-- migrate:` are reserved for markers)."
        case .unknownOption(let option):
            return "unknown section option '\(option)'. The options are transaction=false and "
                + "dialect=sqlite|postgresql|mysql."
        case .badOptionValue(let option, let value):
            let allowed = option == "dialect" ? "sqlite, postgresql or mysql" : "true or false"
            return "'\(option)=\(value)' is not allowed: \(option) must be \(allowed)."
        case .duplicateOption(let option):
            return "the option '\(option)' is given twice on this marker. Keep one."
        case .duplicateSection(let marker, let firstLine):
            return "a second `\(marker)` section (the first starts on line \(firstLine)). "
                + "Put its statements into the first one and delete this marker."
        case .unterminated(let construct):
            return Self.describe(construct)
        case .badDelimiter:
            return "`DELIMITER` needs the new terminator after it, e.g. `DELIMITER //`, "
                + "and `DELIMITER ;` to go back."
        case .psqlCommand(let name):
            return "`\\\(name)` is a psql command, not SQL; migrate sends statements to the server itself. "
                + "Remove the line (or write the SQL it stands for)."
        }
    }

    private static func describe(_ construct: Construct) -> String {
        switch construct {
        case .string:
            "the string that starts here is never closed. Add the closing ' (write '' for a quote inside it)."
        case .quotedIdentifier:
            "the \"quoted\" name that starts here is never closed. Add the closing \" "
                + "(write \"\" for a quote inside it)."
        case .backtickIdentifier:
            "the `quoted` name that starts here is never closed. Add the closing `."
        case .blockComment:
            "the /* comment that starts here is never closed. Add */ where it ends."
        case .dollarQuote(let tag):
            "the dollar-quoted text opened by $\(tag)$ here is never closed. End it with $\(tag)$."
        case .triggerBody:
            "the CREATE TRIGGER statement that starts here has no END. End its body with `END;`."
        }
    }
}
