#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading the cache file as bytes: `heads` over 5,000 revisions spends its
/// time here, and `String.split` with `Character` indexing cost four times
/// what scanning the bytes for tabs and newlines does.
extension RevisionHeaderCache {
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// The bytes of `file`, or `nil` when it cannot be read.
    static func contents(of file: String) -> [UInt8]? {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            guard count > 0 else { return nil }  // an error, or the file shrank while it was read
            filled += count
        }
        return bytes
    }

    /// The entries of a cache file for `folder`: none when its first two lines
    /// are not the format line and `folder`, and those before the first line
    /// that is not an entry (a cache is only ever an optimisation).
    static func entries(in text: [UInt8], folder: String) -> [String: Entry] {
        text.withUnsafeBufferPointer { buffer in
            var lines = buffer[...].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)[...]
            guard let format = lines.popFirst(), string(format) == formatLine,
                let recorded = lines.popFirst(), string(recorded) == folder
            else { return [:] }
            var entries: [String: Entry] = [:]
            entries.reserveCapacity(lines.count)
            for line in lines {
                guard let (name, entry) = entry(in: line) else { break }
                entries[name] = entry
            }
            return entries
        }
    }

    /// One line: name, the seven numbers of the stamp, revision, parents,
    /// dependencies, branch labels (space-separated) and message, tab-separated.
    private static func entry(in line: Bytes) -> (String, Entry)? {
        let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: 12, omittingEmptySubsequences: false)
        guard fields.count == 13 else { return nil }
        var numbers: [Int64] = []
        numbers.reserveCapacity(7)
        for field in fields[1..<8] {
            guard let number = integer(field) else { return nil }
            numbers.append(number)
        }
        let list = { (field: Bytes) in field.split(separator: UInt8(ascii: " ")).map(string) }
        let entry = Entry(
            stamp: Stamp(numbers: numbers), revision: string(fields[8]), parents: list(fields[9]),
            dependsOn: list(fields[10]), branchLabels: list(fields[11]), message: unescaped(fields[12]))
        return (unescaped(fields[0]), entry)
    }

    static func string(_ bytes: Bytes) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }

    /// A decimal integer with an optional `-`, or `nil` (also on overflow).
    private static func integer(_ bytes: Bytes) -> Int64? {
        var digits = bytes[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    /// Undoes the writer's `\\`, `\t`, `\n` and `\r`; any other escaped byte stands for itself.
    static func unescaped(_ bytes: Bytes) -> String {
        guard bytes.contains(UInt8(ascii: "\\")) else { return string(bytes) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var escaped = false
        for byte in bytes {
            if escaped {
                switch byte {
                case UInt8(ascii: "t"): result.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "n"): result.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "r"): result.append(UInt8(ascii: "\r"))
                default: result.append(byte)
                }
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension RevisionHeaderCache.Stamp {
    /// The stamp from its seven numbers, in the order of ``fields``.
    init(numbers: [Int64]) {
        (size, modifiedSeconds, modifiedNanoseconds) = (numbers[0], numbers[1], numbers[2])
        (changedSeconds, changedNanoseconds, inode, device) = (numbers[3], numbers[4], numbers[5], numbers[6])
    }
}
