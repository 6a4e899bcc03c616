import ArgumentParser
import MigrateKit

struct RevisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revision", abstract: "Write a new revision file from the template.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .shortAndLong, help: "The revision's message; it also names the file.")
    var message: String

    @Option(name: .customLong("rev-id"), help: "Use this revision id instead of 12 random hex digits.")
    var revisionID: String?

    @Option(help: "The parent: head (default), another head, base for a new root, or <label>@head.")
    var head = "head"

    @Flag(help: "Allow --head to name a revision that already has children, starting a branch.")
    var splice = false

    @Option(name: .customLong("branch-label"), help: "A label for the branch this revision starts. Repeatable.")
    var branchLabels: [String] = []

    @Option(name: .customLong("depends-on"), help: "A revision (or label) this one depends on. Repeatable.")
    var dependsOn: [String] = []

    @Flag(help: "Fill the revision with the changes that turn the database (at head) into the declared schema.")
    var autogenerate = false

    @Flag(help: "With --autogenerate, write the revision even when nothing differs.")
    var empty = false

    @Option(
        name: .customLong("rename"),
        help: ArgumentHelp(
            "With --autogenerate, a rename to keep the data of: table.old=table.new for a column, old=new for a table. Repeatable.",
            valueName: "old=new"))
    var renames: [String] = []

    @Flag(
        name: .customLong("no-rename"),
        help: "With --autogenerate, write suspected renames not given with --rename as the drop and add they look like.")
    var noRename = false

    @Flag(
        help: ArgumentHelp(
            "With --autogenerate, write online-safe SQL (as online = true in migrate.ini): PostgreSQL indexes "
                + "CONCURRENTLY, constraints NOT VALID then validated, lock timeouts; MySQL ALGORITHM=INPLACE, LOCK=NONE."))
    var online = false

    func validate() throws {
        if online && !autogenerate {
            throw ValidationError("--online only makes sense with --autogenerate.")
        }
        if empty && !autogenerate {
            throw ValidationError("--empty only makes sense with --autogenerate.")
        }
        if (!renames.isEmpty || noRename) && !autogenerate {
            throw ValidationError("--rename and --no-rename only make sense with --autogenerate.")
        }
        for rename in renames where RenameAnswer(parsing: rename) == nil {
            throw ValidationError(
                "--rename '\(rename)' is not a rename: write table.old=table.new for a column, old=new for a table.")
        }
    }

    /// Named renames, `--no-rename`, and the question on a terminal.
    var autogenerateOptions: AutogenerateOptions {
        AutogenerateOptions(
            renames: renames.compactMap(RenameAnswer.init(parsing:)), dropsUnconfirmedRenames: noRename,
            renameQuestion: noRename ? nil : TerminalRenameQuestion.onTerminal())
    }

    func run() throws {
        try Output.run {
            var new = NewRevision(message: message, revisionID: revisionID)
            new.head = head
            new.splice = splice
            new.branchLabels = branchLabels
            new.dependsOn = dependsOn
            if online { new.online = true }
            guard autogenerate else {
                let script = try global.migrator().revision(new)
                Output.say("Generated \(script.path)")
                return
            }
            let migrator = try global.migrator()
            AbsentDatabaseNote.print(for: migrator)
            let (scripts, comparison) = try migrator.autogenerateRevisions(
                new, writingEmpty: empty, options: autogenerateOptions)
            let changes = comparison.changes
            if let warning = comparison.warning { Output.note("warning: \(warning)") }
            guard !scripts.isEmpty else {
                Output.say("No changes detected; no revision written.")
                return
            }
            for script in scripts { Output.say("Generated \(script.path)") }
            if changes.isEmpty { Output.say("No changes detected; the revision is empty.") }
            for change in changes { Output.say("  \(change.summary)") }
            for loss in try migrator.dialect().dataLosses(in: changes) {
                Output.note("warning: DATA LOSS: \(loss.loss)")
            }
        }
    }
}
