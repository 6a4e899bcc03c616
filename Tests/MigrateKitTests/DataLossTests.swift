import Testing

@testable import MigrateKit

/// What autogenerate names as data loss (issue 11, part 2), and the SQL
/// that makes a narrowing fail rather than cut values.
@Suite("Data loss")
struct DataLossTests {
    func loss(_ from: Column, _ to: Column) -> String? {
        SchemaChange.alterColumn(table: "t", from: from, to: to).dataLoss
    }

    func type(_ from: String, _ to: String) -> String? {
        loss(Column(name: "c", type: from), Column(name: "c", type: to))
    }

    @Test func namesEachKindOfLoss() {
        #expect(SchemaChange.dropTable(Table(name: "users")).dataLoss == "drops table users")
        #expect(SchemaChange.dropColumn(table: "users", Column(name: "fax", type: "text")).dataLoss == "drops column users.fax")
        #expect(type("varchar(100)", "varchar(50)") == "narrows type varchar(100) to varchar(50) on t.c")
        #expect(type("character varying(100)", "character varying(50)") != nil)
        #expect(type("bigint", "int") == "narrows type bigint to int on t.c")
        #expect(type("numeric(10,2)", "numeric(8,2)") == "cuts precision from numeric(10,2) to numeric(8,2) on t.c")
        #expect(type("numeric(10,4)", "numeric(10,2)") != nil)
        #expect(type("text", "varchar(20)") != nil)
        #expect(type("enum('a','b','c')", "enum('a','c')") == "removes enum value 'b' on t.c")
        #expect(type("text", "integer")?.contains("values that do not convert") == true)
        #expect(
            loss(Column(name: "c", type: "int"), Column(name: "c", type: "int", isNullable: false))
                == "sets NOT NULL on t.c, which may hold NULLs")
    }

    @Test func wideningLosesNothing() {
        #expect(type("varchar(50)", "varchar(100)") == nil)
        #expect(type("varchar(50)", "text") == nil)
        #expect(type("int", "bigint") == nil)
        #expect(type("numeric(8,2)", "numeric(10,2)") == nil)
        #expect(type("integer", "numeric") == nil)
        #expect(type("enum('a','c')", "enum('a','b','c')") == nil)
        #expect(SchemaChange.addColumn(table: "t", Column(name: "c", type: "int")).dataLoss == nil)
    }

    @Test func postgreSQLNamesEnumValuesRemovedFromAType() {
        let old = SchemaObject(
            kind: .type, name: "mood", definition: "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')", createStatements: [],
            dropStatements: [])
        let new = SchemaObject(
            kind: .type, name: "mood", definition: "CREATE TYPE mood AS ENUM ('sad', 'happy')", createStatements: [], dropStatements: [])
        let changes: [SchemaChange] = [.dropObject(old), .createObject(new)]
        #expect(PostgreSQLDialect().dataLoss(of: changes[0], among: changes) == "removes enum value 'ok' from type mood")
    }

    /// A narrowing `USING col::varchar(10)` would cut values silently (an
    /// explicit cast truncates); without it PostgreSQL's assignment cast fails.
    @Test func postgreSQLNarrowsWithoutAnExplicitCast() {
        let statements = PostgreSQLRenderer().alterColumn(
            "t", from: Column(name: "c", type: "character varying(100)"), to: Column(name: "c", type: "character varying(10)"))
        #expect(statements == ["ALTER TABLE t ALTER COLUMN c TYPE character varying(10)"])
        let widening = PostgreSQLRenderer().alterColumn(
            "t", from: Column(name: "c", type: "integer"), to: Column(name: "c", type: "bigint"))
        #expect(widening == ["ALTER TABLE t ALTER COLUMN c TYPE bigint USING c::bigint"])
    }

    @Test func mySQLNarrowsInStrictMode() {
        let change = SchemaChange.alterColumn(
            table: "t", from: Column(name: "c", type: "varchar(100)"), to: Column(name: "c", type: "varchar(10)"))
        #expect(
            MySQLRenderer().statements(for: change, target: Schema()) == [
                "SET @migrate_sql_mode = @@SESSION.sql_mode",
                "SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES')",
                "ALTER TABLE t MODIFY COLUMN c varchar(10)",
                "SET SESSION sql_mode = COALESCE(@migrate_sql_mode, @@SESSION.sql_mode)",
            ])
    }

    @Test func renderedFileMarksTheLossBeforeTheChange() {
        let users = Table(name: "users", columns: [Column(name: "id", type: "INTEGER"), Column(name: "fax", type: "TEXT")])
        var without = users
        without.columns.removeLast()
        let sql = SQLiteRenderer().render(
            [.dropColumn(table: "users", users.columns[1])], current: Schema(tables: [users]), target: Schema(tables: [without]))
        #expect(sql == "-- DATA LOSS: drops column users.fax\n-- drop column users.fax\nALTER TABLE users DROP COLUMN fax;\n")
    }
}
