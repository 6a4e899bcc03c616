import Testing

@testable import MigrateKit

/// `--targets FILE` parsing, names, `--only`/`--skip`, and the URL of a
/// tenant schema (issue 10).
@Suite("Fleet targets")
struct FleetTargetTests {
    func parse(_ text: String, environment: [String: String] = [:]) throws -> [FleetTarget] {
        try FleetTargetFile.parse(text, path: "/p/targets.txt", environment: environment)
    }

    @Test func commentsBlankLinesAndVariables() throws {
        let targets = try parse(
            """
            # tenants
            postgresql://app:${PW}@db1/tenant_001

              mysql://root:${PW}@db2:3306/tenant_002  
            sqlite:///${DIR}/tenant_003.db
            """, environment: ["PW": "s3cret", "DIR": "/data"])
        #expect(targets.map(\.name) == ["tenant_001", "tenant_002", "tenant_003"])
        #expect(targets[0].url.password == "s3cret")
        #expect(targets[1].url.port == 3306)
        #expect(targets[2].url.database == "/data/tenant_003.db")
    }

    /// The error `parse` throws, `nil` when it throws none.
    func thrownFailure(_ text: String) -> (any MigrateFailure)? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error as? any MigrateFailure
        }
    }

    @Test func unsetVariableNamesTheLine() throws {
        let failure = try #require(thrownFailure("# one\npostgresql://app:${NOPE}@db/t1\n"))
        #expect(failure.errorID == "fleet.missing-env")
        #expect(failure.message.contains("/p/targets.txt, line 2") && failure.message.contains("NOPE"), "\(failure)")
    }

    @Test func badURLNamesTheLineWithoutThePassword() throws {
        let failure = try #require(thrownFailure("postgresql://app:hunter2@db/t1\nsqlite3://app:hunter2@x\n"))
        #expect(failure.description.contains("line 2") && !failure.description.contains("hunter2"), "\(failure)")
    }

    @Test func emptyListIsAnError() throws {
        #expect(throws: FleetError.self) { try parse("# nothing here\n\n") }
    }

    @Test func sameDatabaseNameOnTwoServersShowsTheURLs() throws {
        let targets = try parse("postgresql://a:pw@db1/app\npostgresql://a:pw@db2/app\npostgresql://a@db2/other\n")
        #expect(targets.map(\.name) == ["postgresql://a:***@db1/app", "postgresql://a:***@db2/app", "other"])
    }

    @Test func onlyAndSkipGlobs() throws {
        let targets = try parse("sqlite:///t_alpha.db\nsqlite:///t_beta.db\nsqlite:///t_gamma.db\nsqlite:///x_delta.db\n")
        let names = { (only: [String], skip: [String]) in
            FleetTarget.selected(targets, only: only, skip: skip).map(\.name)
        }
        #expect(names([], []) == ["t_alpha", "t_beta", "t_gamma", "x_delta"])
        #expect(names(["t_*"], []) == ["t_alpha", "t_beta", "t_gamma"])
        #expect(names(["t_*"], ["*beta"]) == ["t_alpha", "t_gamma"])
        #expect(names(["x_*", "t_a*"], []) == ["t_alpha", "x_delta"])
        #expect(names([], ["t_?????"]) == ["t_beta", "x_delta"])
    }

    @Test func postgreSQLSchemaURLSetsTheSearchPath() throws {
        let base = try DatabaseURL.parse("postgresql://app:pw@db/app")
        let url = PostgreSQLDialect().url(base, inSchema: "tenant 1")
        #expect(url.options["options"] == #"-c search_path="tenant\ 1""#)
        #expect(url.database == "app")
        let mysql = MySQLDialect().url(try DatabaseURL.parse("mysql://root:pw@db/main"), inSchema: "tenant_1")
        #expect(mysql.database == "tenant_1")
    }
}
