import ArgumentParser
import Foundation
import MigrateKit

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check revision files for statements that lose data, break the running application, or lock tables.",
        discussion: """
            Lints the upgrade sections of the revisions the database has not applied (every revision when \
            no database can be reached, or with --all), or of a range such as base:head or abc123:head. \
            Prints `file:line: severity rule-id: message` and a help line per finding; exits 1 when any \
            finding is an error. Turn rules off with `-- migrate:lint disable=rule-id` in a file or \
            `disable = rule-id, ...` under [lint] in migrate.ini.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "The revisions to lint, as start:end (base:head, abc123:head). Default: those not applied yet.")
    var range: String?

    @Flag(help: "Lint every revision, applied or not.")
    var all = false

    func validate() throws {
        if all && range != nil { throw ValidationError("Pass a range or --all, not both.") }
    }

    func run() throws {
        try Output.run {
            let report = try global.migrator().lint(range: range, all: all)
            if let note = report.note { Output.note("note: \(note)") }
            if output.json {
                try JSONOutput.print(LintJSON(report))
            } else {
                for finding in report.findings {
                    Output.say(
                        "\(Self.shown(finding.path)):\(finding.line): \(finding.severity.rawValue) \(finding.rule): \(finding.message)")
                    Output.say("    help: \(finding.help)")
                }
                Output.say(Self.summary(report))
            }
            if report.hasErrors { throw ExitCode(1) }
        }
    }

    /// `path` relative to the working directory when it lies below it.
    static func shown(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }

    static func summary(_ report: LintReport) -> String {
        let errors = report.findings.filter { $0.severity == .error }.count
        let warnings = report.findings.count - errors
        let revisions = "\(report.revisions.count) revision" + (report.revisions.count == 1 ? "" : "s")
        if report.findings.isEmpty { return "No problems found in \(revisions)." }
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(revisions)."
    }
}

/// `lint --format json`: `{"revisions": [...], "note": null|"...", "errors": n,
/// "warnings": n, "findings": [{"path", "line", "severity", "rule", "message", "help", "revision"}]}`.
struct LintJSON: Encodable {
    var revisions: [String]
    var note: Nullable<String>
    var errors: Int
    var warnings: Int
    var findings: [LintFinding]

    init(_ report: LintReport) {
        revisions = report.revisions
        note = Nullable(report.note)
        errors = report.findings.filter { $0.severity == .error }.count
        warnings = report.findings.count - errors
        findings = report.findings
    }
}
