import Foundation
import MigrateKit

/// Asks on the terminal whether a suspected rename is one:
/// `Did you rename notes.completed to notes.done? [y/N]` on stderr, the
/// answer read from stdin. Anything but `y` or `yes` is no.
struct TerminalRenameQuestion: RenameQuestion {
    /// The question when stdin and stderr are a terminal, else `nil` (the
    /// rename must then be named with `--rename`).
    static func onTerminal() -> TerminalRenameQuestion? {
        isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 ? TerminalRenameQuestion() : nil
    }

    func confirms(_ rename: SuspectedRename) -> Bool {
        FileHandle.standardError.write(Data("Did you rename \(rename.words)? [y/N] ".utf8))
        guard let line = readLine() else { return false }
        return Self.isYes(line)
    }

    static func isYes(_ answer: String) -> Bool {
        ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
