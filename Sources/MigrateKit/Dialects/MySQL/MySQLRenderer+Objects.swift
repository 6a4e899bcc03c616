extension MySQLRenderer {
    /// A statement whose text holds a `;` (a trigger or routine body
    /// `BEGIN ...; ...; END`) between `DELIMITER` lines, so that the
    /// revision file splits it as one statement, as the `mysql` client
    /// would. The `;` that ``RenderedBlock`` puts after each statement ends
    /// the closing `DELIMITER ;` line.
    static func delimited(_ statement: String) -> String {
        guard statement.contains(";") else { return statement }
        let delimiter = ["$$", "//", ";;"].first { !statement.contains($0) } ?? "$$"
        return "DELIMITER \(delimiter)\n\(statement)\(delimiter)\nDELIMITER "
    }

    /// ` ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
    /// with those of the options that are set.
    func tableOptions(_ options: [String: String]) -> String {
        var text = ""
        if let engine = options["engine"] { text += " ENGINE=\(engine)" }
        if let charset = options["charset"] { text += " DEFAULT CHARSET=\(charset)" }
        if let collation = options["collate"] { text += " COLLATE=\(collation)" }
        return text
    }

    /// `ALTER TABLE t ENGINE=...` when the engine changes, and `ALTER TABLE t
    /// CONVERT TO CHARACTER SET cs COLLATE c` when the character set or
    /// collation does.
    ///
    /// `CONVERT TO` rather than `DEFAULT CHARSET`: the model says a column
    /// without a collation of its own follows the table's, so the columns'
    /// text must be converted too (`DEFAULT CHARSET` alone would only change
    /// what new columns get, and leave the table reading as changed). Since
    /// `CONVERT TO` also converts columns that keep a collation of their
    /// own, and may widen `TEXT` types to hold the same number of
    /// characters, those columns are set back to their declared definition
    /// right after.
    func tableOptionStatements(table: String, from: [String: String], to: [String: String], target: Schema) -> [String] {
        let name = support.name(table)
        var statements: [String] = []
        if from["engine"] != to["engine"], let engine = to["engine"] {
            statements.append("ALTER TABLE \(name) ENGINE=\(engine)")
        }
        if from["collate"] != to["collate"] || from["charset"] != to["charset"], let collation = to["collate"] {
            let charset = to["charset"] ?? MySQLServerFacts.characterSet(of: collation)
            statements.append("ALTER TABLE \(name) CONVERT TO CHARACTER SET \(charset) COLLATE \(collation)")
            for column in target.tables[table]?.columns ?? []
            where column.collation != nil || column.type.hasSuffix("text") {
                statements.append("ALTER TABLE \(name) MODIFY COLUMN \(definition(of: column))")
            }
        }
        return statements
    }
}
