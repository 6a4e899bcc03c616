/// One `-- migrate:upgrade` or `-- migrate:downgrade` section of a revision
/// file: its options and the SQL text below its marker.
public struct ScriptSection: Sendable {
    /// Which way a section moves the database.
    public enum Direction: String, Sendable {
        /// `-- migrate:upgrade` applies the revision; `-- migrate:downgrade` undoes it.
        case upgrade, downgrade
    }

    /// Whether the section upgrades or downgrades.
    public var direction: Direction
    /// The dialect of a variant (`dialect=postgresql`), or `nil` for the plain
    /// section that serves every dialect without a variant of its own.
    public var dialect: String?
    /// `false` for `transaction=false`: the section runs outside a transaction.
    public var transactional: Bool
    /// The exact text between this marker's line and the next marker (or the
    /// end of the file).
    public var body: String
    /// The 1-based file line of the body's first line (the line after the marker).
    public var firstLine: Int
    /// The 1-based file line of the marker itself.
    public var markerLine: Int

    /// A section of `body`, its marker on the line before `firstLine` unless
    /// `markerLine` says otherwise.
    public init(
        direction: Direction, dialect: String? = nil, transactional: Bool = true, body: String,
        firstLine: Int, markerLine: Int? = nil
    ) {
        self.direction = direction
        self.dialect = dialect
        self.transactional = transactional
        self.body = body
        self.firstLine = firstLine
        self.markerLine = markerLine ?? firstLine - 1
    }

    /// The section's statements, split by the dialect's rules, with the file
    /// lines they start on.
    /// - Throws: ``RevisionScriptError`` naming `path` and the line of an
    ///   unterminated string, comment or body.
    public func statements(flavor: SplitterFlavor, path: String) throws -> [SQLStatement] {
        try StatementSplitter(flavor: flavor).split(body, firstLine: firstLine, path: path)
    }

    /// The marker as written in a file, e.g. `-- migrate:upgrade dialect=mysql`.
    public var marker: String {
        var text = "-- migrate:\(direction.rawValue)"
        if !transactional { text += " transaction=false" }
        if let dialect { text += " dialect=\(dialect)" }
        return text
    }
}
