import Foundation
import Testing

@testable import MigrateKit

/// The declared-schema cache is keyed by everything that changes how the
/// declared DDL reads, not only by the files.
@Suite("Declared-schema cache key")
struct DeclaredSchemaCacheKeyTests {
    /// MySQL: the scratch database takes the live database's character set
    /// and collation, so a table that names neither reads differently once
    /// they change. A warm cache made before the change must not hide it.
    @Test func aChangedLiveCollationInvalidatesTheCache() throws {
        let project = try AutogenerateProject(.mysql)
        try project.execute("ALTER DATABASE `\(project.project.url.database ?? "")` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci")
        try project.declare("CREATE TABLE note (id integer PRIMARY KEY, body varchar(40));")
        try project.expectSuccess("revision", "--autogenerate", "-m", "Note")
        try project.expectSuccess("upgrade", "head")
        let clean = try project.run("check")
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")

        try project.execute("ALTER DATABASE `\(project.project.url.database ?? "")` CHARACTER SET latin1 COLLATE latin1_swedish_ci")
        let check = try project.run("check")
        #expect(check.status == 1, "the declared table now reads as latin1:\n\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("latin1"), "\(check.stdout)")
    }
}
