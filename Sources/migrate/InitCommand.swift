import ArgumentParser
import MigrateKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create migrate.ini (when absent) and a migrations folder with its template and versions/.")

    @Argument(help: "The migrations folder to create, e.g. migrations.")
    var folder: String

    func run() throws {
        try Output.run {
            for path in try ProjectInitializer.initialize(folder: folder) {
                Output.say("Created \(path)")
            }
            Output.say("Next: edit url in migrate.ini, then `migrate revision -m \"Create first table\"`.")
        }
    }
}
