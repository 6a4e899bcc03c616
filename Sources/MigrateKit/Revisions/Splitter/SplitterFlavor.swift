/// The lexical rules a dialect's SQL follows, as far as finding the end of a
/// statement needs them.
///
/// Every flavor knows `;` terminators, `'...'` strings (with `''` inside),
/// `"..."` identifiers, `--` line comments, `/* */` block comments and
/// PostgreSQL-style `E'...'` strings (backslash escapes). The flags add what
/// only some dialects have. Use the presets ``sqlite``, ``postgresql`` and
/// ``mysql`` unless a test needs a single rule on its own.
public struct SplitterFlavor: Sendable, Equatable {
    /// PostgreSQL dollar quoting: `$$ ... $$` and `$tag$ ... $tag$` enclose
    /// text in which nothing (quotes, comments, `;`) is special.
    public var dollarQuotes: Bool
    /// MySQL: a backslash escapes the next character inside `'...'` and
    /// `"..."`, so `'it\'s'` is one string.
    public var backslashEscapes: Bool
    /// MySQL and SQLite: a name in backticks is a quoted identifier (a doubled backtick inside stands for one).
    public var backtickIdentifiers: Bool
    /// SQLite: `CREATE [TEMP|TEMPORARY] TRIGGER ... BEGIN ...; ...; END;` is one
    /// statement. As in SQLite's own `sqlite3_complete()`, the trigger ends at
    /// the first `;` after an `END` that begins a statement of the body, so a
    /// `CASE ... END` inside the body does not end it. A plain `BEGIN;` or
    /// `BEGIN TRANSACTION;` is an ordinary statement.
    public var triggerBodies: Bool
    /// MySQL client: a `DELIMITER //` line makes `//` the terminator until the
    /// next `DELIMITER` line; the `DELIMITER` line itself is not a statement.
    public var delimiterCommand: Bool
    /// MySQL: `#` starts a line comment, `--` starts one only when a space
    /// (or the end of the line) follows, and `/*! ... */` is SQL that MySQL
    /// runs, so a statement made only of it is kept.
    public var mysqlComments: Bool
    /// PostgreSQL: block comments nest, `/* a /* b */ c */` is one comment.
    public var nestedBlockComments: Bool
    /// psql: a line that begins with `\` outside a statement is a client
    /// meta-command, not SQL. `\restrict` and `\unrestrict` (which
    /// `pg_dump` 17.6 and later writes around its output) only guard psql
    /// itself and are skipped; any other meta-command is an error
    /// (`revision.psql-command`), since migrate sends SQL to the server.
    public var psqlMetaCommands: Bool

    /// A flavor with the given rules; every rule is off unless turned on.
    public init(
        dollarQuotes: Bool = false, backslashEscapes: Bool = false, backtickIdentifiers: Bool = false,
        triggerBodies: Bool = false, delimiterCommand: Bool = false, mysqlComments: Bool = false,
        nestedBlockComments: Bool = false, psqlMetaCommands: Bool = false
    ) {
        self.dollarQuotes = dollarQuotes
        self.backslashEscapes = backslashEscapes
        self.backtickIdentifiers = backtickIdentifiers
        self.triggerBodies = triggerBodies
        self.delimiterCommand = delimiterCommand
        self.mysqlComments = mysqlComments
        self.nestedBlockComments = nestedBlockComments
        self.psqlMetaCommands = psqlMetaCommands
    }

    /// SQLite: backtick identifiers and `BEGIN ... END` trigger bodies.
    public static let sqlite = SplitterFlavor(backtickIdentifiers: true, triggerBodies: true)

    /// PostgreSQL: dollar quotes, nested block comments and psql's
    /// `\restrict` lines.
    public static let postgresql = SplitterFlavor(dollarQuotes: true, nestedBlockComments: true, psqlMetaCommands: true)

    /// MySQL and MariaDB: backslash escapes, backticks, `DELIMITER` and
    /// MySQL's comment rules.
    public static let mysql = SplitterFlavor(
        backslashEscapes: true, backtickIdentifiers: true, delimiterCommand: true, mysqlComments: true)
}
