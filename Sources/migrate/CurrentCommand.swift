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

struct HeadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heads", abstract: "Show the head revisions of the revision files.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            let heads = try migrator.heads()
            let directory = try migrator.scripts()
            if output.json {
                return try JSONOutput.print(["heads": heads.map { RevisionJSON($0, in: directory) }])
            }
            for node in heads {
                Output.say(global.verbose
                    ? RevisionText.verbose(node, graph: directory.graph) : RevisionText.line(node, graph: directory.graph))
            }
        }
    }
}

struct BranchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "branches", abstract: "Show the revisions where the graph forks.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    /// One branch point in `branches --format json`.
    struct BranchJSON: Encodable {
        var branchPoint: RevisionJSON
        var children: [RevisionJSON]
    }

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            let branches = try migrator.branches()
            let directory = try migrator.scripts()
            if output.json {
                return try JSONOutput.print([
                    "branches": branches.map {
                        BranchJSON(
                            branchPoint: RevisionJSON($0.revision, in: directory),
                            children: $0.children.map { RevisionJSON($0, in: directory) })
                    }
                ])
            }
            let graph = directory.graph
            for branch in branches {
                Output.say(RevisionText.line(branch.revision, graph: graph))
                for child in branch.children {
                    Output.say("    -> \(child.id)\(graph.heads.contains(child.id) ? " (head)" : ""), \(child.message)")
                }
            }
        }
    }
}
