import ArgumentParser
import Foundation
import MigrateKit

/// Printing and error reporting shared by every command.
enum Output {
    /// Runs a command body, turning a `MigrateFailure` into one line on
    /// stderr and exit code 1 (64 for usage errors).
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as MigrateFailure {
            note(errorLines(failure.description))
            throw ExitCode(Interrupts.exitCode ?? (failure.isUsageError ? 64 : 1))
        } catch let exit as ExitCode {
            throw exit
        } catch {
            note("error[internal]: \(redactPasswords(in: String(describing: error)))")
            throw ExitCode(1)
        }
    }

    /// The one-line `error[id]: ...` first; every detail after it (the
    /// statement, what was rolled back) on an indented line of its own.
    static func errorLines(_ description: String) -> String {
        let lines = description.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first else { return description }
        let details = lines.dropFirst().filter { !$0.isEmpty }.map { $0.hasPrefix(" ") ? String($0) : "  " + $0 }
        return ([String(first)] + details).joined(separator: "\n")
    }

    /// A line on stdout, flushed at once so progress shows while SQL runs.
    static func say(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    /// A line on stderr, never glued to an open progress line: that line
    /// is ended first.
    static func note(_ text: String) {
        endProgressLine()
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// `true` while `Running upgrade ... ...` waits for its timing.
    nonisolated(unsafe) private static var progressLineIsOpen = false

    private static func endProgressLine() {
        guard progressLineIsOpen else { return }
        progressLineIsOpen = false
        say("")
    }

    /// Prints migration progress: `Running upgrade a -> b (message) ... 4 ms`.
    static func progress(_ event: MigrationEvent) {
        switch event {
        case .willRun(let step):
            let verb = step.resumesAt == nil ? "Running" : "Resuming"
            let start = step.resumesAt.map { " at statement \($0) of \(step.statementCount)" } ?? ""
            say("\(verb) \(step.direction.rawValue) \(step.arrow) (\(step.message))\(start) ...", terminator: "")
            progressLineIsOpen = true
        case .didRun(_, let milliseconds):
            progressLineIsOpen = false
            say(" \(milliseconds) ms")
        case .warning(let text):
            note("warning: \(text)")
        case .note(let text):
            note("note: \(text)")
        case .waitingForLock(let holder):
            note("Waiting for the migration lock held by \(holder)...")
        }
    }
}
