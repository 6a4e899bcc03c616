import Foundation
import PackagePlugin

/// `swift package migrate <arguments>`: builds the `migrate` command line of
/// this package (or of the package that depends on it) and runs it with the
/// given arguments in the package's folder, so `migrate.ini` and `.env` are
/// found there and nothing needs installing.
///
/// ```
/// swift package --allow-writing-to-package-directory --allow-network-connections all migrate upgrade head
/// ```
///
/// The plugin asks for two permissions, which SwiftPM grants with these flags
/// (or asks for on a terminal): writing to the package folder (`init`,
/// `revision` and SQLite database files) and network connections (the
/// PostgreSQL or MySQL server). The exit status of `migrate` becomes the
/// plugin's: a failing `migrate check` fails the `swift package` command.
///
/// The plugin builds `migrate` when it runs, through the package manager,
/// rather than naming it as a tool dependency: a tool dependency would make
/// every `swift build` of the package compile `migrate` a second time.
@main
struct MigratePlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let build = try packageManager.build(
            .product("migrate"), parameters: .init(configuration: .debug, logging: .concise))
        guard build.succeeded else {
            Diagnostics.error("Building migrate failed:\n\(build.logText)")
            exit(1)
        }
        guard let tool = build.builtArtifacts.first(where: { $0.kind == .executable && $0.url.lastPathComponent == "migrate" })
        else {
            Diagnostics.error("Building migrate produced no executable named migrate.")
            exit(1)
        }
        let process = Process()
        process.executableURL = tool.url
        process.arguments = arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        // migrate has already printed its `error[id]: ...` line: pass its
        // status on (1, or 64 for a usage error) without a second message.
        if process.terminationStatus != 0 { exit(process.terminationStatus) }
    }
}
