import ArgumentParser
import MigrateKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one revision: its header and SQL.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "A revision id, unique prefix, label, or head.")
    var revision: String

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            let script = try migrator.show(revision)
            let directory = try migrator.scripts()
            if output.json {
                var json = RevisionJSON(script.revision, in: directory)
                json.sections = script.sections.map(SectionJSON.init)
                return try JSONOutput.print(json)
            }
            Output.say(RevisionText.verbose(directory.graph.nodes[script.revision]!, graph: directory.graph))
            for section in script.sections {
                let options = [section.dialect.map { "dialect=\($0)" }, section.transactional ? nil : "transaction=false"]
                    .compactMap { $0 }.joined(separator: " ")
                Output.say("\n-- migrate:\(section.direction.rawValue)\(options.isEmpty ? "" : " " + options)")
                Output.say(section.body.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
    }
}
