/// An INI file read the way Python's `configparser` (and so Alembic) reads
/// `alembic.ini`:
///
/// ```ini
/// [migrate]
/// script_location = %(here)s/migrations
/// url: postgresql://app:${DB_PASSWORD}@db/app
/// exclude_tables =
///     spatial_ref_sys
///     audit_*
/// ```
///
/// - `[section]` headers; `key = value` or `key: value` (the first `=` or `:`
///   ends the key); keys are case-insensitive, section names are not.
/// - Full-line comments start with `#` or `;` (there are no inline comments).
/// - A line indented deeper than its key continues the value (joined with
///   `\n`; blank lines inside are kept, trailing ones dropped).
/// - `[DEFAULT]` values are seen from every section.
/// - A repeated section or key is an error, as in `configparser`'s strict mode.
///
/// ``value(_:in:here:environment:)`` expands `%(here)s`, `%(name)s`, `%%` and
/// `${VARIABLE}`; ``section(_:)`` returns values as written.
public struct IniFile: Sendable {
    /// The section every other section inherits from.
    public static let defaultSection = "DEFAULT"

    /// The file the text came from, for messages (`nil` for text from code).
    public let path: String?
    /// The section names in file order, without `DEFAULT`.
    public private(set) var sectionNames: [String] = []
    var sections: [String: [String: String]] = [:]

    private init(path: String?) { self.path = path }

    /// Parses INI text.
    /// - Parameters:
    ///   - text: the INI text.
    ///   - path: the file the text came from, named in error messages.
    /// - Throws: ``ConfigError/syntax(path:line:problem:)`` naming the line.
    public static func parse(_ text: String, path: String?) throws -> IniFile {
        var file = IniFile(path: path)
        var section: String?
        var key: String?
        var keyIndent = 0
        var valueLines: [Substring] = []

        func finishValue() {
            guard let pendingKey = key, let section else { return }
            var value = valueLines.joined(separator: "\n")
            while value.last?.isWhitespace == true { value.removeLast() }
            file.sections[section, default: [:]][pendingKey] = value
            key = nil
        }
        func failure(_ line: Int, _ problem: String) -> ConfigError {
            .syntax(path: path, line: line, problem: problem)
        }

        for (offset, line) in ConfigText.lines(text).enumerated() {
            let number = offset + 1
            let content = ConfigText.trimmed(line)
            if content.isEmpty {
                if key != nil { valueLines.append("") }
                continue
            }
            if content.hasPrefix("#") || content.hasPrefix(";") { continue }
            let indent = ConfigText.indentation(of: line)
            if key != nil, indent > keyIndent {
                valueLines.append(content)
                continue
            }
            finishValue()
            if content.hasPrefix("[") {
                guard content.hasSuffix("]"), content.count > 2 else {
                    throw failure(number, "a line starting with '[' must be a section header written [name].")
                }
                let name = String(ConfigText.trimmed(content.dropFirst().dropLast()))
                guard !name.isEmpty else { throw failure(number, "the section header [] has no name.") }
                guard file.sections[name] == nil else {
                    throw failure(number, "the section [\(name)] appears a second time; merge the two.")
                }
                file.sections[name] = [:]
                if name != defaultSection { file.sectionNames.append(name) }
                section = name
                continue
            }
            guard let currentSection = section else {
                throw failure(number, "a value comes before any [section] header; add [migrate] above it.")
            }
            guard let delimiter = content.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                // The line is not shown: it may be a secret (a password wrapped onto a line of its own).
                throw failure(
                    number,
                    "expected `key = value`, a [section] header or a comment; the line has no '=' or ':' "
                        + "(it is not shown, as it may hold a secret). Write it as key = value, or indent it to continue the value above.")
            }
            let name = ConfigText.trimmed(content[..<delimiter]).lowercased()
            guard !name.isEmpty else { throw failure(number, "a value has no key before its '\(content[delimiter])'.") }
            guard file.sections[currentSection]?[name] == nil else {
                throw failure(number, "`\(name)` is set a second time in [\(currentSection)]; keep one.")
            }
            key = name
            keyIndent = indent
            valueLines = [ConfigText.trimmed(content[content.index(after: delimiter)...])]
        }
        finishValue()
        return file
    }

    /// The values of a section as written (no interpolation), with the
    /// `[DEFAULT]` values it inherits; `nil` when there is no such section.
    public func section(_ name: String) -> [String: String]? {
        let defaults = sections[Self.defaultSection] ?? [:]
        if name == Self.defaultSection { return sections[name] == nil ? nil : defaults }
        return sections[name].map { defaults.merging($0) { _, own in own } }
    }

    /// The value as written: the section's own, else `[DEFAULT]`'s.
    func rawValue(_ key: String, in section: String) -> String? {
        guard let values = sections[section] else { return nil }
        return values[key] ?? sections[Self.defaultSection]?[key]
    }
}
