/// One statement of a revision file, ready to send to the database.
public struct SQLStatement: Sendable, Equatable {
    /// The statement's text, trimmed, without its terminating `;` (or the
    /// `DELIMITER` in force). Comments inside it are kept; comments before it
    /// are not part of it.
    public var text: String
    /// The 1-based line of the file on which the statement starts (its first
    /// character that is neither blank nor part of a comment).
    public var line: Int

    /// A statement of `text` starting on file line `line`.
    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }
}
