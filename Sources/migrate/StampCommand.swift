import ArgumentParser
import MigrateKit

struct StampCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stamp",
        abstract: "Rewrite the version table to the given revisions without running any SQL.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Empty the version table first, dropping revisions no file defines.")
    var purge = false

    @Argument(help: "Revisions to mark applied (with their ancestors), `heads`, or `base`.")
    var revisions: [String]

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            migrator.observer = Output.progress
            let heads = try Interrupts.cancelling(migrator.cancellation) {
                try migrator.stamp(revisions, purge: purge)
            }
            Output.say("Stamped: the database is at \(heads.isEmpty ? "base" : heads.joined(separator: ", ")).")
        }
    }
}
