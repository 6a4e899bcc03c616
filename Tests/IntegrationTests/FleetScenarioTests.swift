import Foundation
import Testing

@testable import MigrateKit

/// `upgrade head --targets FILE` and `[targets]` in migrate.ini: one plan
/// over several databases, a line per target, a summary, exit 1 when any
/// target failed, and a re-run that upgrades only what is left (issue 10).
@Suite("Fleets of databases")
struct FleetScenarioTests {
    @Test(arguments: TestBackend.allCases)
    func targetsFileUpgradesEveryDatabaseOnce(_ backend: TestBackend) throws {
        let fleet = try FleetProject(backend, tenants: ["alpha", "beta", "gamma"])
        try fleet.writeTargetsFile()
        let result = try fleet.run("upgrade", "head", "--targets", "targets.txt", "--parallel", "2")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for index in 1...3 { #expect(result.stdout.contains("[\(index)/3] \(fleet.prefix)_"), "\(result.stdout)") }
        #expect(result.stdout.contains("... 2 revisions, "), "\(result.stdout)")
        #expect(result.stdout.contains("Upgraded 3, 0 already at head, 0 failed (3 targets, 2 at a time"), "\(result.stdout)")
        for tenant in fleet.tenants {
            #expect(try fleet.applied(tenant) == [FleetProject.first, FleetProject.second])
        }
        if let password = fleet.tenants[0].url.password, !password.isEmpty {
            #expect(!result.stdout.contains(password) && !result.stderr.contains(password))
        }
        // The project's own database is not a target.
        #expect(try fleet.project.versionRows().isEmpty)

        let again = try fleet.run("upgrade", "head", "--targets", "targets.txt")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.components(separatedBy: "... already at head, ").count == 4, "\(again.stdout)")
        #expect(again.stdout.contains("Upgraded 0, 3 already at head, 0 failed"), "\(again.stdout)")

        let down = try fleet.run("downgrade", "base", "--targets", "targets.txt", "--only", "*_beta")
        #expect(down.status == 0, "\(down.stderr)")
        #expect(down.stdout.contains("Downgraded 1, 0 had nothing to downgrade, 0 failed (1 target"), "\(down.stdout)")
        #expect(try fleet.applied(fleet.tenants[1]).isEmpty)
        #expect(try fleet.applied(fleet.tenants[0]).count == 2)
    }

    /// Tenant beta already has `fleet_a`, so the first revision fails there.
    @Test(arguments: TestBackend.allCases)
    func failingTargetStopsTheRunUnlessToldToContinue(_ backend: TestBackend) throws {
        let fleet = try FleetProject(backend, tenants: ["alpha", "beta", "gamma", "delta"])
        try fleet.writeTargetsFile()
        try fleet.execute("CREATE TABLE fleet_a (id INTEGER)", in: fleet.tenants[1])

        let stopped = try fleet.run("upgrade", "head", "--targets", "targets.txt", "--parallel", "1")
        #expect(stopped.status == 1, "\(stopped.stdout)\(stopped.stderr)")
        #expect(stopped.stdout.contains("[2/4] \(fleet.prefix)_beta ... failed: error[run.statement-failed]"), "\(stopped.stdout)")
        #expect(stopped.stdout.contains("Upgraded 1, 0 already at head, 1 failed, 2 not started"), "\(stopped.stdout)")
        #expect(stopped.stderr.contains("\(fleet.prefix)_beta: error[run.statement-failed]"), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("--continue-on-error"), "\(stopped.stderr)")
        #expect(try fleet.applied(fleet.tenants[0]).count == 2)
        #expect(try fleet.applied(fleet.tenants[2]).isEmpty)
        #expect(try fleet.applied(fleet.tenants[3]).isEmpty)

        let continued = try fleet.run("upgrade", "head", "--targets", "targets.txt", "--parallel", "1", "--continue-on-error")
        #expect(continued.status == 1, "\(continued.stdout)\(continued.stderr)")
        #expect(continued.stdout.contains("Upgraded 2, 1 already at head, 1 failed (4 targets"), "\(continued.stdout)")
        #expect(try fleet.applied(fleet.tenants[3]).count == 2)

        // Fixed: the re-run upgrades only the tenant that is left.
        try fleet.execute("DROP TABLE fleet_a", in: fleet.tenants[1])
        let fixed = try fleet.run("upgrade", "head", "--targets", "targets.txt")
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(fixed.stdout.contains("Upgraded 1, 3 already at head, 0 failed"), "\(fixed.stdout)")
        #expect(fixed.stdout.contains("\(fleet.prefix)_beta ... 2 revisions"), "\(fixed.stdout)")
    }

    @Test(arguments: [TestBackend.postgresql, .mysql])
    func wrongPasswordFailsThatTargetWithoutShowingIt(_ backend: TestBackend) throws {
        let fleet = try FleetProject(backend, tenants: ["alpha", "beta"])
        var broken = fleet.tenants[1].url
        broken.password = "wrong-hunter2"
        try fleet.writeTargetsFile(extra: [broken.string])
        let result = try fleet.run("upgrade", "head", "--targets", "targets.txt", "--continue-on-error", "--format", "json")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(!result.stdout.contains("wrong-hunter2") && !result.stderr.contains("wrong-hunter2"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rows = try #require(document["targets"] as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows.map { $0["status"] as? String } == ["changed", "changed", "failed"])
        // The same database on the same server twice: named by redacted URL.
        #expect((rows[2]["name"] as? String)?.contains(":***@") == true, "\(rows[2])")
        #expect((rows[2]["error"] as? String)?.hasPrefix("error[") == true, "\(rows[2])")
        #expect(rows[2]["error_id"] as? String != nil)
        #expect((rows[0]["steps"] as? [[String: Any]])?.count == 2)
        #expect(rows[0]["heads"] as? [String] == [FleetProject.second])
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["changed": 2, "unchanged": 0, "failed": 1, "not_started": 0])
    }

    @Test(arguments: TestBackend.allCases)
    func jsonOutputHasARowPerTarget(_ backend: TestBackend) throws {
        let fleet = try FleetProject(backend, tenants: ["alpha", "beta"])
        try fleet.writeTargetsFile()
        let result = try fleet.run("upgrade", "head", "--targets", "targets.txt", "--skip", "*_alpha", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.filter { $0 == "\n" }.count == 1, "one document: \(result.stdout)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rows = try #require(document["targets"] as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["\(fleet.prefix)_beta"])
        #expect(rows[0]["status"] as? String == "changed")
        #expect(rows[0]["error"] is NSNull)
        #expect(document["direction"] as? String == "upgrade")
        #expect(try fleet.applied(fleet.tenants[0]).isEmpty)
    }

    @Test(arguments: TestBackend.allCases)
    func iniTargetsSectionListsURLs(_ backend: TestBackend) throws {
        let fleet = try FleetProject(backend, tenants: ["alpha", "beta"])
        let urls = fleet.tenants.map { "    " + $0.url.string.replacingOccurrences(of: "%", with: "%%") }
        try appendConfig(fleet, "[targets]\nurls =\n" + urls.joined(separator: "\n"))
        let result = try fleet.run("upgrade", "head", "--only", "*_a*")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("[1/1] \(fleet.prefix)_alpha ... 2 revisions"), "\(result.stdout)")
        #expect(try fleet.applied(fleet.tenants[0]).count == 2)
        #expect(try fleet.applied(fleet.tenants[1]).isEmpty)
        #expect(try fleet.project.versionRows().isEmpty)

        // --url names one database: [targets] is left alone.
        let single = try fleet.run("upgrade", "head", "--url", fleet.tenants[1].url.string)
        #expect(single.status == 0, "\(single.stderr)")
        #expect(single.stdout.contains("Done: 2 revisions"), "\(single.stdout)")
        #expect(try fleet.applied(fleet.tenants[1]).count == 2)
        #expect(try fleet.project.versionRows().isEmpty)
    }

    /// The main database holds a `tenants` table; the query returns URLs.
    @Test(arguments: TestBackend.allCases)
    func iniTargetsQueryRunsOnTheMainDatabase(_ backend: TestBackend) throws {
        let fleet = try FleetProject(backend, tenants: ["alpha", "beta", "gamma"])
        let main = try fleet.project.connect()
        try main.execute("CREATE TABLE tenants (url VARCHAR(400), active INTEGER)")
        for (index, tenant) in fleet.tenants.enumerated() {
            try main.execute("INSERT INTO tenants VALUES ('\(tenant.url.string)', \(index == 1 ? 0 : 1))")
        }
        main.close()
        try appendConfig(fleet, "[targets]\nquery = SELECT url FROM tenants WHERE active = 1 ORDER BY url")
        let result = try fleet.run("upgrade", "head")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Upgraded 2, 0 already at head, 0 failed (2 targets"), "\(result.stdout)")
        #expect(try fleet.tenants.map { try fleet.applied($0).count } == [2, 0, 2])
    }

    /// PostgreSQL: a plan per schema, each with its own version table.
    /// MySQL: schemas are databases.
    @Test(arguments: [TestBackend.postgresql, .mysql])
    func schemasGlobRunsOncePerSchema(_ backend: TestBackend) throws {
        let fleet = try FleetProject(backend, tenants: backend == .mysql ? ["one", "two", "three"] : [])
        var schemas = fleet.tenants.map(\.name)
        if backend == .postgresql {
            schemas = ["one", "two", "three"].map { "\(fleet.prefix)_\($0)" }
            let main = try fleet.project.connect()
            for schema in schemas + ["other_schema"] { try main.execute("CREATE SCHEMA \(schema)") }
            main.close()
        }
        try appendConfig(fleet, "[targets]\nschemas = \(fleet.prefix)_*")
        let result = try fleet.run("upgrade", "head", "--parallel", "3", "--skip", "*_three")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Upgraded 2, 0 already at head, 0 failed (2 targets, 3 at a time"), "\(result.stdout)")
        let connection = try backend == .postgresql ? fleet.project.connect() : fleet.connect(fleet.tenants[0])
        defer { connection.close() }
        for (schema, expected) in zip(schemas, [2, 2, 0]) {
            let rows = try connection.scalar(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '\(schema)' "
                    + "AND table_name IN ('fleet_a', 'fleet_b', 'migrate_version')")?.int
            #expect(rows == (expected == 0 ? 0 : 3), "\(schema)")
        }
        if backend == .postgresql { #expect(try fleet.project.versionRows().isEmpty) }
        let again = try fleet.run("upgrade", "head")
        #expect(again.stdout.contains("Upgraded 1, 2 already at head, 0 failed (3 targets"), "\(again.stdout)")
    }

    @Test func fleetOptionsWithoutTargetsAreAUsageError() throws {
        let fleet = try FleetProject(.sqlite, tenants: [])
        let result = try fleet.run("upgrade", "head", "--parallel", "2")
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("error[fleet.options-without-targets]"), "\(result.stderr)")
        try fleet.writeTargetsFile(extra: ["sqlite:///a.db"])
        let none = try fleet.run("upgrade", "head", "--targets", "targets.txt", "--only", "nothing*")
        #expect(none.status == 1 && none.stderr.contains("error[fleet.no-targets]"), "\(none.stderr)")
        let sql = try fleet.run("upgrade", "head", "--targets", "targets.txt", "--sql")
        #expect(sql.status == 64, "\(sql.stderr)")
    }

    func appendConfig(_ fleet: FleetProject, _ text: String) throws {
        let path = fleet.folder + "/migrate.ini"
        let ini = try String(contentsOfFile: path, encoding: .utf8)
        try (ini + "\n" + text + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
