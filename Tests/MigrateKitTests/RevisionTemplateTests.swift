import Foundation
import Testing

@testable import MigrateKit

@Suite("RevisionTemplate")
struct RevisionTemplateTests {
    /// 2026-11-22 11:40:27.089406 UTC.
    static let date = Date(timeIntervalSince1970: 1_795_347_627.089406)

    private func render(
        _ template: String = RevisionTemplate.defaultTemplate, message: String = "Create notes table",
        parents: [String] = [], labels: [String] = [], dependsOn: [String] = [], upgrades: String = "",
        downgrades: String = ""
    ) -> String {
        RevisionTemplate.render(
            template, message: message, revision: "1975ea83b712", downRevisions: parents, createDate: Self.date,
            branchLabels: labels, dependsOn: dependsOn, upgrades: upgrades, downgrades: downgrades)
    }

    // MARK: Create Date

    @Test(arguments: [
        (1_795_347_627.089406, 0, "2026-11-22 11:40:27.089406"),
        (1_795_347_627.089406, 3600, "2026-11-22 12:40:27.089406"),
        (1_795_347_627, -5 * 3600, "2026-11-22 06:40:27.000000"),
        (1_798_761_599.999999, 0, "2026-12-31 23:59:59.999999"),
        (1_798_761_599.999999, 3600, "2027-01-01 00:59:59.999999"),
    ])
    func createDateIsLocalTimeWithMicroseconds(seconds: Double, offset: Int, expected: String) throws {
        let zone = try #require(TimeZone(secondsFromGMT: offset))
        #expect(RevisionTemplate.formatCreateDate(Date(timeIntervalSince1970: seconds), timeZone: zone) == expected)
    }

    // MARK: Rendering

    @Test func defaultTemplateWritesTheHeaderAndEmptySections() {
        let created = RevisionTemplate.formatCreateDate(Self.date)
        #expect(
            render() == """
                -- Create notes table
                --
                -- Revision ID: 1975ea83b712
                -- Revises:
                -- Create Date: \(created)
                -- Branch Labels:
                -- Depends On:

                -- migrate:upgrade


                -- migrate:downgrade


                """)
    }

    @Test func defaultTemplateWithStatementsAndParents() {
        let created = RevisionTemplate.formatCreateDate(Self.date)
        let text = render(
            parents: ["ab12", "cd34"], labels: ["core"], dependsOn: ["ef56", "0a0b"],
            upgrades: "CREATE TABLE notes (id INTEGER PRIMARY KEY);\n\n", downgrades: "DROP TABLE notes;\n")
        #expect(
            text == """
                -- Create notes table
                --
                -- Revision ID: 1975ea83b712
                -- Revises: ab12, cd34
                -- Create Date: \(created)
                -- Branch Labels: core
                -- Depends On: ef56, 0a0b

                -- migrate:upgrade
                CREATE TABLE notes (id INTEGER PRIMARY KEY);

                -- migrate:downgrade
                DROP TABLE notes;

                """)
    }

    @Test func renderedFileParsesBack() throws {
        let text = render(
            message: "Add users", parents: ["ab12", "cd34"], labels: ["core", "api"], dependsOn: ["ef56"],
            upgrades: "CREATE TABLE users (id INTEGER);\nCREATE INDEX users_id ON users (id);",
            downgrades: "DROP TABLE users;")
        let script = try RevisionScript.parse(text, path: "versions/1975ea83b712_add_users.sql")
        #expect(script.message == "Add users")
        #expect(script.revision == "1975ea83b712")
        #expect(script.downRevisions == ["ab12", "cd34"])
        #expect(script.branchLabels == ["core", "api"])
        #expect(script.dependsOn == ["ef56"])
        #expect(script.createDate == RevisionTemplate.formatCreateDate(Self.date))
        #expect(script.sections.map(\.direction) == [.upgrade, .downgrade])
        #expect(script.sections.allSatisfy { $0.dialect == nil && $0.transactional })
        let upgrade = try #require(script.section(.upgrade, dialect: "sqlite"))
        #expect(
            try upgrade.statements(flavor: .sqlite, path: script.path) == [
                SQLStatement(text: "CREATE TABLE users (id INTEGER)", line: 10),
                SQLStatement(text: "CREATE INDEX users_id ON users (id)", line: 11),
            ])
        let downgrade = try #require(script.section(.downgrade, dialect: "sqlite"))
        #expect(
            try downgrade.statements(flavor: .sqlite, path: script.path) == [
                SQLStatement(text: "DROP TABLE users", line: 14)
            ])
    }

    @Test func emptyRenderedFileParsesBackAsARoot() throws {
        let script = try RevisionScript.parse(render(), path: "v.sql")
        #expect(script.downRevisions.isEmpty)
        #expect(script.branchLabels.isEmpty)
        #expect(script.dependsOn.isEmpty)
        #expect(script.hasDowngrade)
        #expect(try script.sections.allSatisfy { try $0.statements(flavor: .sqlite, path: "v.sql").isEmpty })
    }

    @Test func messageOfSeveralLinesStaysInTheHeaderComment() throws {
        let text = render(message: "Split names\n  into first and last\n", upgrades: "SELECT 1;")
        #expect(text.hasPrefix("-- Split names\n-- into first and last\n--\n-- Revision ID: 1975ea83b712\n"))
        #expect(try RevisionScript.parse(text, path: "v.sql").message == "Split names\ninto first and last")
    }

    @Test func customTemplatePlaceholders() {
        let template = """
            -- ${message} (${up_revision} after ${down_revision})
            -- Owner: ${owner}
            -- Revision ID: ${up_revision}
            -- Revises: ${down_revision}
            -- migrate:upgrade transaction=false
                ${upgrades}
            -- migrate:downgrade
            /* undo */ ${downgrades}
            """
        #expect(
            render(
                template, message: "Index ${up_revision}", parents: ["ab12"], upgrades: "SELECT 1;\n",
                downgrades: "SELECT 2;")
                    == """
                    -- Index ${up_revision} (1975ea83b712 after ab12)
                    -- Owner: ${owner}
                    -- Revision ID: 1975ea83b712
                    -- Revises: ab12
                    -- migrate:upgrade transaction=false
                    SELECT 1;
                    -- migrate:downgrade
                    /* undo */ SELECT 2;
                    """)
    }

    @Test func windowsTemplateGivesWindowsLineEnds() throws {
        let template = RevisionTemplate.defaultTemplate.replacingOccurrences(of: "\n", with: "\r\n")
        let text = render(template, parents: ["ab12"], upgrades: "SELECT 1;\r\nSELECT 2;\n")
        #expect(text.hasPrefix("-- Create notes table\r\n--\r\n-- Revision ID: 1975ea83b712\r\n-- Revises: ab12\r\n"))
        #expect(text.contains("-- migrate:upgrade\r\nSELECT 1;\r\nSELECT 2;\r\n\r\n-- migrate:downgrade\r\n\r\n"))
        #expect(!text.contains("\r\r"))
        let script = try RevisionScript.parse(text, path: "v.sql")
        #expect(script.downRevisions == ["ab12"])
        #expect(
            try script.section(.upgrade, dialect: "mysql")!.statements(flavor: .mysql, path: "v.sql").map(\.text)
                == ["SELECT 1", "SELECT 2"])
    }

    // MARK: Revision ids and slugs

    @Test func newRevisionIDIsTwelveLowercaseHexDigits() {
        let ids = (0..<200).map { _ in RevisionTemplate.newRevisionID() }
        for id in ids {
            #expect(id.count == 12)
            #expect(id.allSatisfy { "0123456789abcdef".contains($0) })
        }
        #expect(Set(ids).count == ids.count)
    }

    @Test(arguments: [
        ("Create notes table", 40, "create_notes_table"),
        ("Add users & roles!!", 40, "add_users_roles"),
        ("  --Leading, trailing--  ", 40, "leading_trailing"),
        ("add_user__id", 40, "add_user_id"),
        ("CamelCase Words 2", 40, "camelcase_words_2"),
        ("Añadir tabla", 40, "añadir_tabla"),
        ("", 40, ""),
        ("!!!", 40, ""),
        ("one two three four five six", 20, "one_two_three_four"),
        ("one two three four five six", 18, "one_two_three_four"),
        ("one two three four five six", 17, "one_two_three"),
        ("abcdefghijklmnop table", 10, "abcdefghij"),
        ("Create notes table", 0, ""),
    ])
    func slugIsAlembics(message: String, maxLength: Int, slug: String) {
        #expect(Slug.make(message, maxLength: maxLength) == slug)
    }

    @Test func slugDefaultsToFortyCharacters() {
        let slug = Slug.make("Add a rather long message that goes on and on past forty characters")
        #expect(slug == "add_a_rather_long_message_that_goes_on")
        #expect(slug.count <= 40)
    }
}
