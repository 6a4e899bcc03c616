/// Splits a section of SQL into the statements it holds, the way the
/// dialect's own command-line client would: `;` ends a statement except
/// inside strings, quoted names, comments, dollar quotes and trigger bodies.
///
/// Statements made only of comments are dropped; a last statement without a
/// terminator is kept. Each statement carries the file line it starts on, so
/// a failure can point at it. The splitter reads UTF-8 bytes once, front to
/// back: a file of thousands of lines splits in milliseconds.
public struct StatementSplitter: Sendable {
    /// The lexical rules in force.
    public var flavor: SplitterFlavor

    /// A splitter that follows `flavor`'s lexical rules.
    public init(flavor: SplitterFlavor) {
        self.flavor = flavor
    }

    /// The statements of `sql`.
    /// - Parameters:
    ///   - sql: the text to split.
    ///   - firstLine: the file line of the first line of `sql`.
    /// - Throws: ``RevisionScriptError`` (`revision.unterminated`,
    ///   `revision.bad-delimiter`) naming the line where the problem starts.
    public func split(_ sql: String, firstLine: Int = 1) throws -> [SQLStatement] {
        try split(sql, firstLine: firstLine, path: nil)
    }

    /// The statements of `sql`, a part of the file at `path`, which errors name.
    public func split(_ sql: String, firstLine: Int = 1, path: String?) throws -> [SQLStatement] {
        var sql = sql
        sql.makeContiguousUTF8()
        return try sql.utf8.withContiguousStorageIfAvailable { bytes in
            var scanner = Scanner(bytes: bytes, flavor: flavor, line: firstLine, path: path)
            return try scanner.run()
        }
            ?? Array(sql.utf8).withUnsafeBufferPointer { bytes in
                var scanner = Scanner(bytes: bytes, flavor: flavor, line: firstLine, path: path)
                return try scanner.run()
            }
    }
}

/// One pass over the bytes of a section.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let flavor: SplitterFlavor
    let path: String?
    /// The line of the byte at `position`.
    var line: Int
    var position = 0
    var delimiter: [UInt8] = [ASCII.semicolon]
    var statements: [SQLStatement] = []

    // The statement being read: its first and one-past-last significant byte.
    var start: Int?
    var startLine = 0
    var end = 0
    // SQLite trigger bodies, after sqlite3_complete(): the prefix `CREATE
    // [TEMP] TRIGGER` is recognised word by word; inside, `;` ends the
    // statement only right after an `END` that began a body statement.
    var prefix = TriggerPrefix.start
    var atBodyStatementStart = false
    var endSeen = false

    enum TriggerPrefix { case start, afterCreate, afterTemp, trigger, other }

    init(bytes: UnsafeBufferPointer<UInt8>, flavor: SplitterFlavor, line: Int, path: String?) {
        self.bytes = bytes
        self.flavor = flavor
        self.line = line
        self.path = path
    }

    var inTriggerBody: Bool { prefix == .trigger }

    mutating func run() throws -> [SQLStatement] {
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            switch byte {
            case ASCII.newline:
                line += 1
                position += 1
            case ASCII.space, ASCII.tab, ASCII.carriageReturn, 0x0B, 0x0C:
                position += 1
            case delimiter[0] where matchesDelimiter(at: position):
                if byte == ASCII.semicolon && delimiter.count == 1 && inTriggerBody && !endSeen {
                    semicolonInBody()
                } else {
                    finishStatement()
                    position += delimiter.count
                }
            case ASCII.quote:
                try quoted(by: ASCII.quote, escapes: flavor.backslashEscapes || isEscapeStringPrefix(), .string)
            case ASCII.doubleQuote:
                try quoted(by: ASCII.doubleQuote, escapes: flavor.backslashEscapes, .quotedIdentifier)
            case ASCII.backtick where flavor.backtickIdentifiers:
                try quoted(by: ASCII.backtick, escapes: false, .backtickIdentifier)
            case ASCII.minus where startsLineComment():
                skipLineComment()
            case ASCII.hash where flavor.mysqlComments:
                skipLineComment()
            case ASCII.slash where peek(position + 1) == ASCII.star:
                try blockComment()
            case ASCII.backslash where flavor.psqlMetaCommands && start == nil && isFirstOnLine(position):
                try psqlMetaCommand()
            case ASCII.dollar where flavor.dollarQuotes:
                if let tagEnd = dollarTagEnd() {
                    try dollarQuoted(tagEnd: tagEnd)
                } else {
                    punctuation()
                }
            default:
                if isWordByte(byte) {
                    try word()
                } else {
                    punctuation()
                }
            }
        }
        if start != nil, inTriggerBody, !endSeen, delimiter == [ASCII.semicolon] {
            throw RevisionScriptError(.unterminated(.triggerBody), path: path, line: startLine)
        }
        finishStatement()
        return statements
    }

    // MARK: Statements

    /// Records bytes `from..<to` (starting on `tokenLine`) as statement text.
    mutating func significant(from: Int, to: Int, line tokenLine: Int) {
        if start == nil {
            start = from
            startLine = tokenLine
        }
        end = to
    }

    mutating func finishStatement() {
        if let start {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            statements.append(SQLStatement(text: text, line: startLine))
        }
        start = nil
        prefix = .start
        atBodyStatementStart = false
        endSeen = false
    }

    /// Whether the delimiter in force starts at `index` (whose byte is
    /// known to be its first).
    func matchesDelimiter(at index: Int) -> Bool {
        if delimiter.count == 1 { return true }
        guard index + delimiter.count <= bytes.count else { return false }
        for offset in 1..<delimiter.count where bytes[index + offset] != delimiter[offset] {
            return false
        }
        return true
    }

    /// A `;` inside a trigger body: part of the statement.
    mutating func semicolonInBody() {
        significant(from: position, to: position + 1, line: line)
        atBodyStatementStart = true
        endSeen = false
        position += 1
    }

    // MARK: Tokens

    /// Any other character: part of the statement, and not a keyword.
    mutating func punctuation() {
        significant(from: position, to: position + 1, line: line)
        if flavor.triggerBodies {
            if bytes[position] == ASCII.semicolon && inTriggerBody {
                atBodyStatementStart = true
                endSeen = false
            } else {
                notAKeyword()
            }
        }
        position += 1
    }

    mutating func notAKeyword() {
        if prefix != .trigger { prefix = .other }
        atBodyStatementStart = false
        endSeen = false
    }

    /// A word: keyword, name or number.
    mutating func word() throws {
        let wordStart = position
        var index = position + 1
        while index < bytes.count, isWordByte(bytes[index]) || bytes[index] == ASCII.dollar {
            // `END$$` under `DELIMITER $$`: the delimiter ends the word.
            if bytes[index] == delimiter[0] && matchesDelimiter(at: index) { break }
            index += 1
        }
        if start == nil, flavor.delimiterCommand, isKeyword(wordStart, index, Keyword.delimiter),
            index == bytes.count || bytes[index] <= ASCII.space,
            isFirstOnLine(wordStart)
        {
            position = index
            try delimiterCommand()
            return
        }
        significant(from: wordStart, to: index, line: line)
        position = index
        if flavor.triggerBodies { classify(wordStart, index) }
    }

    /// Follows `CREATE [TEMP|TEMPORARY] TRIGGER` and `END ;` in trigger bodies.
    mutating func classify(_ from: Int, _ to: Int) {
        switch prefix {
        case .start:
            prefix = isKeyword(from, to, Keyword.create) ? .afterCreate : .other
        case .afterCreate:
            if isKeyword(from, to, Keyword.temp) || isKeyword(from, to, Keyword.temporary) {
                prefix = .afterTemp
            } else {
                prefix = isKeyword(from, to, Keyword.trigger) ? .trigger : .other
            }
        case .afterTemp:
            prefix = isKeyword(from, to, Keyword.trigger) ? .trigger : .other
        case .trigger:
            if atBodyStatementStart && isKeyword(from, to, Keyword.end) {
                atBodyStatementStart = false
                endSeen = true
            } else if isKeyword(from, to, Keyword.begin) {
                atBodyStatementStart = true
                endSeen = false
            } else {
                atBodyStatementStart = false
                endSeen = false
            }
        case .other:
            break
        }
    }

    /// `DELIMITER xyz`: the rest of the line names the new terminator.
    mutating func delimiterCommand() throws {
        let commandLine = line
        while position < bytes.count, isBlank(bytes[position]) { position += 1 }
        let tokenStart = position
        while position < bytes.count, !isBlank(bytes[position]), bytes[position] != ASCII.newline,
            bytes[position] != ASCII.carriageReturn
        {
            position += 1
        }
        guard position > tokenStart else {
            throw RevisionScriptError(.badDelimiter, path: path, line: commandLine)
        }
        delimiter = Array(bytes[tokenStart..<position])
        while position < bytes.count, bytes[position] != ASCII.newline { position += 1 }
    }

    /// A psql meta-command line (`\restrict KEY`): skipped when it only
    /// guards psql, an error otherwise.
    mutating func psqlMetaCommand() throws {
        var index = position + 1
        while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(position + 1)..<index]), as: UTF8.self)
        guard Keyword.psqlGuards.contains(name) else {
            throw RevisionScriptError(.psqlCommand(name), path: path, line: line)
        }
        position = index
        while position < bytes.count, bytes[position] != ASCII.newline { position += 1 }
    }

    /// A string or quoted name, closed by `quote`; a doubled quote stays inside.
    mutating func quoted(by quote: UInt8, escapes: Bool, _ construct: RevisionScriptError.Construct) throws {
        let tokenStart = position
        let tokenLine = line
        var index = position + 1
        while true {
            guard index < bytes.count else {
                throw RevisionScriptError(.unterminated(construct), path: path, line: tokenLine)
            }
            let byte = bytes[index]
            if byte == quote {
                if index + 1 < bytes.count && bytes[index + 1] == quote {
                    index += 2
                    continue
                }
                index += 1
                break
            }
            if byte == ASCII.newline {
                line += 1
            } else if byte == ASCII.backslash && escapes {
                index += 1
                if index < bytes.count && bytes[index] == ASCII.newline { line += 1 }
            }
            index += 1
        }
        significant(from: tokenStart, to: index, line: tokenLine)
        position = index
        if flavor.triggerBodies { notAKeyword() }
    }

    /// PostgreSQL's `E'...'`: the word just read was a lone `E`.
    func isEscapeStringPrefix() -> Bool {
        guard position >= 1, bytes[position - 1] | 0x20 == UInt8(ascii: "e") else { return false }
        return position == 1 || !isWordByte(bytes[position - 2]) && bytes[position - 2] != ASCII.dollar
    }

    func startsLineComment() -> Bool {
        guard peek(position + 1) == ASCII.minus else { return false }
        guard flavor.mysqlComments else { return true }
        // MySQL: `--` opens a comment only before a space or control character.
        guard let next = peek(position + 2) else { return true }
        return next <= ASCII.space
    }

    mutating func skipLineComment() {
        while position < bytes.count, bytes[position] != ASCII.newline { position += 1 }
    }

    mutating func blockComment() throws {
        let tokenStart = position
        let tokenLine = line
        let executable = flavor.mysqlComments && peek(position + 2) == ASCII.bang
        var depth = 1
        var index = position + 2
        while depth > 0 {
            guard index < bytes.count else {
                throw RevisionScriptError(.unterminated(.blockComment), path: path, line: tokenLine)
            }
            let byte = bytes[index]
            if byte == ASCII.star && index + 1 < bytes.count && bytes[index + 1] == ASCII.slash {
                depth -= 1
                index += 2
            } else if byte == ASCII.slash && flavor.nestedBlockComments && index + 1 < bytes.count
                && bytes[index + 1] == ASCII.star
            {
                depth += 1
                index += 2
            } else {
                if byte == ASCII.newline { line += 1 }
                index += 1
            }
        }
        position = index
        if executable {
            significant(from: tokenStart, to: index, line: tokenLine)
            if flavor.triggerBodies { notAKeyword() }
        }
    }

    /// The index of the `$` that closes a dollar-quote tag opening at
    /// `position`, or `nil` when this `$` opens none (as in `$1`).
    func dollarTagEnd() -> Int? {
        var index = position + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == ASCII.dollar { return index }
        guard isWordByte(bytes[index]), !isDigit(bytes[index]) else { return nil }
        while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == ASCII.dollar ? index : nil
    }

    mutating func dollarQuoted(tagEnd: Int) throws {
        let tokenStart = position
        let tokenLine = line
        let tagLength = tagEnd - position + 1  // `$tag$`
        var index = tagEnd + 1
        while true {
            guard index < bytes.count else {
                let tag = String(decoding: UnsafeBufferPointer(rebasing: bytes[(position + 1)..<tagEnd]), as: UTF8.self)
                throw RevisionScriptError(.unterminated(.dollarQuote(tag: tag)), path: path, line: tokenLine)
            }
            let byte = bytes[index]
            if byte == ASCII.dollar && index + tagLength <= bytes.count && closesDollarQuote(at: index, tagLength) {
                index += tagLength
                break
            }
            if byte == ASCII.newline { line += 1 }
            index += 1
        }
        significant(from: tokenStart, to: index, line: tokenLine)
        position = index
        if flavor.triggerBodies { notAKeyword() }
    }

    func closesDollarQuote(at index: Int, _ tagLength: Int) -> Bool {
        for offset in 1..<tagLength where bytes[index + offset] != bytes[position + offset] {
            return false
        }
        return true
    }

    // MARK: Bytes

    func peek(_ index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    /// Nothing but spaces and tabs between the line's start and `index`.
    func isFirstOnLine(_ index: Int) -> Bool {
        var before = index - 1
        while before >= 0, isBlank(bytes[before]) { before -= 1 }
        return before < 0 || bytes[before] == ASCII.newline
    }

    func isKeyword(_ from: Int, _ to: Int, _ keyword: [UInt8]) -> Bool {
        guard to - from == keyword.count else { return false }
        for offset in 0..<keyword.count where bytes[from + offset] | 0x20 != keyword[offset] {
            return false
        }
        return true
    }
}

/// Letters, digits, `_` and every byte of a multi-byte UTF-8 character.
private func isWordByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), 0x80...0xFF:
        true
    default:
        false
    }
}

private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}

private func isBlank(_ byte: UInt8) -> Bool {
    byte == ASCII.space || byte == ASCII.tab
}

private enum ASCII {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let semicolon = UInt8(ascii: ";")
    static let quote = UInt8(ascii: "'")
    static let doubleQuote = UInt8(ascii: "\"")
    static let backtick = UInt8(ascii: "`")
    static let backslash = UInt8(ascii: "\\")
    static let minus = UInt8(ascii: "-")
    static let hash = UInt8(ascii: "#")
    static let slash = UInt8(ascii: "/")
    static let star = UInt8(ascii: "*")
    static let bang = UInt8(ascii: "!")
    static let dollar = UInt8(ascii: "$")
}

/// Lower-case keywords, compared with ASCII letters folded to lower case.
private enum Keyword {
    static let create = Array("create".utf8)
    static let temp = Array("temp".utf8)
    static let temporary = Array("temporary".utf8)
    static let trigger = Array("trigger".utf8)
    static let begin = Array("begin".utf8)
    static let end = Array("end".utf8)
    static let delimiter = Array("delimiter".utf8)
    /// psql meta-commands that change nothing on the server.
    static let psqlGuards: Set<String> = ["restrict", "unrestrict"]
}
