extension MySQLRenderer {
    /// The statement run in strict mode and the session's `sql_mode` put
    /// back after it. Without `STRICT_ALL_TABLES` a `MODIFY COLUMN` that
    /// narrows a type cuts values that no longer fit and turns NULLs into
    /// `''` or `0` with only a warning; in strict mode it fails ("Data
    /// truncated for column ...", "Invalid use of NULL value") and the
    /// table keeps its data. When it fails, the run stops there, so the
    /// mode it leaves behind is never used by later revision SQL; a rerun
    /// that resumes after the first `SET` (a new session, where the saved
    /// mode is NULL) keeps the session's mode.
    static func strict(_ statement: String) -> [String] {
        [
            "SET @migrate_sql_mode = @@SESSION.sql_mode",
            "SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES')",
            statement,
            "SET SESSION sql_mode = COALESCE(@migrate_sql_mode, @@SESSION.sql_mode)",
        ]
    }
}
