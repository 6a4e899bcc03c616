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
            let graph = directory.graph
            if global.verbose, let url = migrator.url { Output.say("Database: \(url.redacted)") }
            for head in state.heads {
                let note = state.progress(of: head) ?? (graph.heads.contains(head) ? "head" : nil)
                Output.say(head + (note.map { " (\($0))" } ?? ""))
            }
            if global.verbose && state.heads.isEmpty { Output.say("<base> (nothing applied)") }
            for warning in state.warnings { Output.note("warning: \(warning)") }
            if checkClean { try state.throwIfNotClean() }
        }
    }
}
