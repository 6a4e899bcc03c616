import ArgumentParser
import MigrateKit

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List revisions, newest first.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Option(name: [.customShort("r"), .long], help: "A range: a:b, a:, :b; `current` names the database's revision.")
    var revRange: String?

    @Flag(name: [.customShort("i"), .customLong("indicate-current")], help: "Mark the revisions the database is at.")
    var indicateCurrent = false

    /// `history --format json`: `current` is `null` unless asked for with -i.
    struct HistoryJSON: Encodable {
        var revisions: [RevisionJSON]
        var current: Nullable<[String]>
    }

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            let revisions = try migrator.history(range: revRange)
            let current = indicateCurrent ? Set(try migrator.current().heads) : []
            let directory = try migrator.scripts()
            if output.json {
                return try JSONOutput.print(
                    HistoryJSON(
                        revisions: revisions.map { RevisionJSON($0, in: directory) },
                        current: Nullable(indicateCurrent ? current.sorted() : nil)))
            }
            for node in revisions {
                let mark = current.contains(node.id) ? " (current)" : ""
                Output.say(
                    global.verbose
                        ? RevisionText.verbose(node, graph: directory.graph, mark: mark) + "\n"
                        : RevisionText.line(node, graph: directory.graph, mark: mark))
            }
        }
    }
}
