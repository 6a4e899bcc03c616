#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The names of a versions folder's revision files and the stamp of each
/// (size, modification and status-change times, inode, device: what the
/// ``RevisionHeaderCache`` keys on), as one byte string. Two listings are
/// equal only when the same files carry the same stamps, so the string keys
/// the ``RevisionHeadsCache``: any file added, removed, renamed, edited or
/// touched changes it.
struct RevisionFolderStamp: Equatable {
    /// Each name's bytes, a NUL, then the stamp's seven numbers as raw
    /// 64-bit values; compared byte for byte, never hashed.
    let bytes: [UInt8]
    /// Whether every file's times lie at least two seconds back: only then
    /// may a cache be keyed on them (an edit within the file system's
    /// timestamp granularity could otherwise hide behind an equal time).
    let isSettled: Bool

    /// `stat`s each of `names` in `folder`; `nil` when one is missing or
    /// not a regular file (the full load reports it).
    init?(folder: String, names: [String], now: Int64) {
        // `stat` by name in the open folder: no path walk per file.
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { return nil }
        defer { close(directory) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(names.count * 96)
        var settled = true
        for name in names {
            var info = stat()
            // `withCString`: the implicit conversion copies each name into a new array.
            guard name.withCString({ fstatat(directory, $0, &info, 0) }) == 0, info.st_mode & S_IFMT == S_IFREG
            else { return nil }
            let stamp = RevisionHeaderCache.Stamp(info)
            settled = settled && stamp.isSettled(at: now)
            bytes.append(contentsOf: name.utf8)
            bytes.append(0)
            stamp.append(to: &bytes)
        }
        self.bytes = bytes
        isSettled = settled
    }
}

extension RevisionHeaderCache.Stamp {
    /// Appends the seven numbers as raw little-endian 64-bit values, in the
    /// order of ``fields`` (one by one: an array of them per file would cost
    /// an allocation each).
    func append(to bytes: inout [UInt8]) {
        Self.append(size, to: &bytes)
        Self.append(modifiedSeconds, to: &bytes)
        Self.append(modifiedNanoseconds, to: &bytes)
        Self.append(changedSeconds, to: &bytes)
        Self.append(changedNanoseconds, to: &bytes)
        Self.append(inode, to: &bytes)
        Self.append(device, to: &bytes)
    }

    private static func append(_ number: Int64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
