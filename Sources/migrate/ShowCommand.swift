import ArgumentParser
import MigrateKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one revision: its header and SQL.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A revision id, unique prefix, label, or head.")
    var revision: String

    func run() throws {
        try Output.run {
            let directory = try global.migrator().scripts()
            let graph = directory.graph
            let id = revision == "head"
                ? try graph.upgradePlan(applied: [], target: "head").last ?? ""
                : try graph.resolve(revision)
            Output.say(RevisionText.verbose(graph.nodes[id]!, graph: graph))
            for section in directory.script(id).sections {
                let options = [section.dialect.map { "dialect=\($0)" }, section.transactional ? nil : "transaction=false"]
                    .compactMap { $0 }.joined(separator: " ")
                Output.say("\n-- migrate:\(section.direction.rawValue)\(options.isEmpty ? "" : " " + options)")
                Output.say(section.body.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
    }
}
