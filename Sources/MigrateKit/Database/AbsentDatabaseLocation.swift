/// Where a database that does not exist yet would be created: an SQLite
/// file named by a path that may have been read from an unexpected folder.
public struct AbsentDatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// The absolute path.
    public var path: String
    /// The relative path as the URL wrote it, when it was relative.
    public var relativePath: String?
    /// The working directory a relative path was read from.
    public var workingDirectory: String?

    /// `/abs/app.db (the relative path ./app.db is read from the working
    /// directory, /abs)`.
    public var description: String {
        guard let relativePath, let workingDirectory else { return path }
        return "\(path) (the relative path \(relativePath) is read from the working directory, \(workingDirectory))"
    }
}
