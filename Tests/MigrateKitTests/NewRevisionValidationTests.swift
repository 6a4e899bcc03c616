import Foundation
import Testing

@testable import MigrateKit

/// Options of a new revision that would not read back from its header or
/// name are refused by the library, before anything is written.
@Suite("New revision options")
final class NewRevisionValidationTests {
    let folder: String
    let migrator: Migrator

    init() throws {
        folder = NSTemporaryDirectory() + "new-revision-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/versions", withIntermediateDirectories: true)
        migrator = Migrator(MigrateConfig(scriptLocation: folder, url: nil))
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    var files: [String] { (try? FileManager.default.contentsOfDirectory(atPath: folder + "/versions")) ?? [] }

    func refusal(_ new: NewRevision) -> RevisionError? {
        let error = #expect(throws: RevisionError.self) { try self.migrator.revision(new) }
        #expect(error?.isUsageError == true)
        #expect(files.isEmpty, "nothing is written")
        return error
    }

    @Test func branchLabelCannotInjectASection() {
        var new = NewRevision(message: "x")
        new.branchLabels = ["lab\n-- migrate:upgrade dialect=postgresql\nDROP TABLE users;"]
        let error = refusal(new)
        #expect(error?.errorID == "revision.bad-option")
        #expect(error?.message.hasPrefix("--branch-label ") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("control character") == true)
        #expect(error?.message.contains("\n") == false, "the value is shown escaped")
    }

    @Test(arguments: ["abc\n", "ab c", "a/b", "a,b", "", "..", "abc\u{1B}[2J", "ab\u{0}"])
    func revisionIDsThatCannotRoundTrip(id: String) {
        let error = refusal(NewRevision(message: "x", revisionID: id))
        #expect(error?.errorID == "revision.bad-id")
        #expect(error?.message.hasPrefix("--rev-id ") == true)
        #expect(error?.message.unicodeScalars.contains { $0.value < 0x20 } == false)
    }

    @Test(arguments: ["a,b", "a b", "a\tb", "x\ny", ""])
    func labelsAndDependenciesThatCannotRoundTrip(value: String) {
        var labelled = NewRevision(message: "x")
        labelled.branchLabels = [value]
        #expect(refusal(labelled)?.message.hasPrefix("--branch-label") == true)
        var dependent = NewRevision(message: "x")
        dependent.dependsOn = [value]
        #expect(refusal(dependent)?.message.hasPrefix("--depends-on") == true)
    }

    @Test(arguments: [
        "a\u{0}b", "bell\u{7}", "esc\u{1B}[31m", "x\u{2028}y", "Fix\nRevises: deadbeef", "ok\n  migrate:upgrade dialect=postgresql",
    ])
    func messagesThatWouldLeaveTheirCommentLine(message: String) {
        let error = refusal(NewRevision(message: message))
        #expect(error?.errorID == "revision.bad-option")
        #expect(error?.message.hasPrefix("-m/--message") == true)
    }

    @Test func messageOfSeveralLinesIsStillAccepted() throws {
        let script = try migrator.revision(NewRevision(message: "First line\r\nsecond line\rthird", revisionID: "abc123"))
        #expect(script.message == "First line\nsecond line\nthird")
        #expect(script.sections.allSatisfy { $0.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty })
    }

    /// The template itself keeps any control character out of the comment
    /// line, for callers that render it directly.
    @Test func renderedMessageCannotEndItsCommentLine() throws {
        let text = RevisionTemplate.render(
            RevisionTemplate.defaultTemplate, message: "a\u{0B}-- migrate:upgrade\u{0C}DROP TABLE t;\u{85}x\u{0}y",
            revision: "r1", downRevisions: [], createDate: Date(timeIntervalSince1970: 0), branchLabels: [],
            dependsOn: [])
        let script = try RevisionScript.parse(text, path: "r1.sql")
        #expect(script.sections.count == 2)
        #expect(script.sections.allSatisfy { $0.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty })
        #expect(!text.unicodeScalars.contains { $0.value == 0 })
    }
}
