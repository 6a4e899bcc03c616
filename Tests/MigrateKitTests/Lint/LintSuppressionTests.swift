import Foundation
import Testing

@testable import MigrateKit

/// Turning rules off: in a file (whole file or next statement) and in `migrate.ini`.
@Suite("Lint: disabling rules")
struct LintSuppressionTests {
    private let drops = "DROP TABLE a;\nDROP TABLE b;"

    @Test func aCommentInTheHeaderDisablesRulesForTheWholeFile() throws {
        let header = "-- migrate:lint disable=destructive.drop-table"
        #expect(try LintTestSupport.rules(drops, dialect: "sqlite", header: header).isEmpty)
    }

    @Test func aCommentInASectionDisablesRulesForTheNextStatementOnly() throws {
        let sql = "-- migrate:lint disable=destructive.drop-table,destructive.truncate\n" + drops
        let found = try LintTestSupport.findings(sql, dialect: "sqlite")
        #expect(found.map(\.rule) == ["destructive.drop-table"])
        #expect(found.first?.message.contains("drops table b") == true)
    }

    @Test func disableAllTurnsEveryRuleOff() throws {
        #expect(try LintTestSupport.rules("-- migrate:lint disable=all\nDROP TABLE a;", dialect: "sqlite").isEmpty)
    }

    @Test func otherRulesStillReport() throws {
        let sql = "-- migrate:lint disable=destructive.truncate\nDROP TABLE a;"
        #expect(try LintTestSupport.rules(sql, dialect: "sqlite") == ["destructive.drop-table"])
    }

    @Test func lintCommentsAreNotSectionMarkers() throws {
        let text = """
            -- m
            --
            -- Revision ID: abc
            -- Revises:
            -- migrate:lint disable=destructive.drop-table

            -- migrate:upgrade
            -- migrate:lint disable=all
            DROP TABLE a;
            """
        let script = try RevisionScript.parse(text, path: "x.sql")
        #expect(script.sections.count == 1)
    }

    @Test func deprecatedColumnsAreReadFromComments() {
        let suppressions = LintSuppressions(fileText: "-- migrate:upgrade\n-- migrate:lint deprecated=users.fax,Users.Pager\n")
        #expect(suppressions.deprecated == ["users.fax", "users.pager"])
    }

    @Test func theIniLintSectionDisablesRulesAndSetsTheRebuildThreshold() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lint-ini-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ini =
            "[migrate]\nscript_location = m\n\n[lint]\ndisable = destructive.drop-table, pg.missing-lock-timeout\nlarge_table_rows = 500\n"
        try ini.write(toFile: folder + "/migrate.ini", atomically: true, encoding: .utf8)
        let settings = try LintSettings.load(try MigrateConfig.load(folder + "/migrate.ini"))
        #expect(settings == LintSettings(disabled: ["destructive.drop-table", "pg.missing-lock-timeout"], largeTableRows: 500))
        #expect(try LintTestSupport.rules(drops, dialect: "sqlite", settings: settings).isEmpty)
    }

    @Test func aBadThresholdIsAConfigError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lint-ini-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "[migrate]\nscript_location = m\n[lint]\nlarge_table_rows = many\n"
            .write(toFile: folder + "/migrate.ini", atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try LintSettings.load(try MigrateConfig.load(folder + "/migrate.ini")) }
    }

    @Test func findingsNameTheFileLineAndHelp() throws {
        let found = try LintTestSupport.findings("\n\nTRUNCATE notes;", dialect: "sqlite")
        #expect(found.count == 1)
        #expect(found[0].path == "versions/0123456789ab_test.sql")
        #expect(found[0].line == 9)
        #expect(found[0].severity == .error)
        #expect(!found[0].help.isEmpty)
    }
}
