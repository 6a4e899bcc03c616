import ArgumentParser
import Foundation
import MigrateKit

/// `--targets` and the options of a fleet run, shared by `upgrade` and
/// `downgrade`. Without `--targets`, a `[targets]` section in `migrate.ini`
/// gives the fleet (unless `--url` names one database); with neither, the
/// command runs on the one database.
struct FleetOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A file of database URLs, one a line (# starts a comment, ${VAR} is expanded): run on each of them.",
            valueName: "file"))
    var targets: String?

    @Option(help: "How many targets run at once (default: the number of cores).")
    var parallel: Int?

    @Flag(help: "Go on starting targets after one fails (default: stop starting new ones; running ones finish).")
    var continueOnError = false

    @Option(help: ArgumentHelp("Run only the targets whose name matches this glob (* and ?); repeatable.", valueName: "glob"))
    var only: [String] = []

    @Option(help: ArgumentHelp("Leave out the targets whose name matches this glob; repeatable.", valueName: "glob"))
    var skip: [String] = []

    func validate(offline: OfflineOptions) throws {
        if let parallel, parallel < 1 { throw ValidationError("--parallel must be 1 or more.") }
        if targets != nil && offline.sql {
            throw ValidationError("--sql prints one script without connecting: it cannot be combined with --targets.")
        }
    }

    /// The fleet to run on, or `nil` for a run on the configured database alone.
    func fleet(for config: MigrateConfig) throws -> Fleet? {
        // `--url` names one database: `[targets]` is then left alone.
        let configured = config.urlSource == "--url" ? nil : try config.configuredTargets()
        let listed = try targets.map { try FleetTargetFile.load(absolute($0)) } ?? configured
        guard let listed else {
            if parallel != nil || continueOnError || !only.isEmpty || !skip.isEmpty {
                throw FleetError.optionsWithoutTargets(section: config.targetsSection)
            }
            return nil
        }
        let chosen = FleetTarget.selected(listed, only: only, skip: skip)
        guard !chosen.isEmpty else {
            throw FleetError.noTargets(source: targets ?? "[\(config.targetsSection)]", filtered: true)
        }
        var options = Fleet.Options(continueOnError: continueOnError)
        if let parallel { options.parallel = parallel }
        return Fleet(config, targets: chosen, options: options)
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
