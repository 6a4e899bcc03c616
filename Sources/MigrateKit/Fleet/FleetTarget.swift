import Foundation

/// One database of a fleet (or, on PostgreSQL, one schema of a database):
/// a name to show and match `--only`/`--skip` against, and the URL to run on.
public struct FleetTarget: Sendable, Hashable, CustomStringConvertible {
    /// What the report shows: the database name, the SQLite file's name
    /// without its extension, or the schema.
    public var name: String
    /// Where to connect; the password is never shown.
    public var url: DatabaseURL

    /// A target shown as `name`, running on `url`.
    public init(name: String, url: DatabaseURL) {
        self.name = name
        self.url = url
    }

    /// A target named after its URL's database.
    public init(url: DatabaseURL) {
        self.init(name: Self.name(of: url), url: url)
    }

    /// The target's ``name``.
    public var description: String { name }

    /// The database name; for SQLite the file name without folder or extension.
    static func name(of url: DatabaseURL) -> String {
        guard let database = url.database, !database.isEmpty else { return url.redacted }
        guard url.backend == .sqlite else { return database }
        let file = (database as NSString).lastPathComponent
        let stem = (file as NSString).deletingPathExtension
        return stem.isEmpty ? file : stem
    }

    /// The targets with names made unique: a name that two targets share
    /// (the same database on two servers) is replaced by the redacted URL.
    static func uniquelyNamed(_ targets: [FleetTarget]) -> [FleetTarget] {
        var counts: [String: Int] = [:]
        for target in targets { counts[target.name, default: 0] += 1 }
        return targets.map { target in
            counts[target.name, default: 0] > 1 ? FleetTarget(name: target.url.redacted, url: target.url) : target
        }
    }

    /// The targets `--only` and `--skip` leave: with `only`, those whose name
    /// matches one of its globs; then without those matching a `skip` glob.
    public static func selected(_ targets: [FleetTarget], only: [String], skip: [String]) -> [FleetTarget] {
        let only = only.map(TableNamePattern.init)
        let skip = skip.map(TableNamePattern.init)
        return targets.filter { target in
            (only.isEmpty || TableNamePattern.any(only, matches: target.name))
                && !TableNamePattern.any(skip, matches: target.name)
        }
    }
}
