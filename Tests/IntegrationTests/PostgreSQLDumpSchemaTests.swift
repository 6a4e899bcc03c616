import Foundation
import Testing

@testable import MigrateKit

/// A `pg_dump -s` file works as `schema.sql` as it is (issue 8 §3): its
/// `set_config('search_path', '', false)`, `SET`s, `\restrict` and
/// `OWNER TO` lines change nothing about how the schema reads.
@Suite("PostgreSQL pg_dump as declared schema")
struct PostgreSQLDumpSchemaTests {
    /// `pg_dump -s` of the database at `url`, from the PostgreSQL 15 client.
    static func dumpSchema(_ url: DatabaseURL) throws -> String {
        let process = Process()
        let installed = "/usr/lib/postgresql/15/bin/pg_dump"
        process.executableURL = URL(
            fileURLWithPath: FileManager.default.isExecutableFile(atPath: installed) ? installed : "/usr/bin/pg_dump")
        process.arguments = ["--schema-only", "--dbname=\(url.string)"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aDumpOfPagilaIsTheSchemaOfBothAnEmptyAndAPopulatedDatabase() throws {
        // A database made from pagila, then dumped.
        let populated = try AutogenerateProject(.postgresql)
        try populated.declare(try PostgreSQLSampleSchemaTests.sample("pagila"))
        try populated.expectSuccess("revision", "--autogenerate", "-m", "Pagila")
        try populated.expectSuccess("upgrade", "head")
        let dump = try Self.dumpSchema(populated.project.url)
        #expect(dump.contains("set_config('search_path', '', false)"))
        #expect(dump.contains("OWNER TO"))
        #expect(dump.contains("\\restrict "), "pg_dump 15.14+ guards its output")

        // Against the populated database itself: nothing to do.
        try populated.declare(dump)
        let check = try populated.run("check", "--strict")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let declared = try populated.declaredSchema()
        #expect(declared.tables.count == 15 + 7 && declared.objects.count > 40)
        #expect(declared == (try populated.inspect()))

        // Against an empty database: everything is created.
        let empty = try AutogenerateProject(.postgresql)
        try empty.declare(dump)
        let generated = try empty.expectSuccess("revision", "--autogenerate", "-m", "From the dump")
        #expect(generated.stdout.hasPrefix("Generated "), "\(generated.stdout)")
        try empty.expectSuccess("upgrade", "head")
        let after = try empty.run("check", "--strict")
        #expect(after.status == 0, "\(after.stdout)\(after.stderr)")
    }

    @Test func ownershipAndPrivilegesAreLeftOutOfTheScratchDatabase() {
        #expect(PostgreSQLScratchSession.isOwnershipOrPrivilege("ALTER TABLE public.actor OWNER TO nobody_here"))
        #expect(PostgreSQLScratchSession.isOwnershipOrPrivilege("GRANT ALL ON SCHEMA public TO PUBLIC"))
        #expect(PostgreSQLScratchSession.isOwnershipOrPrivilege("REVOKE USAGE ON SCHEMA public FROM PUBLIC"))
        #expect(!PostgreSQLScratchSession.isOwnershipOrPrivilege("ALTER TABLE owner ADD COLUMN to_do text"))
    }
}
