import Foundation

@testable import MigrateKit

/// A ``CLIProject`` with tenant databases beside its own: SQLite files in
/// the project folder, or databases on the test server, named
/// `<prefix>_<suffix>` so globs can pick them. Two revisions create
/// `fleet_a` and `fleet_b`.
final class FleetProject {
    let project: CLIProject
    let prefix = "fleet" + UUID().uuidString.prefix(8).lowercased()
    private(set) var tenants: [FleetTarget] = []
    var backend: TestBackend { project.backend }
    var folder: String { project.folder }

    static let first = "f00000000001"
    static let second = "f00000000002"

    init(_ backend: TestBackend, tenants suffixes: [String], extraConfig: String = "") throws {
        project = try CLIProject(backend, extraConfig: extraConfig)
        for suffix in suffixes { tenants.append(try makeTenant(suffix)) }
        try project.write(Self.first, upgrade: "CREATE TABLE fleet_a (id INTEGER);", downgrade: "DROP TABLE fleet_a;")
        try project.write(
            Self.second, revises: [Self.first], upgrade: "CREATE TABLE fleet_b (id INTEGER);", downgrade: "DROP TABLE fleet_b;")
    }

    deinit {
        for tenant in tenants { backend.dispose(tenant.url) }
    }

    private func makeTenant(_ suffix: String) throws -> FleetTarget {
        let name = "\(prefix)_\(suffix)"
        switch backend {
        case .sqlite:
            return FleetTarget(url: try DatabaseURL.parse("sqlite:///\(folder)/\(name).db"))
        case .postgresql, .mysql:
            let url = try backend.serverURL().with(database: name)
            try backend.dialect.createDatabase(url)
            return FleetTarget(url: url)
        }
    }

    /// Writes `targets.txt` with a comment line and the tenants' URLs, the
    /// password as `${FLEET_PASSWORD}`; `broken` URLs are listed as given.
    func writeTargetsFile(extra: [String] = []) throws {
        let lines = tenants.map { tenant in
            var url = tenant.url.string
            if let password = tenant.url.password, !password.isEmpty {
                url = url.replacingOccurrences(of: ":" + password + "@", with: ":${FLEET_PASSWORD}@")
            }
            return url
        }
        try (["# tenants of \(prefix)"] + lines + extra).joined(separator: "\n")
            .write(toFile: folder + "/targets.txt", atomically: true, encoding: .utf8)
    }

    /// The test server's password (empty for SQLite).
    var environment: [String: String] { ["FLEET_PASSWORD": tenants.first?.url.password ?? ""] }

    func run(_ arguments: String...) throws -> CommandResult {
        try CommandResult.run(arguments, in: folder, environment: environment)
    }

    func connect(_ tenant: FleetTarget) throws -> DatabaseConnection {
        try backend.dialect.connect(to: tenant.url)
    }

    /// The revisions applied in a tenant, sorted.
    func applied(_ tenant: FleetTarget) throws -> [String] {
        let connection = try connect(tenant)
        defer { connection.close() }
        guard try backend.dialect.tableExists("migrate_version", on: connection) else { return [] }
        return try connection.query("SELECT revision FROM migrate_version").compactMap { $0[0].string }.sorted()
    }

    func execute(_ sql: String, in tenant: FleetTarget) throws {
        let connection = try connect(tenant)
        defer { connection.close() }
        try connection.execute(sql)
    }
}
