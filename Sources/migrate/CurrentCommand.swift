import ArgumentParser
import MigrateKit

struct CurrentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "current", abstract: "Show the revisions the database is at.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            let state = try migrator.current()
            let graph = try migrator.scripts().graph
            if global.verbose, let url = migrator.url { Output.say("Database: \(url.redacted)") }
            for head in state.heads {
                Output.say(head + (graph.heads.contains(head) ? " (head)" : ""))
            }
            if global.verbose && state.heads.isEmpty { Output.say("<base> (nothing applied)") }
            for row in state.halfApplied {
                Output.note("warning: revision \(row.revision) is marked '\(row.state.rawValue)': a run stopped halfway; see `migrate upgrade` for how to recover.")
            }
            for revision in state.unknown {
                Output.note("warning: revision \(revision) is applied but no file defines it.")
            }
            for warning in state.warnings { Output.note("warning: \(warning)") }
        }
    }
}

struct HeadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heads", abstract: "Show the head revisions of the revision files.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Output.run {
            let graph = try global.migrator().scripts().graph
            for head in graph.heads {
                let node = graph.nodes[head]!
                Output.say(global.verbose ? RevisionText.verbose(node, graph: graph) : RevisionText.line(node, graph: graph))
            }
        }
    }
}

struct BranchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "branches", abstract: "Show the revisions where the graph forks.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Output.run {
            let graph = try global.migrator().scripts().graph
            for id in graph.topologicalOrder().reversed() where graph.children(of: id).count > 1 {
                Output.say(RevisionText.line(graph.nodes[id]!, graph: graph))
                for child in graph.children(of: id) {
                    let node = graph.nodes[child]!
                    Output.say("    -> \(child)\(graph.heads.contains(child) ? " (head)" : ""), \(node.message)")
                }
            }
        }
    }
}
