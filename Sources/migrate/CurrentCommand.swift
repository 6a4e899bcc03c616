import ArgumentParser
import MigrateKit

struct CurrentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "current", abstract: "Show the revisions the database is at.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Flag(
        name: .customLong("check-clean"),
        help: "Exit 1 when a revision is half applied, applied but unknown, or edited since it was applied.")
    var checkClean = false

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            let state = try migrator.current()
            let directory = try migrator.scripts()
            if output.json, let url = migrator.url {
                if checkClean { try state.throwIfNotClean() }
                return try JSONOutput.print(CurrentJSON(state, database: url, directory: directory))
            }
            if global.verbose, let url = migrator.url { Output.say("Database: \(url.redacted)") }
            AbsentDatabaseNote.print(for: migrator)
            for warning in state.warnings { Output.note("warning: \(warning)") }
            for line in Self.stateLines(state, graph: directory.graph) { Output.say(line) }
            if checkClean { try state.throwIfNotClean() }
        }
    }

    /// One line per current head (`ab12 (head)`, `ab12 (applying: 2 of 4
    /// statements done)`), each unknown applied revision, or `base (nothing
    /// applied)`: `current` always says the state.
    static func stateLines(_ state: CurrentState, graph: RevisionGraph) -> [String] {
        let heads = state.heads.map { head in
            let note = state.progress(of: head) ?? (graph.heads.contains(head) ? "head" : nil)
            return head + (note.map { " (\($0))" } ?? "")
        }
        let unknown = state.unknown.map { "\($0) (unknown: no revision file defines it)" }
        return heads + unknown == [] ? ["base (nothing applied)"] : heads + unknown
    }
}
