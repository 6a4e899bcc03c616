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

    @Flag(help: "Also fail (exit 1) when an object was not compared because migrate does not model it or it is excluded.")
    var strict = false

    func run() throws {
        try Output.run {
            let migrator = try global.migrator()
            AbsentDatabaseNote.print(for: migrator)
            let comparison = try migrator.compareWithDeclaredSchema()
            let changes = comparison.changes
            if let warning = comparison.warning { Output.note("warning: \(warning)") }
            let failsStrictly = strict && !comparison.notCompared.isEmpty
            if output.json {
                try JSONOutput.print(
                    CheckJSON(
                        matches: changes.isEmpty, changes: changes.map { .init(table: $0.tableName, summary: $0.summary) },
                        notCompared: comparison.notCompared.map { .init(kind: $0.kind, name: $0.name) }))
                if !changes.isEmpty || failsStrictly { throw ExitCode(1) }
                return
            }
            if changes.isEmpty {
                if failsStrictly {
                    Output.say(
                        "No differences in what was compared, but \(comparison.notCompared.count) "
                            + "object(s) were not compared (--strict).")
                    throw ExitCode(1)
                }
                Output.say("No differences: the database matches the declared schema.")
                return
            }
            Output.say(
                "The database differs from the declared schema (\(changes.count) "
                    + (changes.count == 1 ? "change" : "changes")
                    + "); run `migrate revision --autogenerate -m \"...\"`:")
            for change in changes { Output.say("  \(change.summary)") }
            throw ExitCode(1)
        }
    }
}

/// `check --format json`: `{"matches": bool, "changes": [{"table", "summary"}],
/// "not_compared": [{"kind", "name"}]}`.
struct CheckJSON: Encodable {
    struct Change: Encodable {
        var table: String
        var summary: String
    }

    struct Object: Encodable {
        var kind: String
        var name: String
    }

    var matches: Bool
    var changes: [Change]
    var notCompared: [Object]
}
