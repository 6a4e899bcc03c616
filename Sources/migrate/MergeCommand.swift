import ArgumentParser
import MigrateKit

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Write a revision that merges two or more heads into one.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .shortAndLong, help: "The merge revision's message.")
    var message: String

    @Option(name: .customLong("rev-id"), help: "Use this revision id instead of 12 random hex digits.")
    var revisionID: String?

    @Option(name: .customLong("branch-label"), help: "A label for the merge revision. Repeatable.")
    var branchLabels: [String] = []

    @Argument(help: "The revisions to merge, or `heads` for all current heads.")
    var revisions: [String] = ["heads"]

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            let script = try migrator.merge(revisions, message: message, revisionID: revisionID, branchLabels: branchLabels)
            Output.say("Generated \(script.path)")
        }
    }
}
