import ArgumentParser
import MigrateKit

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that every revision's downgrade undoes its upgrade, on a temporary database.",
        discussion: """
            Creates a temporary database beside the configured one (the user must be allowed to \
            create databases), applies every revision in order, and for each upgrades, downgrades \
            and upgrades again, comparing the inspected schema after each step. Column order is \
            not compared (as in check): a downgrade that restores every column in another order \
            is a note, not a failure. The temporary database is dropped afterwards.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            let report = try migrator.verify { step in
                Output.say("Verifying \(step.arrow) (\(step.message)): up, down, up")
            }
            let count = report.revisions.count
            Output.say("Verified \(count) revision\(count == 1 ? "" : "s"): every downgrade restores the schema before it.")
            if report.comparedWithDeclaredSchema { Output.say("At head the schema matches the declared schema.") }
            for note in report.notes { Output.note("note: \(note)") }
        }
    }
}
