import Testing

@testable import MigrateKit

/// The differ over hand-built models: each kind of change, the order of
/// changes, reverses, and suspected renames.
@Suite("SchemaDiffer")
struct SchemaDifferTests {
    let differ = SchemaDiffer(dialect: PostgreSQLDialect())

    static let id = Column(name: "id", type: "integer", isNullable: false)
    static let users = Table(
        name: "users",
        columns: [id, Column(name: "email", type: "character varying(255)", isNullable: false)],
        primaryKey: PrimaryKey(name: "users_pkey", columns: ["id"]))
    static let posts = Table(
        name: "posts",
        columns: [id, Column(name: "user_id", type: "integer")],
        primaryKey: PrimaryKey(name: "posts_pkey", columns: ["id"]),
        foreignKeys: [
            ForeignKey(name: "posts_user_id_fkey", columns: ["user_id"], referencedTable: "users", referencedColumns: ["id"])
        ])

    private func changes(_ old: [Table], _ new: [Table]) -> [SchemaChange] {
        differ.changes(from: Schema(tables: old), to: Schema(tables: new))
    }

    private func withTable(_ table: Table, _ body: (inout Table) -> Void) -> Table {
        var copy = table
        body(&copy)
        return copy
    }

    // MARK: Each kind

    @Test func equalSchemasHaveNoChanges() {
        #expect(changes([Self.users, Self.posts], [Self.users, Self.posts]) == [])
    }

    @Test func detectsCreatedAndDroppedTables() {
        #expect(changes([], [Self.users]) == [.createTable(Self.users)])
        #expect(changes([Self.users], []) == [.dropTable(Self.users)])
    }

    @Test func detectsAddedDroppedAndAlteredColumns() {
        let name = Column(name: "name", type: "text")
        let added = withTable(Self.users) { $0.columns.append(name) }
        #expect(changes([Self.users], [added]) == [.addColumn(table: "users", name)])
        #expect(changes([added], [Self.users]) == [.dropColumn(table: "users", name)])

        var email = Self.users.columns[1]
        email.type = "text"
        email.isNullable = true
        email.defaultExpression = "'x'::text"
        let altered = withTable(Self.users) { $0.columns[1] = email }
        #expect(changes([Self.users], [altered]) == [.alterColumn(table: "users", from: Self.users.columns[1], to: email)])
    }

    @Test func typesTheDialectCallsEquivalentAreNoChange() {
        let upper = withTable(Self.users) { $0.columns[1].type = "CHARACTER VARYING(255)" }
        #expect(changes([Self.users], [upper]) == [])
    }

    @Test func detectsPrimaryKeyChanges() {
        let none = withTable(Self.users) { $0.primaryKey = nil }
        let two = withTable(Self.users) { $0.primaryKey = PrimaryKey(name: "users_pkey", columns: ["id", "email"]) }
        #expect(changes([Self.users], [none]) == [.setPrimaryKey(table: "users", from: Self.users.primaryKey, to: nil)])
        #expect(
            changes([Self.users], [two]) == [
                .setPrimaryKey(table: "users", from: Self.users.primaryKey, to: two.primaryKey)
            ])
    }

    @Test func detectsForeignKeyChangesAsDropThenAdd() {
        let cascade = withTable(Self.posts) { $0.foreignKeys[0].onDelete = .cascade }
        #expect(
            changes([Self.users, Self.posts], [Self.users, cascade]) == [
                .dropForeignKey(table: "posts", Self.posts.foreignKeys[0]),
                .addForeignKey(table: "posts", cascade.foreignKeys[0]),
            ])
    }

    @Test func detectsUniqueIndexCheckAndCommentChanges() {
        let unique = UniqueConstraint(name: "users_email_key", columns: ["email"])
        let index = Index(name: "users_lower_email", keys: [.expression("lower((email)::text)")], predicate: "id > 0")
        let check = CheckConstraint(name: "users_id_check", expression: "id > 0")
        let rich = withTable(Self.users) {
            $0.uniqueConstraints = [unique]
            $0.indexes = [index]
            $0.checks = [check]
            $0.comment = "People"
        }
        #expect(
            changes([Self.users], [rich]) == [
                .setTableComment(table: "users", from: nil, to: "People"),
                .addUnique(table: "users", unique), .addCheck(table: "users", check), .addIndex(table: "users", index),
            ])
        #expect(
            changes([rich], [Self.users]) == [
                .dropIndex(table: "users", index), .dropUnique(table: "users", unique),
                .dropCheck(table: "users", check), .setTableComment(table: "users", from: "People", to: nil),
            ])
        let descending = withTable(rich) { $0.indexes[0].keys[0].isDescending = true }
        #expect(
            changes([rich], [descending]) == [
                .dropIndex(table: "users", index), .addIndex(table: "users", descending.indexes[0]),
            ])
    }

    @Test func generatedNamesAreComparedByDefinition() {
        let mysql = SchemaDiffer(dialect: MySQLDialect())
        let key = ForeignKey(name: "posts_ibfk_1", columns: ["user_id"], referencedTable: "users", referencedColumns: ["id"])
        let renamed = ForeignKey(name: "posts_ibfk_2", columns: ["user_id"], referencedTable: "users", referencedColumns: ["id"])
        let userNamed = ForeignKey(name: "fk_user", columns: ["user_id"], referencedTable: "users", referencedColumns: ["id"])
        let a = Schema(tables: [Self.users, withTable(Self.posts) { $0.foreignKeys = [key] }])
        let b = Schema(tables: [Self.users, withTable(Self.posts) { $0.foreignKeys = [renamed] }])
        let c = Schema(tables: [Self.users, withTable(Self.posts) { $0.foreignKeys = [userNamed] }])
        #expect(mysql.changes(from: a, to: b) == [])
        #expect(mysql.changes(from: a, to: c).count == 2)
        // Unnamed (SQLite) constraints match by definition.
        let unnamed = withTable(Self.posts) { $0.foreignKeys[0].name = nil }
        #expect(
            SchemaDiffer(dialect: SQLiteDialect()).changes(
                from: Schema(tables: [Self.users, Self.posts]), to: Schema(tables: [Self.users, unnamed])) == [])
    }

    // MARK: Order

    @Test func createsReferencedTablesFirstAndDropsThemLast() {
        #expect(changes([], [Self.posts, Self.users]) == [.createTable(Self.users), .createTable(Self.posts)])
        #expect(changes([Self.posts, Self.users], []) == [.dropTable(Self.posts), .dropTable(Self.users)])
    }

    @Test func addsTheForeignKeysOfACycleAfterBothTables() {
        let a = Table(
            name: "a", columns: [Self.id, Column(name: "b_id", type: "integer")],
            foreignKeys: [ForeignKey(name: "a_b_id_fkey", columns: ["b_id"], referencedTable: "b", referencedColumns: ["id"])])
        let b = Table(
            name: "b", columns: [Self.id, Column(name: "a_id", type: "integer")],
            foreignKeys: [ForeignKey(name: "b_a_id_fkey", columns: ["a_id"], referencedTable: "a", referencedColumns: ["id"])])
        // Visiting a first reaches b, whose key back to a closes the cycle.
        let upgrade = changes([], [a, b])
        let bareB = withTable(b) { $0.foreignKeys = [] }
        #expect(upgrade == [.createTable(bareB), .createTable(a), .addForeignKey(table: "b", b.foreignKeys[0])])
        #expect(
            changes([a, b], []) == [.dropForeignKey(table: "b", b.foreignKeys[0]), .dropTable(a), .dropTable(bareB)])
        // SQLite needs no deferral: references are checked on writes only.
        let sqlite = SchemaDiffer(dialect: SQLiteDialect()).changes(from: Schema(), to: Schema(tables: [a, b]))
        #expect(sqlite == [.createTable(b), .createTable(a)])
    }

    @Test func dropsForeignKeysBeforeWhatTheyReferenceAndAddsThemAfter() {
        let withUsers = [Self.users, Self.posts]
        let postsOnly = withTable(Self.posts) { $0.foreignKeys = [] }
        #expect(
            changes(withUsers, [postsOnly]) == [
                .dropForeignKey(table: "posts", Self.posts.foreignKeys[0]), .dropTable(Self.users),
            ])
        #expect(
            changes([postsOnly], withUsers) == [
                .createTable(Self.users), .addForeignKey(table: "posts", Self.posts.foreignKeys[0]),
            ])
    }

    @Test func dropsAndReaddsAForeignKeyInTheWayOfARetypedOrReplacedKey() {
        let users = withTable(Self.users) { $0.columns[0].type = "bigint" }
        let posts = withTable(Self.posts) { $0.columns[1].type = "bigint" }
        let key = Self.posts.foreignKeys[0]
        let upgrade = changes([Self.users, Self.posts], [users, posts])
        #expect(upgrade.first == .dropForeignKey(table: "posts", key))
        #expect(upgrade.last == .addForeignKey(table: "posts", key))
        #expect(upgrade.count == 4)

        let renamedKey = withTable(Self.users) { $0.primaryKey?.name = "users_pk" }
        #expect(
            changes([Self.users, Self.posts], [renamedKey, Self.posts]) == [
                .dropForeignKey(table: "posts", key),
                .setPrimaryKey(table: "users", from: Self.users.primaryKey, to: renamedKey.primaryKey),
                .addForeignKey(table: "posts", key),
            ])
        // SQLite checks nothing in DDL: no churn there.
        let sqlite = SchemaDiffer(dialect: SQLiteDialect())
        #expect(sqlite.changes(from: Schema(tables: [Self.users, Self.posts]), to: Schema(tables: [users, posts])).count == 2)
    }

    @Test func theReversedChangesUndoTheUpgrade() {
        let old = [Self.users, withTable(Self.posts) { $0.columns.append(Column(name: "body", type: "text")) }]
        let new = [withTable(Self.users) { $0.comment = "x" }]
        let upgrade = changes(old, new)
        let downgrade = upgrade.reversed().map(\.reversed)
        #expect(downgrade == changes(new, old))
    }

    @Test func reversedTwiceIsTheSameChange() {
        let column = Self.users.columns[1]
        let all: [SchemaChange] = [
            .createTable(Self.users), .dropTable(Self.posts), .addColumn(table: "t", column),
            .dropColumn(table: "t", column),
            .alterColumn(table: "t", from: column, to: Column(name: "email", type: "text")),
            .setPrimaryKey(table: "t", from: nil, to: PrimaryKey(columns: ["id"])),
            .addForeignKey(table: "posts", Self.posts.foreignKeys[0]),
            .dropForeignKey(table: "posts", Self.posts.foreignKeys[0]),
            .addUnique(table: "t", UniqueConstraint(columns: ["a"])), .dropUnique(table: "t", UniqueConstraint(columns: ["a"])),
            .addIndex(table: "t", Index(name: "i", keys: [.column("a")])),
            .dropIndex(table: "t", Index(name: "i", keys: [.column("a")])),
            .addCheck(table: "t", CheckConstraint(expression: "a > 0")),
            .dropCheck(table: "t", CheckConstraint(expression: "a > 0")),
            .setTableComment(table: "t", from: nil, to: "c"),
        ]
        for change in all {
            #expect(change.reversed.reversed == change)
            #expect(change.reversed.tableName == change.tableName)
        }
        #expect(SchemaChange.createTable(Self.users).reversed == .dropTable(Self.users))
    }

    @Test func summariesReadAsOneLine() {
        let column = Column(name: "email", type: "varchar(255)", isNullable: false)
        #expect(SchemaChange.addColumn(table: "users", column).summary == "add column users.email varchar(255) NOT NULL")
        #expect(SchemaChange.dropTable(Self.users).summary == "drop table users")
        #expect(
            SchemaChange.addForeignKey(table: "posts", Self.posts.foreignKeys[0]).summary
                == "add foreign key posts_user_id_fkey posts(user_id) → users(id)")
    }

    // MARK: Renames

    @Test func suspectsRenamedColumnsAndTables() {
        let renamedColumn = withTable(Self.users) { $0.columns[1].name = "mail" }
        let columnChanges = changes([Self.users], [renamedColumn])
        #expect(
            differ.suspectedRenames(in: columnChanges) == [
                SuspectedRename(
                    table: "users", from: "email", to: "mail",
                    renameSQL: "ALTER TABLE users RENAME COLUMN email TO mail")
            ])
        let people = withTable(Self.users) { $0.name = "people" }
        #expect(
            differ.suspectedRenames(in: changes([Self.users], [people])) == [
                SuspectedRename(table: nil, from: "users", to: "people", renameSQL: "ALTER TABLE users RENAME TO people")
            ])
        // A type of the same kind may come with a rename; another kind is no rename.
        let widened = withTable(Self.users) {
            $0.columns[1].name = "mail"
            $0.columns[1].type = "text"
        }
        #expect(differ.suspectedRenames(in: changes([Self.users], [widened])).map(\.to) == ["mail"])
        let retyped = withTable(Self.users) {
            $0.columns[1].name = "mail"
            $0.columns[1].type = "integer"
        }
        #expect(differ.suspectedRenames(in: changes([Self.users], [retyped])) == [])
    }
}
