import Foundation
import Testing

@testable import MigrateKit

/// MySQL/MariaDB fire several triggers of one table, timing and event in
/// their `ACTION_ORDER`, which `FOLLOWS` / `PRECEDES` set. The order is part
/// of the model: a changed order is a difference, and the upgrade puts it in
/// place.
@Suite("MySQL trigger order")
struct MySQLTriggerOrderTests {
    static let table = "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER);\n"
    static let double = "CREATE TRIGGER t_double BEFORE INSERT ON t FOR EACH ROW SET NEW.v = NEW.v * 2;\n"
    static let increment = "CREATE TRIGGER t_increment BEFORE INSERT ON t FOR EACH ROW SET NEW.v = NEW.v + 1;\n"
    static let incrementFirst =
        "CREATE TRIGGER t_increment BEFORE INSERT ON t FOR EACH ROW PRECEDES t_double SET NEW.v = NEW.v + 1;\n"

    @Test func aChangedFiringOrderIsADifferenceAndUpgradesInPlace() throws {
        let project = try AutogenerateProject(.mysql)
        try project.declare(Self.table + Self.double + Self.increment)
        try project.expectSuccess("revision", "--autogenerate", "-m", "Double then increment")
        try project.expectSuccess("upgrade", "head")
        try project.execute("INSERT INTO t (id, v) VALUES (1, 5)")
        #expect(try value(1, project) == 11)

        try project.declare(Self.table + Self.double + Self.incrementFirst)
        let check = try project.run("check")
        #expect(check.status == 1, "the order changed:\n\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("FOLLOWS"), "\(check.stdout)")
        try project.expectSuccess("revision", "--autogenerate", "-m", "Increment then double")
        let upgraded = try project.run("upgrade", "head")
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        let after = try project.run("check")
        #expect(after.status == 0, "\(after.stdout)\(after.stderr)")
        try project.execute("INSERT INTO t (id, v) VALUES (2, 5)")
        #expect(try value(2, project) == 12)
        #expect(try project.count("t") == 2)

        try project.expectSuccess("downgrade", "-1")
        try project.execute("INSERT INTO t (id, v) VALUES (3, 5)")
        #expect(try value(3, project) == 11)
    }

    private func value(_ id: Int, _ project: AutogenerateProject) throws -> Int? {
        let connection = try project.project.connect()
        defer { connection.close() }
        return try connection.scalar("SELECT v FROM t WHERE id = \(id)")?.int
    }
}
