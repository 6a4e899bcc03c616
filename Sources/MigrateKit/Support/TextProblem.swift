/// A byte that makes a file unusable as text: invalid UTF-8, or NUL.
public struct TextProblem: Equatable, Sendable {
    /// Which problem the byte is.
    public enum Kind: Equatable, Sendable {
        /// The first byte of a sequence that is not UTF-8.
        case invalidUTF8(UInt8)
        /// A NUL byte.
        case nul
    }

    /// Which problem it is.
    public var kind: Kind
    /// From 0, in bytes.
    public var offset: Int
    /// From 1.
    public var line: Int

    /// The first problem in `bytes`, scanning once.
    static func first(in bytes: [UInt8]) -> TextProblem? {
        var index = 0
        var line = 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 { return TextProblem(kind: .nul, offset: index, line: line) }
                if byte == 0x0A { line += 1 }
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else { return TextProblem(kind: .invalidUTF8(byte), offset: index, line: line) }
            index += length
        }
        return nil
    }

    /// The length of the well-formed UTF-8 sequence at `index` (Unicode
    /// table 3-7), or 0.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let second: ClosedRange<UInt8>
        let length: Int
        switch lead {
        case 0xC2...0xDF: (second, length) = (0x80...0xBF, 2)
        case 0xE0: (second, length) = (0xA0...0xBF, 3)
        case 0xE1...0xEC, 0xEE...0xEF: (second, length) = (0x80...0xBF, 3)
        case 0xED: (second, length) = (0x80...0x9F, 3)
        case 0xF0: (second, length) = (0x90...0xBF, 4)
        case 0xF1...0xF3: (second, length) = (0x80...0xBF, 4)
        case 0xF4: (second, length) = (0x80...0x8F, 4)
        default: return 0
        }
        guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }

    /// `byte 0xE9 at offset 18 (line 3) is not UTF-8`, as a phrase.
    public var description: String {
        switch kind {
        case .invalidUTF8(let byte):
            "byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset) (line \(line)) is not UTF-8"
        case .nul:
            "it holds a NUL byte at offset \(offset) (line \(line))"
        }
    }
}
