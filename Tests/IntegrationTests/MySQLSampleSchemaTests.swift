import Foundation
import Testing

@testable import MigrateKit

/// Issue 8 §5 on MariaDB: the DDL of public sample databases (sakila,
/// employees, chinook), exactly as their projects publish it but for the
/// lines that name the database (see `SampleSchemas/mysql/NOTICE.md`),
/// through the `migrate` binary.
@Suite("MySQL sample schemas")
struct MySQLSampleSchemaTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("SampleSchemas/mysql").path

    static func ddl(_ name: String) throws -> String {
        try String(contentsOfFile: "\(folder)/\(name).sql", encoding: .utf8)
    }

    /// From empty: autogenerate, upgrade, `check` clean, `verify`, and
    /// `downgrade base` leaves no table and no object behind.
    @Test(arguments: ["sakila", "employees", "chinook"])
    func fromEmpty(_ name: String) throws {
        let project = try AutogenerateProject(.mysql)
        try project.declare(try Self.ddl(name))
        try project.expectSuccess("revision", "--autogenerate", "-m", name)
        try project.expectSuccess("upgrade", "head")
        let check = try project.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let verify = try project.run("verify")
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(try project.inspect() == project.declaredSchema())
        try project.expectSuccess("downgrade", "base")
        let left = try project.inspect()
        #expect(left.tables.isEmpty && left.objects.isEmpty, "\(left)")
    }

    /// A `mariadb-dump --no-data --routines --triggers` file (`/*!40101 SET
    /// ... */`, `DELIMITER ;;`, `/*!50001 CREATE ... VIEW */`, `/*!50003
    /// CREATE*/ /*!50017 DEFINER=...*/ /*!50003 TRIGGER ... */`) works as
    /// `schema.sql` as it is: the database it builds reads exactly like the
    /// one that was dumped.
    @Test func mysqldumpOutputIsASchema() throws {
        let source = try ScratchDatabase(.mysql)
        try source.run(try Self.ddl("sakila"))
        let dump = try Self.dumpSchema(of: source.url)
        #expect(dump.contains("DELIMITER ;;") && dump.contains("/*!50001 CREATE"), "\(dump.prefix(2000))")

        let project = try AutogenerateProject(.mysql)
        try project.declare(dump)
        try project.expectSuccess("revision", "--autogenerate", "-m", "from a dump")
        try project.expectSuccess("upgrade", "head")
        let check = try project.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(try project.inspect() == source.inspect())
    }

    /// `mariadb-dump` (or `mysqldump`) of the database's schema, with the
    /// password passed in the environment rather than on the command line.
    static func dumpSchema(of url: DatabaseURL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let tool = FileManager.default.isExecutableFile(atPath: "/usr/bin/mariadb-dump") ? "mariadb-dump" : "mysqldump"
        process.arguments = [
            tool, "--no-data", "--routines", "--triggers", "--skip-comments", "-h", url.host ?? "127.0.0.1",
            "-P", String(url.port ?? 3306), "-u", url.user ?? "root", url.database ?? "",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["MYSQL_PWD"] = url.password ?? ""
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}
