import ArgumentParser
import Foundation

/// Turns the argument parser's complaints into the one error contract every
/// `migrate` error follows: `error[usage.<kind>]: <sentence>` on the first
/// line, a suggestion where one is close, then `See 'migrate help <command>'`,
/// and exit code 64.
struct UsageErrorReport {
    /// The command the words name (`upgrade`, `database drop`), or `nil`
    /// for the root command.
    var command: String?
    var id: String
    var sentence: String
    var suggestion: String?

    /// The lines to print on stderr.
    var lines: [String] {
        [
            "error[\(id)]: \(sentence)" + (suggestion.map { " Did you mean '\($0)'?" } ?? ""),
            "See 'migrate help\(command.map { " " + $0 } ?? "")'.",
        ]
    }

    /// The verbs of the root command and their own subcommands.
    static let commands: [String: [String]] = Dictionary(
        uniqueKeysWithValues: MigrateCommand.configuration.subcommands.map { type in
            (type._commandName, type.configuration.subcommands.map { $0._commandName })
        })

    /// An unknown verb, caught before the parser sees it: the parser would
    /// otherwise complain about whatever option follows.
    static func unknownCommand(in arguments: [String]) -> UsageErrorReport? {
        guard let verb = arguments.first, !verb.hasPrefix("-"), verb != "help", commands[verb] == nil else {
            return nil
        }
        return UsageErrorReport(
            command: nil, id: "usage.unknown-command", sentence: "'\(verb)' is not a migrate command.",
            suggestion: closest(to: verb, among: Array(commands.keys)))
    }

    /// The report for a parse or validation error of `arguments`.
    static func report(for error: Error, arguments: [String]) -> UsageErrorReport {
        let command = commandPath(of: arguments)
        let message = MigrateCommand.message(for: error)
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
        var sentence = firstLine.hasPrefix("Error: ") ? String(firstLine.dropFirst(7)) : firstLine
        if let last = sentence.last, !".?!".contains(last) { sentence += "." }
        let kinds: [(prefix: String, kind: String)] = [
            ("Missing expected argument", "missing-argument"), ("Unknown option", "unknown-option"),
            ("Unexpected argument", "unexpected-argument"), ("Missing value for", "missing-value"),
            ("The value", "invalid-value"),
        ]
        let kind = kinds.first { firstLine.contains($0.prefix) }?.kind ?? "invalid-arguments"
        var suggestion: String?
        if kind == "unknown-option", let option = firstLine.split(separator: "'").dropFirst().first {
            suggestion = closest(to: String(option), among: optionNames(of: command))
        }
        return UsageErrorReport(command: command, id: "usage.\(kind)", sentence: sentence, suggestion: suggestion)
    }

    /// `upgrade`, `database drop`, or `nil`, from the leading words.
    static func commandPath(of arguments: [String]) -> String? {
        guard let verb = arguments.first, let children = commands[verb] else { return nil }
        if arguments.count > 1, children.contains(arguments[1]) { return "\(verb) \(arguments[1])" }
        return verb
    }

    /// The long options a command's help lists.
    static func optionNames(of command: String?) -> [String] {
        let words = (command ?? "").split(separator: " ").map(String.init)
        let target = subcommandType(words) ?? MigrateCommand.self
        return longOptions(in: MigrateCommand.helpMessage(for: target, columns: 200))
    }

    private static func subcommandType(_ words: [String]) -> ParsableCommand.Type? {
        var current: ParsableCommand.Type = MigrateCommand.self
        for word in words {
            guard let next = current.configuration.subcommands.first(where: { $0._commandName == word }) else { return nil }
            current = next
        }
        return current
    }

    static func longOptions(in help: String) -> [String] {
        var names = Set<String>()
        var index = help.startIndex
        while let range = help.range(of: "--", range: index..<help.endIndex) {
            let name = help[range.lowerBound...].prefix { $0 == "-" || $0.isLetter || $0.isNumber }
            if name.count > 2 { names.insert(String(name)) }
            index = range.upperBound
        }
        return names.sorted()
    }

    /// The candidate within a small edit distance of `word`, if one is
    /// clearly closest.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let best = scored.first, best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance, with an adjacent swap counted as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
                }
            }
        }
        return rows[a.count][b.count]
    }
}
