import Foundation
import PackagePlugin

/// Records the git commit the `migrate` binary is built from, for
/// `migrate --version`.
///
/// Before every build it writes `BuildCommit.swift` with
/// `let buildCommit = "<commit>"` (`git describe --always --dirty`), or an
/// empty string outside a git checkout (a source archive). The file is
/// rewritten only when the commit changes, so an unchanged tree does not
/// recompile the target.
@main
struct BuildCommitPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        let script = #"""
            set -u
            mkdir -p "$2"
            commit=$(git -C "$1" describe --always --dirty --abbrev=12 2>/dev/null || true)
            text="/// The git commit of the build (empty outside a git checkout).
            let buildCommit = \"$commit\"
            "
            if [ ! -f "$2/BuildCommit.swift" ] || [ "$(cat "$2/BuildCommit.swift"; echo x)" != "${text}x" ]; then
              printf '%s' "$text" > "$2/BuildCommit.swift"
            fi
            """#
        return [
            .prebuildCommand(
                displayName: "Recording the git commit for migrate --version",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path],
                outputFilesDirectory: output)
        ]
    }
}
