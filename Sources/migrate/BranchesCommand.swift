import ArgumentParser
import MigrateKit

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
