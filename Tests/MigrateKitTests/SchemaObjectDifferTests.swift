import Testing

@testable import MigrateKit

/// The differ over views, functions, triggers and types: what is created,
/// dropped and re-created, and where each lands around the table changes.
@Suite("SchemaDiffer: objects")
struct SchemaObjectDifferTests {
    let differ = SchemaDiffer(dialect: PostgreSQLDialect())

    static let film = Table(
        name: "film",
        columns: [
            Column(name: "id", type: "integer", isNullable: false),
            Column(name: "rating", type: "mpaa_rating"),
        ])

    static func object(
        _ kind: SchemaObject.Kind, _ name: String, _ definition: String, table: String? = nil, uses: [String] = []
    ) -> SchemaObject {
        SchemaObject(
            kind: kind, name: name, table: table, definition: definition,
            createStatements: ["CREATE \(kind.rawValue) \(name) \(definition)"],
            dropStatements: ["DROP \(kind.rawValue) \(name)"], dependencies: uses)
    }

    static let rating = object(.type, "mpaa_rating", "ENUM ('G', 'PG')")
    static let filmList = object(.view, "film_list", "SELECT id FROM film", uses: ["film"])
    static let longFilms = object(.view, "long_films", "SELECT id FROM film_list", uses: ["film_list"])
    static let touch = object(.function, "touch()", "BEGIN NEW.t = now(); END")
    static let touchFilm = object(.trigger, "touch_film", "BEFORE UPDATE", table: "film", uses: ["film", "touch"])

    private func changes(_ old: Schema, _ new: Schema) -> [SchemaChange] {
        differ.changes(from: old, to: new)
    }

    @Test func equalObjectsGiveNoChanges() {
        let schema = Schema(tables: [Self.film], objects: [Self.rating, Self.filmList, Self.touch, Self.touchFilm])
        #expect(changes(schema, schema) == [])
    }

    /// A type a column uses comes before the table; views, functions and
    /// triggers after it, each after what it depends on.
    @Test func createsTypesBeforeTablesAndViewsAfterInDependencyOrder() {
        let new = Schema(
            tables: [Self.film], objects: [Self.longFilms, Self.touchFilm, Self.filmList, Self.touch, Self.rating])
        #expect(
            changes(Schema(), new) == [
                .createObject(Self.rating), .createTable(Self.film), .createObject(Self.touch),
                .createObject(Self.filmList), .createObject(Self.longFilms), .createObject(Self.touchFilm),
            ])
        // And the downgrade undoes it in reverse.
        #expect(
            changes(new, Schema()) == [
                .dropObject(Self.touchFilm), .dropObject(Self.longFilms), .dropObject(Self.filmList),
                .dropObject(Self.touch), .dropTable(Self.film), .dropObject(Self.rating),
            ])
    }

    /// A changed view is dropped and created again, with the difference
    /// named; a view over it follows it.
    @Test func recreatesAChangedViewAndItsDependents() {
        var changed = Self.filmList
        changed.definition = "SELECT id FROM film WHERE id > 0"
        let old = Schema(tables: [Self.film], objects: [Self.filmList, Self.longFilms])
        let new = Schema(tables: [Self.film], objects: [changed, Self.longFilms])
        let reason = "definition differs: `SELECT id FROM film` → `SELECT id FROM film WHERE id > 0`"
        let result = changes(old, new)
        #expect(
            result == [
                .dropObject(Self.longFilms, reason: "re-created: it depends on view film_list"),
                .dropObject(Self.filmList, reason: reason),
                .createObject(changed, reason: reason),
                .createObject(Self.longFilms, reason: "re-created: it depends on view film_list"),
            ])
        #expect(result[2].summary == "create view film_list (\(reason))")
    }

    /// Retyping a column a view reads drops the view first and creates it after.
    @Test func recreatesViewsOverARetypedColumn() {
        var retyped = Self.film
        retyped.columns[0].type = "bigint"
        let old = Schema(tables: [Self.film], objects: [Self.filmList])
        let new = Schema(tables: [retyped], objects: [Self.filmList])
        let reason = "re-created: table film changes under it"
        #expect(
            changes(old, new) == [
                .dropObject(Self.filmList, reason: reason),
                .alterColumn(table: "film", from: Self.film.columns[0], to: retyped.columns[0]),
                .createObject(Self.filmList, reason: reason),
            ])
    }

    /// Adding a column disturbs nothing.
    @Test func leavesViewsAloneWhenAColumnIsAdded() {
        var wider = Self.film
        wider.columns.append(Column(name: "title", type: "text"))
        let old = Schema(tables: [Self.film], objects: [Self.filmList, Self.touchFilm])
        let new = Schema(tables: [wider], objects: [Self.filmList, Self.touchFilm])
        #expect(changes(old, new) == [.addColumn(table: "film", Column(name: "title", type: "text"))])
    }

    /// A type that no column uses any more goes after the column that used it.
    @Test func dropsATypeAfterTheColumnThatUsedIt() {
        var plain = Self.film
        plain.columns.removeLast()
        let old = Schema(tables: [Self.film], objects: [Self.rating])
        let new = Schema(tables: [plain])
        #expect(
            changes(old, new) == [.dropColumn(table: "film", Self.film.columns[1]), .dropObject(Self.rating)])
    }

    @Test func summariesShowWhatDiffers() {
        var changed = Self.touch
        changed.definition = "line one\nBEGIN NEW.t = clock_timestamp(); END"
        let original = SchemaObject(
            kind: .function, name: "touch()", definition: "line one\nBEGIN NEW.t = now(); END", createStatements: [],
            dropStatements: [])
        #expect(
            SchemaChange.alterObject(from: original, to: changed).summary
                == "change function touch(): line 2: `BEGIN NEW.t = now(); END` → `BEGIN NEW.t = clock_timestamp(); END`")
        let key = ForeignKey(columns: ["a"], referencedTable: "t", referencedColumns: ["id"], onDelete: .restrict)
        #expect(SchemaChange.addForeignKey(table: "u", key).summary == "add foreign key u(a) → t(id) ON DELETE RESTRICT")
        let index = Index(name: "i", keys: [.column("doc")], method: "gin", includedColumns: ["x"])
        #expect(SchemaChange.addIndex(table: "u", index).summary == "add index i on u (doc) using gin include (x)")
    }

    @Test func namesWhatWasNotCompared() {
        let comparison = SchemaComparison(
            current: Schema(unmodelled: [UnmodelledObject(kind: "policy", name: "p")]),
            target: Schema(unmodelled: [UnmodelledObject(kind: "policy", name: "p"), UnmodelledObject(kind: "cast", name: "c")]),
            changes: [])
        #expect(comparison.warning == "not compared (not modelled by migrate, or excluded): cast c, policy p")
    }
}
