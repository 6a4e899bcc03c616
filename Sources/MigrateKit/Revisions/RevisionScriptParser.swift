/// Reads a revision file line by line: the header comment above the first
/// `-- migrate:` marker, then one section per marker. Only the header and
/// marker lines become strings; bodies are sliced from the bytes as they are.
struct RevisionScriptParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String

    private var header = Header()
    private var markers: [Marker] = []
    /// Set when the part above the first marker holds more than comments.
    private var preambleHasOtherText = false

    init(bytes: UnsafeBufferPointer<UInt8>, path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// The dialect names a section may be written for, with accepted aliases.
    static let dialects: [String: String] = [
        "sqlite": "sqlite", "postgresql": "postgresql", "postgres": "postgresql", "mysql": "mysql",
        "mariadb": "mysql",
    ]

    private struct Header {
        var messageLines: [String] = []
        var messageDone = false
        var revision: String?
        var downRevisions: [String] = []
        var createDate: String?
        var branchLabels: [String] = []
        var dependsOn: [String] = []
        var fieldLines: [String: Int] = [:]
    }

    private struct Marker {
        var line: Int
        /// Offset of the marker line's first byte, and of the line after it.
        var start: Int
        var bodyStart: Int
        var direction: ScriptSection.Direction
        var dialect: String?
        var transactional: Bool
    }

    mutating func parse() throws -> RevisionScript {
        var lineStart = 0
        var lineNumber = 1
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let next = lineEnd < bytes.count ? lineEnd + 1 : lineEnd
            if let marker = try marker(from: lineStart, to: lineEnd, line: lineNumber, next: next) {
                markers.append(marker)
            } else if markers.isEmpty {
                try headerLine(from: lineStart, to: lineEnd, line: lineNumber)
            }
            lineStart = next
            lineNumber += 1
        }
        try checkPreamble()
        guard let revision = header.revision else {
            throw RevisionScriptError(.missingRevisionID, path: path, line: nil)
        }
        let sections = try makeSections()
        guard sections.contains(where: { $0.direction == .upgrade }) else {
            throw RevisionScriptError(.noUpgradeSection, path: path, line: nil)
        }
        return RevisionScript(
            path: path, message: header.messageLines.joined(separator: "\n"), revision: revision,
            downRevisions: header.downRevisions, createDate: header.createDate,
            branchLabels: header.branchLabels, dependsOn: header.dependsOn, sections: sections)
    }

    // MARK: Sections

    private func makeSections() throws -> [ScriptSection] {
        var sections: [ScriptSection] = []
        sections.reserveCapacity(markers.count)
        var seen: [String: Int] = [:]
        for (index, marker) in markers.enumerated() {
            let key = "-- migrate:\(marker.direction.rawValue)" + (marker.dialect.map { " dialect=\($0)" } ?? "")
            if let first = seen[key] {
                throw RevisionScriptError(
                    .duplicateSection(marker: key, firstLine: first), path: path, line: marker.line)
            }
            seen[key] = marker.line
            let bodyEnd = index + 1 < markers.count ? markers[index + 1].start : bytes.count
            let body = String(
                decoding: UnsafeBufferPointer(rebasing: bytes[marker.bodyStart..<max(marker.bodyStart, bodyEnd)]),
                as: UTF8.self)
            sections.append(
                ScriptSection(
                    direction: marker.direction, dialect: marker.dialect, transactional: marker.transactional,
                    body: body, firstLine: marker.line + 1, markerLine: marker.line))
        }
        return sections
    }

    /// The marker on this line, `nil` for any other line.
    private func marker(from start: Int, to end: Int, line: Int, next: Int) throws -> Marker? {
        var index = start
        while index < end, isBlank(bytes[index]) { index += 1 }
        guard end - index >= 10, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-")
        else { return nil }
        index += 2
        while index < end, isBlank(bytes[index]) { index += 1 }
        let keyword = Array("migrate:".utf8)
        guard end - index >= keyword.count else { return nil }
        for offset in 0..<keyword.count where bytes[index + offset] | 0x20 != keyword[offset] {
            return nil
        }
        let text = lineText(from: start, to: end).trimmingBlanks()
        let rest = lineText(from: index + keyword.count, to: end)
        var words = rest.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        if let comment = words.firstIndex(where: { $0.hasPrefix("--") }) { words.removeSubrange(comment...) }
        if words.first?.lowercased() == "lint" { return nil }  // `-- migrate:lint ...`: for `migrate lint`, not a section
        guard let word = words.first, let direction = ScriptSection.Direction(rawValue: word.lowercased()) else {
            throw RevisionScriptError(.unknownMarker(text), path: path, line: line)
        }
        var marker = Marker(
            line: line, start: start, bodyStart: next, direction: direction, dialect: nil, transactional: true)
        var given: Set<String> = []
        for option in words.dropFirst() {
            guard let equals = option.firstIndex(of: "=") else {
                throw RevisionScriptError(.unknownOption(option), path: path, line: line)
            }
            let name = option[..<equals].lowercased()
            let value = String(option[option.index(after: equals)...])
            guard given.insert(name).inserted else {
                throw RevisionScriptError(.duplicateOption(name), path: path, line: line)
            }
            switch name {
            case "transaction":
                switch value.lowercased() {
                case "true": marker.transactional = true
                case "false": marker.transactional = false
                default: throw RevisionScriptError(.badOptionValue(option: name, value: value), path: path, line: line)
                }
            case "dialect":
                guard let dialect = Self.dialects[value.lowercased()] else {
                    throw RevisionScriptError(.badOptionValue(option: name, value: value), path: path, line: line)
                }
                marker.dialect = dialect
            default:
                throw RevisionScriptError(.unknownOption(option), path: path, line: line)
            }
        }
        return marker
    }

    // MARK: Header

    private mutating func headerLine(from start: Int, to end: Int, line: Int) throws {
        var text = lineText(from: start, to: end)
        if line == 1, text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.trimmingBlanks()
        guard text.hasPrefix("--") else {
            if text.isEmpty {
                if !header.messageLines.isEmpty { header.messageDone = true }
            } else {
                preambleHasOtherText = true
            }
            return
        }
        let comment = String(text.dropFirst(2)).trimmingBlanks()
        if let (field, value) = Self.field(in: comment) {
            header.messageDone = true
            try headerField(field, value, line: line)
        } else if !header.messageDone {
            if !comment.isEmpty {
                header.messageLines.append(comment)
            } else if !header.messageLines.isEmpty {
                header.messageDone = true
            }
        }
    }

    static let fields = ["Revision ID", "Revises", "Create Date", "Branch Labels", "Depends On"]

    /// `Revises: a, b` as (`Revises`, `a, b`), the field's name spelled as
    /// Alembic does whatever the case in the file.
    private static func field(in comment: String) -> (String, String)? {
        guard let colon = comment.firstIndex(of: ":") else { return nil }
        let key = comment[..<colon].trimmingBlanks().lowercased()
        guard let field = fields.first(where: { $0.lowercased() == key }) else { return nil }
        return (field, String(comment[comment.index(after: colon)...]).trimmingBlanks())
    }

    private mutating func headerField(_ field: String, _ value: String, line: Int) throws {
        if let first = header.fieldLines[field] {
            throw RevisionScriptError(.duplicateHeader(field: field, firstLine: first), path: path, line: line)
        }
        header.fieldLines[field] = line
        switch field {
        case "Revision ID":
            guard !value.isEmpty, !value.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ",") }) else {
                throw RevisionScriptError(.badHeaderValue(field: field, value: value), path: path, line: line)
            }
            guard !RevisionID.isTooLong(value) else {
                throw RevisionScriptError(.revisionIDTooLong(value), path: path, line: line)
            }
            header.revision = value
        case "Create Date":
            header.createDate = value.isEmpty ? nil : value
        default:
            let items = value.split(separator: ",").map { String($0).trimmingBlanks() }.filter { !$0.isEmpty }
            if items.contains(where: { $0.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 }) }) {
                throw RevisionScriptError(.badHeaderValue(field: field, value: value), path: path, line: line)
            }
            switch field {
            case "Revises": header.downRevisions = items
            case "Branch Labels": header.branchLabels = items
            default: header.dependsOn = items
            }
        }
    }

    /// Text above the first marker that is not a `--` comment must be only
    /// block comments: a statement there would never run.
    private func checkPreamble() throws {
        guard preambleHasOtherText else { return }
        let end = markers.first?.start ?? bytes.count
        let preamble = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
        let statements = try StatementSplitter(flavor: SplitterFlavor()).split(preamble, firstLine: 1, path: path)
        if let first = statements.first {
            throw RevisionScriptError(.sqlOutsideSection, path: path, line: first.line)
        }
    }

    // MARK: Bytes

    private func lineText(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<max(start, end)]), as: UTF8.self)
    }

    private func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}

extension Substring {
    /// The text without leading and trailing spaces, tabs and line ends.
    /// Works on UTF-8 bytes: `Character.isWhitespace` looks up Unicode
    /// properties, and header parsing is most of every command's startup.
    fileprivate func trimmingBlanks() -> String {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard let first = utf8.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !isBlank($0) })!
        return String(self[first...last])
    }
}

extension String {
    fileprivate func trimmingBlanks() -> String { self[...].trimmingBlanks() }
}
