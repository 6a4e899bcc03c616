import Foundation

/// What a new revision's options may hold: only what reads back unchanged
/// from the file's header and name. A newline in a branch label would start a
/// line of SQL; a newline in an id would end up in the file name.
extension NewRevision {
    /// Checks the id, labels, dependencies and message before anything is
    /// resolved or written, so library callers are protected as the command
    /// line is.
    /// - Throws: ``RevisionError`` (a usage error) naming the option.
    public func validate() throws {
        if let revisionID { try Self.validateRevisionID(revisionID) }
        for label in branchLabels { try Self.validateListItem(label, option: "--branch-label") }
        for dependency in dependsOn { try Self.validateListItem(dependency, option: "--depends-on") }
        try Self.validateMessage(message)
    }

    /// Letters, digits and `_` only (ASCII): no whitespace, control
    /// characters, commas or path separators.
    static func validateRevisionID(_ id: String) throws {
        guard !id.isEmpty, id.utf8.allSatisfy(isIDByte) else { throw RevisionError.badRevisionID(id) }
    }

    /// One entry of a comma-separated header list: no commas, whitespace or
    /// control characters.
    static func validateListItem(_ item: String, option: String) throws {
        if item.isEmpty {
            throw RevisionError.badOption(option: option, value: item, problem: "it is empty")
        }
        if item.unicodeScalars.contains(where: isControl) {
            throw RevisionError.badOption(option: option, value: item, problem: "it holds a control character")
        }
        if item.contains(",") || item.contains(where: \.isWhitespace) {
            throw RevisionError.badOption(
                option: option, value: item,
                problem: "it holds a comma or whitespace, which separate the entries of the header line")
        }
    }

    /// Line breaks continue the message as `-- ` comment lines; other
    /// control characters are refused, and so is a line the header reader
    /// would take for a field (`Revises: ...`) or a section marker
    /// (`migrate:upgrade`).
    static func validateMessage(_ message: String) throws {
        if message.unicodeScalars.contains(where: { isControl($0) && !isLineBreakOrTab($0) }) {
            throw RevisionError.badOption(option: "-m/--message", value: message, problem: "it holds a control character")
        }
        for line in message.split(whereSeparator: \.isNewline) {
            let text = line.trimmingCharacters(in: .whitespaces).lowercased()
            let key = text.firstIndex(of: ":").map { text[..<$0].trimmingCharacters(in: .whitespaces) }
            if text.hasPrefix("migrate:") || RevisionScriptParser.fields.contains(where: { $0.lowercased() == key }) {
                throw RevisionError.badOption(
                    option: "-m/--message", value: message,
                    problem: "its line '\(line)' would be read as a header field or a section marker")
            }
        }
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }

    /// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private static func isLineBreakOrTab(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\t"
    }
}
