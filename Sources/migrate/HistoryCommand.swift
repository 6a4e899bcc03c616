import ArgumentParser
import MigrateKit

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List revisions, newest first.")

    @OptionGroup var global: GlobalOptions

    @Option(name: [.customShort("r"), .long], help: "A range: a:b, a:, :b; `current` names the database's revision.")
    var revRange: String?

    @Flag(name: [.customShort("i"), .customLong("indicate-current")], help: "Mark the revisions the database is at.")
    var indicateCurrent = false

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            let graph = try migrator.scripts().graph
            let current = indicateCurrent || (revRange ?? "").contains("current")
                ? Set(try migrator.current().heads) : []
            let selected = try HistoryRange.parse(revRange, graph: graph, current: current)
            for id in graph.topologicalOrder().reversed() where selected.contains(id) {
                let node = graph.nodes[id]!
                let mark = indicateCurrent && current.contains(id) ? " (current)" : ""
                Output.say(global.verbose
                    ? RevisionText.verbose(node, graph: graph, mark: mark) + "\n"
                    : RevisionText.line(node, graph: graph, mark: mark))
            }
        }
    }
}

/// The `-r a:b` option of `history`: revisions from `a` up to `b`, inclusive.
enum HistoryRange {
    static func parse(_ text: String?, graph: RevisionGraph, current: Set<String>) throws -> Set<String> {
        let all = Set(graph.nodes.keys)
        guard let text, !text.isEmpty else { return all }
        guard let colon = text.firstIndex(of: ":") else { throw HistoryRangeError(text: text) }
        let lower = String(text[..<colon]), upper = String(text[text.index(after: colon)...])
        func resolve(_ symbol: String) throws -> [String]? {
            switch symbol {
            case "", "base", "heads": return nil
            case "head": return graph.heads
            case "current": return Array(current)
            default: return [try graph.resolve(symbol)]
            }
        }
        var selected = all
        if let from = try resolve(lower) {
            selected = from.reduce(into: Set<String>()) { $0.formUnion(graph.descendants(of: $1)) }
        }
        if let to = try resolve(upper) {
            selected.formIntersection(graph.ancestors(of: to))
        }
        return selected
    }
}

struct HistoryRangeError: MigrateFailure {
    var text: String
    var errorID: String { "history.bad-range" }
    var isUsageError: Bool { true }
    var message: String { "'\(text)' is not a range: write start:end, start: or :end (e.g. base:head, current:)." }
}
