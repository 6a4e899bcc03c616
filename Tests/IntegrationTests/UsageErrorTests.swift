import Foundation
import Testing

/// Wrong usage follows the one error contract: `error[usage.<kind>]: ...`
/// on the first line, a suggestion when a valid word is close, a pointer to
/// the command's help, and exit code 64 — never the parser's own format.
@Suite("Usage errors")
struct UsageErrorTests {
    private func run(_ arguments: String...) throws -> CommandResult {
        try CommandResult.run(arguments, in: NSTemporaryDirectory())
    }

    private func expectUsage(
        _ result: CommandResult, id: String, contains text: String, help: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(result.status == 64, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.hasPrefix("error[\(id)]: ") == true, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.contains(text) == true, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(lines.count == 2 && lines.last == "See '\(help)'.", "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func aMistypedCommandGetsASuggestion() throws {
        expectUsage(
            try run("upgrde", "head"), id: "usage.unknown-command",
            contains: "'upgrde' is not a migrate command. Did you mean 'upgrade'?", help: "migrate help")
        // Global options before an unknown verb do not hide it.
        expectUsage(
            try run("--url", "sqlite:///x.db", "frobnicate"), id: "usage.unknown-command",
            contains: "'frobnicate' is not a migrate command.", help: "migrate help")
    }

    @Test func anUnknownOptionGetsTheClosestOne() throws {
        expectUsage(
            try run("upgrade", "head", "--sqll"), id: "usage.unknown-option",
            contains: "Did you mean '--sql'?", help: "migrate help upgrade")
        expectUsage(
            try run("check", "--bogus"), id: "usage.unknown-option", contains: "--bogus", help: "migrate help check")
    }

    @Test func aMissingArgumentIsNamed() throws {
        expectUsage(
            try run("upgrade"), id: "usage.missing-argument", contains: "<target>", help: "migrate help upgrade")
    }

    @Test func aFailedValidationFollowsTheContract() throws {
        expectUsage(
            try run("database", "drop"), id: "usage.invalid-arguments", contains: "--yes",
            help: "migrate help database drop")
    }

    @Test func helpAndVersionStillPrintNormally() throws {
        let help = try run("help", "upgrade")
        #expect(help.status == 0 && help.stdout.contains("USAGE"), "\(help.stdout)\(help.stderr)")
        let version = try run("--version")
        #expect(version.status == 0 && !version.stdout.isEmpty)
    }

}
