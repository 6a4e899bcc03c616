import Foundation
import Testing

/// examples/python/test_notes.py: a unittest suite driving the CLI
/// (`database create`, `upgrade head`, `current`, `database drop --yes`),
/// run on every database as part of the one test command.
@Suite("Python example driving the CLI")
struct OtherLanguageExampleTests {
    @Test(arguments: TestBackend.allCases)
    func pythonUnittestPasses(_ backend: TestBackend) throws {
        let stem = "notes" + UUID().uuidString.prefix(8).lowercased()
        let base = try NotesProject.config(backend, database: stem).url!
        let result = try CommandResult.run(
            executable: "/usr/bin/env", ["python3", "examples/python/test_notes.py", "-v"], in: NotesProject.root,
            environment: ["MIGRATE_BINARY": CommandResult.binary, "NOTES_DATABASE_URL": base.string])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("Ran 3 tests"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("\nOK\n"), "\(result.stderr)")
        #expect(try backend.databases(named: "test_\(stem)_") == [], "the example drops its database")
    }
}
