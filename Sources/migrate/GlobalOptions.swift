import ArgumentParser
import Foundation
import MigrateKit

/// Options every command that reads `migrate.ini` accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: [.customShort("c"), .long], help: "The configuration file to read (default: ./migrate.ini).")
    var config: String?

    @Option(name: [.customShort("n"), .long], help: "The section of the configuration file to use (default: migrate).")
    var name: String?

    @Option(help: "The database URL, overriding DATABASE_URL, .env and migrate.ini.")
    var url: String?

    @Flag(name: [.customShort("v"), .long], help: "Print more detail, and database notices.")
    var verbose = false

    /// Loads the configuration these options point at.
    func load() throws -> MigrateConfig {
        try MigrateConfig.load(config, name: name, url: url)
    }

    /// A migrator for the configuration, printing notices when verbose.
    func migrator() throws -> Migrator {
        let migrator = Migrator(try load())
        if verbose { migrator.noticeHandler = { Output.note("notice: \($0)") } }
        return migrator
    }

    private static let valued: Set<String> = ["-c", "--config", "-n", "--name", "--url"]
    private static let flags: Set<String> = ["-v", "--verbose"]

    /// Moves global options written before the subcommand to the end.
    static func hoisted(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let key = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if valued.contains(argument), index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else if valued.contains(key) || flags.contains(argument) {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var rest = Array(arguments[index...])
        if let separator = rest.firstIndex(of: "--") {
            rest.insert(contentsOf: leading, at: separator)
        } else {
            rest += leading
        }
        return rest
    }
}
