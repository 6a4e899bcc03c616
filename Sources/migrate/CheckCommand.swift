import ArgumentParser
import MigrateKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Tell whether the database at head matches the declared schema.",
        discussion: """
            Applies the declared schema (schema in migrate.ini) to a scratch database, inspects \
            both, and compares them. Exits 0 when they match, 1 with one line per difference \
            when they do not, and 1 when the database is not at head.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        try Output.run {
            let changes = try global.migrator().check()
            if output.json {
                try JSONOutput.print(
                    CheckJSON(matches: changes.isEmpty, changes: changes.map { .init(table: $0.tableName, summary: $0.summary) }))
                if !changes.isEmpty { throw ExitCode(1) }
                return
            }
            if changes.isEmpty {
                Output.say("No differences: the database matches the declared schema.")
                return
            }
            Output.say("The database differs from the declared schema (\(changes.count) "
                + (changes.count == 1 ? "change" : "changes")
                + "); run `migrate revision --autogenerate -m \"...\"`:")
            for change in changes { Output.say("  \(change.summary)") }
            throw ExitCode(1)
        }
    }
}

/// `check --format json`: `{"matches": bool, "changes": [{"table", "summary"}]}`.
struct CheckJSON: Encodable {
    struct Change: Encodable {
        var table: String
        var summary: String
    }

    var matches: Bool
    var changes: [Change]
}
