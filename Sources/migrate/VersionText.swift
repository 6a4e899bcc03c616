/// What `migrate --version` prints: the release and, when the binary was
/// built from a git checkout, the commit (`buildCommit`, written before each
/// build by the BuildCommit plugin; `-dirty` marks uncommitted changes).
enum VersionText {
    static let release = "0.1.0"

    static var line: String {
        buildCommit.isEmpty ? release : "\(release) (commit \(buildCommit))"
    }
}
