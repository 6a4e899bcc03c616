/// Views, triggers, functions and procedures, each kind with one query
/// (routines with a second for their parameters), and events as not
/// modelled.
///
/// Each object's ``SchemaObject/definition`` is what the server keeps
/// (`VIEW_DEFINITION`, `ACTION_STATEMENT`, `ROUTINE_DEFINITION`) with the
/// database's own name taken out (a view is read in a scratch database of
/// another name), and its create statement is rebuilt from the same columns.
/// The `DEFINER` is neither compared nor written: the objects are created by
/// whoever runs the revision, as that user. A routine's `SQL_MODE` is not
/// compared either (it is the session's when the revision runs).
extension MySQLInspector {
    func readObjects(_ connection: DatabaseConnection, server: ServerFacts, into builder: inout SchemaBuilder) throws {
        try readViews(connection, server: server, into: &builder)
        try readTriggers(connection, into: &builder)
        try readRoutines(connection, into: &builder)
        for row in try connection.query("SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()") {
            builder.unmodelled.append(UnmodelledObject(kind: "event", name: row.string(0)))
        }
    }

    /// `ALGORITHM` is a MariaDB column of `VIEWS`; MySQL 8 does not report it.
    private func readViews(_ connection: DatabaseConnection, server: ServerFacts, into builder: inout SchemaBuilder) throws {
        let qualifier = MySQLDialect().quoteIdentifier(server.database) + "."
        for row in try connection.query(
            """
            SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE, \(server.isMariaDB ? "ALGORITHM" : "'UNDEFINED'")
            FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME
            """)
        {
            let name = row.string(0)
            let body = row.string(1).replacingOccurrences(of: qualifier, with: "")
            var head = "CREATE"
            if let algorithm = row.text(4), algorithm != "UNDEFINED" { head += " ALGORITHM=\(algorithm)" }
            if row.string(3) == "INVOKER" { head += " SQL SECURITY INVOKER" }
            var statement = "\(head) VIEW \(Self.quoted(name)) AS \(body)"
            if let option = row.text(2), option != "NONE" { statement += " WITH \(option) CHECK OPTION" }
            builder.add(
                SchemaObject(
                    kind: .view, name: name, definition: statement, createStatements: [statement],
                    dropStatements: ["DROP VIEW \(Self.quoted(name))"], dependencies: Self.words(body, except: name)))
        }
    }

    /// Triggers in their firing order per table, timing and event
    /// (`ACTION_ORDER`). A trigger after the first of its group is written
    /// and compared with `FOLLOWS <the one before>`, so a changed order is
    /// a difference (and the one before is created first).
    private func readTriggers(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        var previous: (group: String, name: String)?
        for row in try connection.query(
            """
            SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT
            FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()
            ORDER BY EVENT_OBJECT_TABLE, EVENT_MANIPULATION, ACTION_TIMING, ACTION_ORDER
            """)
        {
            let name = row.string(0)
            let table = row.string(1)
            let group = "\(table)\u{0}\(row.string(2))\u{0}\(row.string(3))"
            let follows = previous?.group == group ? previous?.name : nil
            previous = (group, name)
            let statement =
                "CREATE TRIGGER \(Self.quoted(name)) \(row.string(2)) \(row.string(3)) ON \(Self.quoted(table)) "
                + "FOR EACH ROW \(follows.map { "FOLLOWS \(Self.quoted($0)) " } ?? "")\(row.string(4))"
            builder.add(
                SchemaObject(
                    kind: .trigger, name: name, table: table, definition: statement, createStatements: [statement],
                    dropStatements: ["DROP TRIGGER \(Self.quoted(name))"],
                    dependencies: Self.words(row.string(4), except: name) + (follows.map { [$0.lowercased()] } ?? [])))
        }
    }

    /// Functions and procedures with their parameters (`PARAMETERS`, position
    /// 0 being a function's return value). `ROUTINE_DEFINITION` is `NULL`
    /// for a user who may not see the body (MySQL: neither the definer nor
    /// holding `SHOW_ROUTINE`); such a routine is named as not compared.
    private func readRoutines(_ connection: DatabaseConnection, into builder: inout SchemaBuilder) throws {
        var parameters: [String: [String]] = [:]
        for row in try connection.query(
            """
            SELECT SPECIFIC_NAME, ROUTINE_TYPE, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER
            FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = DATABASE() AND ORDINAL_POSITION > 0
            ORDER BY SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION
            """)
        {
            let mode = row.string(1) == "PROCEDURE" ? (row.text(2).map { $0 + " " } ?? "") : ""
            parameters[row.string(1) + " " + row.string(0), default: []].append(
                mode + Self.quoted(row.string(3)) + " " + row.string(4))
        }
        for row in try connection.query(
            """
            SELECT ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, ROUTINE_DEFINITION, IS_DETERMINISTIC, SQL_DATA_ACCESS,
                   SECURITY_TYPE, ROUTINE_COMMENT
            FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY ROUTINE_NAME
            """)
        {
            let name = row.string(0)
            let type = row.string(1)
            let kind: SchemaObject.Kind = type == "PROCEDURE" ? .procedure : .function
            guard let body = row.text(3) else {
                builder.unmodelled.append(UnmodelledObject(kind: "\(kind.rawValue) (body not readable)", name: name))
                continue
            }
            var statement =
                "CREATE \(type) \(Self.quoted(name))("
                + (parameters[type + " " + name] ?? []).joined(separator: ", ") + ")"
            if kind == .function { statement += " RETURNS \(row.string(2))" }
            var characteristics: [String] = []
            if let comment = row.text(7), !comment.isEmpty { characteristics.append("COMMENT \(MySQLDialect().literal(comment))") }
            if row.string(4) == "YES" { characteristics.append("DETERMINISTIC") }
            if let access = row.text(5), access != "CONTAINS SQL" { characteristics.append(access) }
            if row.string(6) == "INVOKER" { characteristics.append("SQL SECURITY INVOKER") }
            statement += characteristics.map { "\n    " + $0 }.joined() + "\n" + body
            builder.add(
                SchemaObject(
                    kind: kind, name: name, definition: statement, createStatements: [statement],
                    dropStatements: ["DROP \(type) \(Self.quoted(name))"], dependencies: Self.words(body, except: name)))
        }
    }

    static func quoted(_ name: String) -> String { MySQLDialect().quoteIdentifier(name) }

    /// The identifier words of a body, as the names of tables and objects it
    /// may read (the differ keeps only those that name one).
    static func words(_ text: String, except name: String) -> [String] {
        SQLWords.of(text).subtracting([name.lowercased()]).sorted()
    }
}
