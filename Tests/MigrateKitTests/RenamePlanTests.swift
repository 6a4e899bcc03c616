import Testing

@testable import MigrateKit

/// How autogenerate settles suspected renames (issue 11, part 1): named
/// renames, the question, `--no-rename`, and refusal; and the SQL a rename
/// is written as in each dialect.
@Suite("Rename plan")
struct RenamePlanTests {
    static let notes = Table(
        name: "notes",
        columns: [
            Column(name: "id", type: "integer", isNullable: false), Column(name: "completed", type: "character varying(20)"),
        ],
        primaryKey: PrimaryKey(name: "notes_pkey", columns: ["id"]))
    static var renamed: Table {
        var table = notes
        table.columns[1] = Column(name: "done", type: "character varying(50)")
        return table
    }
    static let current = Schema(tables: [notes])
    static let target = Schema(tables: [renamed])

    struct Answer: RenameQuestion {
        let yes: Bool
        func confirms(_ rename: SuspectedRename) -> Bool { yes }
    }

    func plan(_ options: AutogenerateOptions, dialect: any Dialect = PostgreSQLDialect()) throws -> [SchemaChange] {
        try RenamePlan(differ: SchemaDiffer(dialect: dialect), options: options).changes(from: Self.current, to: Self.target)
    }

    @Test func readsRenameAnswers() {
        #expect(RenameAnswer(parsing: "notes.completed=notes.done") == RenameAnswer(table: "notes", from: "completed", to: "done"))
        #expect(RenameAnswer(parsing: "notes.completed=done") == RenameAnswer(table: "notes", from: "completed", to: "done"))
        #expect(RenameAnswer(parsing: "authors=writers") == RenameAnswer(table: nil, from: "authors", to: "writers"))
        #expect(RenameAnswer(parsing: "a.b=c.d") == nil)
        #expect(RenameAnswer(parsing: "notes.completed") == nil)
        #expect(RenameAnswer(parsing: "=x") == nil)
    }

    @Test func unansweredSuspectedRenameIsRefusedWithTheFlagToPass() throws {
        let failure = #expect(throws: AutogenerateError.self) { try plan(AutogenerateOptions()) }
        #expect(failure?.errorID == "autogenerate.suspected-rename")
        #expect(failure?.message.contains("notes.completed to notes.done: pass --rename notes.completed=notes.done") == true)
    }

    @Test func namedRenameComesFirstAndTheTypeChangeFollowsOnTheNewName() throws {
        let changes = try plan(AutogenerateOptions(renames: [RenameAnswer(table: "notes", from: "completed", to: "done")]))
        #expect(
            changes == [
                .renameColumn(table: "notes", from: "completed", to: "done"),
                .alterColumn(
                    table: "notes", from: Column(name: "done", type: "character varying(20)"),
                    to: Column(name: "done", type: "character varying(50)")),
            ])
    }

    @Test func theQuestionDecides() throws {
        #expect(try plan(AutogenerateOptions(renameQuestion: Answer(yes: true))).first?.isRename == true)
        let no = try plan(AutogenerateOptions(renameQuestion: Answer(yes: false)))
        let summaries = no.map(\.summary)
        #expect(summaries.contains("drop column notes.completed"), "\(summaries)")
        #expect(no.filter(\.isRename).isEmpty)
    }

    @Test func noRenameMeansDropAndAdd() throws {
        let changes = try plan(AutogenerateOptions(dropsUnconfirmedRenames: true, renameQuestion: Answer(yes: true)))
        #expect(changes.filter(\.isRename).isEmpty)
        #expect(changes.count == 2)
    }

    @Test func renameTheSchemasDoNotShowIsAnError() {
        let failure = #expect(throws: AutogenerateError.self) {
            try plan(AutogenerateOptions(renames: [RenameAnswer(table: "notes", from: "finished", to: "done")]))
        }
        #expect(failure?.errorID == "autogenerate.rename-does-not-apply")
    }

    /// The downgrade renames back after undoing the rest; PostgreSQL also
    /// renames the names it derived from the old table name.
    @Test func renamedTableCarriesItsGeneratedNamesOnPostgreSQL() {
        let writers = Table(
            name: "writers", columns: Self.notes.columns, primaryKey: PrimaryKey(name: "writers_pkey", columns: ["id"]))
        let current = Schema(tables: [Self.notes])
        let changes: [SchemaChange] = [.renameTable(from: "notes", to: "writers")]
        #expect(current.applying(changes, dialect: PostgreSQLDialect()).tables["writers"] == writers)
        let sql = PostgreSQLRenderer().renderRevision(changes, current: current, target: Schema(tables: [writers]))
        #expect(
            sql.upgrade == """
                -- rename table notes to writers
                ALTER TABLE notes RENAME TO writers;
                ALTER TABLE writers RENAME CONSTRAINT notes_pkey TO writers_pkey;

                """)
        #expect(
            sql.downgrade.contains("ALTER TABLE writers RENAME TO notes;\nALTER TABLE notes RENAME CONSTRAINT writers_pkey TO notes_pkey;"))
    }

    @Test func renameRunsBeforeTheOtherChangesAndIsUndoneAfterThem() {
        let changes: [SchemaChange] = [
            .renameColumn(table: "notes", from: "completed", to: "done"),
            .alterColumn(
                table: "notes", from: Column(name: "done", type: "VARCHAR(20)"), to: Column(name: "done", type: "VARCHAR(50)")),
        ]
        let sqlite = SQLiteRenderer().renderRevision(changes, current: Self.current, target: Self.target)
        let upgradeRename = sqlite.upgrade.range(of: "ALTER TABLE notes RENAME COLUMN completed TO done")
        let copy = sqlite.upgrade.range(of: "INSERT INTO \"_new_notes\"")
        #expect(upgradeRename != nil && copy != nil && upgradeRename!.lowerBound < copy!.lowerBound, "\(sqlite.upgrade)")
        let downgradeRename = sqlite.downgrade.range(of: "ALTER TABLE notes RENAME COLUMN done TO completed")
        let downgradeCopy = sqlite.downgrade.range(of: "INSERT INTO \"_new_notes\"")
        #expect(
            downgradeRename != nil && downgradeCopy != nil && downgradeCopy!.lowerBound < downgradeRename!.lowerBound,
            "\(sqlite.downgrade)")
    }
}
