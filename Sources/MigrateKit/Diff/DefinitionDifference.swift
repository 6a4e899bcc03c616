import Foundation

/// Where two definitions of an object part, in one line for a person:
/// `line 3: "WHERE a.active" → "WHERE a.active AND a.store_id = 1"`.
///
/// `check` prints it so that a changed view or function shows what changed,
/// not only that something did.
struct DefinitionDifference: CustomStringConvertible {
    let old: String
    let new: String

    init(_ old: String, _ new: String) {
        self.old = old
        self.new = new
    }

    /// The longest excerpt of a line shown.
    static let excerptLength = 80

    var description: String {
        let oldLines = Self.lines(old)
        let newLines = Self.lines(new)
        let shared = min(oldLines.count, newLines.count)
        guard
            let index = (0..<shared).first(where: { oldLines[$0] != newLines[$0] })
                ?? (oldLines.count == newLines.count ? nil : shared)
        else { return "definition differs in white space" }
        let before = index < oldLines.count ? Self.excerpt(oldLines[index]) : "(end)"
        let after = index < newLines.count ? Self.excerpt(newLines[index]) : "(end)"
        let where_ = oldLines.count == 1 && newLines.count == 1 ? "" : "line \(index + 1): "
        return "\(where_)\(before) → \(after)"
    }

    private static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func excerpt(_ line: String) -> String {
        let text = line.count > excerptLength ? line.prefix(excerptLength - 1) + "…" : Substring(line)
        return "`\(text)`"
    }
}
