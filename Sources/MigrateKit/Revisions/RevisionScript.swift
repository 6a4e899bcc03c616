/// A revision file, parsed: Alembic's header and the `-- migrate:` sections.
///
/// ```sql
/// -- Create notes table
/// --
/// -- Revision ID: 1975ea83b712
/// -- Revises:
/// -- Create Date: 2026-11-22 11:40:27.089406
/// -- Branch Labels:
/// -- Depends On:
///
/// -- migrate:upgrade
/// CREATE TABLE notes (id INTEGER PRIMARY KEY, text VARCHAR(100));
///
/// -- migrate:downgrade
/// DROP TABLE notes;
/// ```
public struct RevisionScript: Sendable {
    /// The file the script was read from.
    public var path: String
    /// The first comment of the header (continuation lines joined with `\n`).
    public var message: String
    /// `Revision ID:`.
    public var revision: String
    /// `Revises:` — none for a root, several for a merge point.
    public var downRevisions: [String]
    /// `Create Date:` as written, or `nil` when absent or empty.
    public var createDate: String?
    /// `Branch Labels:`.
    public var branchLabels: [String]
    /// `Depends On:`.
    public var dependsOn: [String]
    /// The sections in file order.
    public var sections: [ScriptSection]

    /// A script made from its header fields and sections, without reading a file.
    public init(
        path: String, message: String, revision: String, downRevisions: [String], createDate: String? = nil,
        branchLabels: [String] = [], dependsOn: [String] = [], sections: [ScriptSection]
    ) {
        self.path = path
        self.message = message
        self.revision = revision
        self.downRevisions = downRevisions
        self.createDate = createDate
        self.branchLabels = branchLabels
        self.dependsOn = dependsOn
        self.sections = sections
    }

    /// Parses the text of a revision file.
    /// - Parameters:
    ///   - contents: the file's text.
    ///   - path: the file's path, named by every error.
    /// - Throws: ``RevisionScriptError`` naming `path` and the line at fault:
    ///   a missing `Revision ID:` or upgrade section, a malformed header
    ///   field or section marker, two sections for the same direction and
    ///   dialect, or SQL above the first marker.
    public static func parse(_ contents: String, path: String) throws -> RevisionScript {
        var contents = contents
        contents.makeContiguousUTF8()
        return try contents.utf8.withContiguousStorageIfAvailable { bytes in
            var parser = RevisionScriptParser(bytes: bytes, path: path)
            return try parser.parse()
        }
            ?? Array(contents.utf8).withUnsafeBufferPointer { bytes in
                var parser = RevisionScriptParser(bytes: bytes, path: path)
                return try parser.parse()
            }
    }

    /// The section to run for a direction in a dialect: the dialect's own
    /// variant if any, else the plain one; `nil` if none.
    public func section(_ direction: ScriptSection.Direction, dialect: String) -> ScriptSection? {
        sections.first { $0.direction == direction && $0.dialect == dialect }
            ?? sections.first { $0.direction == direction && $0.dialect == nil }
    }

    /// `false` for an irreversible revision: the file has no downgrade
    /// section at all, for any dialect.
    public var hasDowngrade: Bool {
        sections.contains { $0.direction == .downgrade }
    }
}
