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
            note(failure.description)
            throw ExitCode(Interrupts.exitCode ?? (failure.isUsageError ? 64 : 1))
        } catch let exit as ExitCode {
            throw exit
        } catch {
            note("error[internal]: \(redactPasswords(in: String(describing: error)))")
            throw ExitCode(1)
        }
    }

    /// A line on stdout, flushed at once so progress shows while SQL runs.
    static func say(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    /// A line on stderr.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints migration progress: `Running upgrade a -> b (message) ... 4 ms`.
    static func progress(_ event: MigrationEvent) {
        switch event {
        case .willRun(let step):
            say("Running \(step.direction.rawValue) \(step.arrow) (\(step.message)) ...", terminator: "")
        case .didRun(_, let milliseconds):
            say(" \(milliseconds) ms")
        case .warning(let text):
            note("warning: \(text)")
        case .waitingForLock(let holder):
            note("Waiting for the migration lock held by \(holder)...")
        }
    }
}
