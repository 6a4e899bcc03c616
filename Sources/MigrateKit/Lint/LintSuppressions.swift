import Foundation

/// The `-- migrate:lint` comments of a revision file.
///
/// - `-- migrate:lint disable=rule-id[,rule-id]` above the first section
///   marker (in the header) turns the rules off for the whole file; inside a
///   section it turns them off for the next statement only. `disable=all`
///   turns every rule off.
/// - `-- migrate:lint deprecated=table.column[,table.column]` records that
///   the application no longer uses those columns: a later revision may drop
///   them without `compat.drop-column`.
public struct LintSuppressions: Sendable {
    /// Rules off for the whole file.
    public var fileWide: Set<String> = []
    /// Rules off for the next statement, by the line of the comment.
    public var byLine: [(line: Int, rules: Set<String>)] = []
    /// `table.column` pairs marked deprecated.
    public var deprecated: Set<String> = []

    /// Reads the comments of a revision file's text.
    public init(fileText: String) {
        var inHeader = true
        for (offset, raw) in fileText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("--") else { continue }
            let comment = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
            if comment.lowercased().hasPrefix("migrate:upgrade") || comment.lowercased().hasPrefix("migrate:downgrade") {
                inHeader = false
            }
            guard comment.lowercased().hasPrefix("migrate:lint") else { continue }
            for option in comment.dropFirst("migrate:lint".count).split(whereSeparator: \.isWhitespace) {
                let parts = option.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let values = Set(parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
                switch parts[0].lowercased() {
                case "disable" where inHeader: fileWide.formUnion(values)
                case "disable": byLine.append((offset + 1, values))
                case "deprecated": deprecated.formUnion(values)
                default: continue
                }
            }
        }
    }

    /// `true` when `rule` is off for the statement on `line`, which follows
    /// the statement on `previousLine` (0 for the section's first).
    public func disables(_ rule: String, statementLine line: Int, previousLine: Int) -> Bool {
        if fileWide.contains(rule) || fileWide.contains("all") { return true }
        return byLine.contains { $0.line > previousLine && $0.line < line && ($0.rules.contains(rule) || $0.rules.contains("all")) }
    }
}
