import ArgumentParser
import MigrateKit

struct HeadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heads", abstract: "Show the head revisions of the revision files.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Flag(
        name: .customLong("resolve-dependencies"),
        help: "Treat `Depends On:` revisions as parents: a revision another depends on is not a head.")
    var resolveDependencies = false

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            let heads = try migrator.heads(resolvingDependencies: resolveDependencies)
            if output.json {
                let directory = try migrator.scripts()
                return try JSONOutput.print(["heads": heads.map { RevisionJSON($0, in: directory) }])
            }
            // Heads alone (heads cache, else header cache): no file's SQL is read.
            for node in heads {
                Output.say(global.verbose ? RevisionText.verbose(node, place: .head) : RevisionText.line(node, place: .head))
            }
        }
    }
}
