import ArgumentParser
import MigrateKit

struct CurrentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "current", abstract: "Show the revisions the database is at.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            let state = try migrator.current()
            let directory = try migrator.scripts()
            if output.json, let url = migrator.url {
                return try JSONOutput.print(CurrentJSON(state, database: url, directory: directory))
            }
            let graph = directory.graph
            if global.verbose, let url = migrator.url { Output.say("Database: \(url.redacted)") }
            for head in state.heads {
                Output.say(head + (graph.heads.contains(head) ? " (head)" : ""))
            }
            if global.verbose && state.heads.isEmpty { Output.say("<base> (nothing applied)") }
            for warning in state.warnings { Output.note("warning: \(warning)") }
        }
    }
}
