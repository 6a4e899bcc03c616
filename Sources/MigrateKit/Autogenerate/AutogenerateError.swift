/// Failures of `revision --autogenerate`, `check` and reading the declared schema.
public enum AutogenerateError: MigrateFailure {
    /// `schema` is not set in `migrate.ini`.
    case noSchema
    /// The declared schema file or folder does not exist.
    case schemaNotFound(String)
    /// The declared schema folder holds no `.sql` file.
    case emptySchemaFolder(String)
    /// A statement of the declared schema failed on the scratch database.
    case statementFailed(path: String, line: Int, sql: String, reason: String)
    /// The database has not applied every head.
    case notAtHead(current: [String], heads: [String])
    /// Tables or columns that look renamed, with no answer and no terminal to ask on.
    case suspectedRenames([SuspectedRename])
    /// A `--rename` the two schemas do not show.
    case renameDoesNotApply(RenameAnswer, reason: String)

    /// The stable id of each case: `autogenerate.no-schema`, `schema.not-found`,
    /// `schema.empty-folder`, `schema.statement-failed`, `autogenerate.not-at-head`,
    /// `autogenerate.suspected-rename` and `autogenerate.rename-does-not-apply`.
    public var errorID: String {
        switch self {
        case .noSchema: "autogenerate.no-schema"
        case .schemaNotFound: "schema.not-found"
        case .emptySchemaFolder: "schema.empty-folder"
        case .statementFailed: "schema.statement-failed"
        case .notAtHead: "autogenerate.not-at-head"
        case .suspectedRenames: "autogenerate.suspected-rename"
        case .renameDoesNotApply: "autogenerate.rename-does-not-apply"
        }
    }

    /// What went wrong and what to do: set `schema`, fix the failing statement
    /// (with its file, line and first line of SQL), upgrade to head first, or pass
    /// `--rename`/`--no-rename` for each suspected rename it lists.
    public var message: String {
        switch self {
        case .noSchema:
            return "No declared schema to compare with: set `schema = schema.sql` (a file, or a folder of "
                + ".sql files) in the [migrate] section of migrate.ini."
        case .schemaNotFound(let path):
            return "The declared schema '\(path)' does not exist: create it, or point `schema` in migrate.ini at it."
        case .emptySchemaFolder(let path):
            return "The declared schema folder '\(path)' holds no .sql file."
        case .statementFailed(let path, let line, let sql, let reason):
            let first = sql.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? sql
            return "The declared schema failed at \(path):\(line): \(reason)\n    \(first)\n"
                + "Fix the statement in \(path); the live database was not touched."
        case .notAtHead(let current, let heads):
            let now = current.isEmpty ? "<base>" : current.joined(separator: ", ")
            let head = heads.isEmpty ? "<base>" : heads.joined(separator: ", ")
            return "The database is not at head (it is at \(now); head is \(head)): run `migrate upgrade head` first."
        case .suspectedRenames(let renames):
            let lines = renames.map { "    \($0.words): pass --rename \($0.answer)" }
            return "Possibly renamed, and a drop and an add would lose the data; no revision was written:\n"
                + lines.joined(separator: "\n")
                + "\nPass the --rename shown to keep the data, or --no-rename if they are really dropped and added."
        case .renameDoesNotApply(let answer, let reason):
            return "--rename \(answer) does not apply: \(reason). Name the table (and column) as the database and "
                + "the declared schema spell them: --rename table.old=table.new, or --rename old_table=new_table."
        }
    }
}
