import Foundation
import Testing

/// Runs one CLI command of a scenario and checks what it ran, the version
/// table and which of the scenario's tables exist.
struct ScenarioChecker {
    let project: CLIProject
    /// The table each revision creates.
    let tables: [String: String]

    func callAsFunction(
        _ arguments: [String], ran expected: [String], rows: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try CommandResult.run(arguments, in: project.folder)
        let command = arguments.joined(separator: " ")
        #expect(result.status == 0, "\(command): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(ran(result.stdout) == expected, "\(command): \(result.stdout)", sourceLocation: sourceLocation)
        try expectState(rows, after: command, sourceLocation: sourceLocation)
    }

    /// The command fails with exit 1, saying `text`, and changes nothing.
    func fails(
        _ arguments: [String], saying text: String, rows: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try CommandResult.run(arguments, in: project.folder)
        let command = arguments.joined(separator: " ")
        #expect(result.status == 1, "\(command): \(result.stdout)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "\(command): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(ran(result.stdout) == [], "\(command): \(result.stdout)", sourceLocation: sourceLocation)
        try expectState(rows, after: command, sourceLocation: sourceLocation)
    }

    /// `stamp` with `targets` succeeds and leaves exactly `rows`, creating
    /// and dropping no table.
    func stamp(
        _ targets: [String], rows: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try existingTables()
        let result = try CommandResult.run(["stamp"] + targets, in: project.folder)
        let command = (["stamp"] + targets).joined(separator: " ")
        #expect(result.status == 0, "\(command): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try project.versionRows() == rows.sorted().map { "\($0):applied" }, "after \(command)", sourceLocation: sourceLocation)
        #expect(try existingTables() == before, "after \(command)", sourceLocation: sourceLocation)
    }

    private func expectState(_ rows: [String], after command: String, sourceLocation: SourceLocation) throws {
        #expect(try project.versionRows() == rows.sorted().map { "\($0):applied" }, "after \(command)", sourceLocation: sourceLocation)
        #expect(try existingTables() == Set(rows.compactMap { tables[$0] }), "after \(command)", sourceLocation: sourceLocation)
    }

    private func existingTables() throws -> Set<String> {
        Set(try tables.values.filter { try project.tableExists($0) })
    }

    /// The revisions a run applied or reverted, in order, from its
    /// `Running upgrade a -> b` / `Running downgrade b -> a` lines.
    private func ran(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").compactMap { line -> String? in
            if line.hasPrefix("Running upgrade ") {
                return line.components(separatedBy: " -> ").dropFirst().first?.components(separatedBy: " ").first
            }
            if line.hasPrefix("Running downgrade ") {
                return line.dropFirst("Running downgrade ".count).components(separatedBy: " ").first
            }
            return nil
        }
    }
}
