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
    /// 64-bit values, in the order the folder lists them; compared byte for
    /// byte, never hashed. (The order of an unchanged folder does not
    /// change; if it did, the stamps would merely differ.)
    let bytes: [UInt8]
    /// Whether every file's times lie at least two seconds back: only then
    /// may a cache be keyed on them (an edit within the file system's
    /// timestamp granularity could otherwise hide behind an equal time).
    let isSettled: Bool

    /// Lists `folder` and `stat`s each revision file in it (the names
    /// ``ScriptDirectory/isRevisionFileName(_:)`` accepts); `nil` when the
    /// folder cannot be read or a file is not a regular one (the full load
    /// reports it). An ASCII name is used as its bytes, without a `String`.
    init?(folder: String, now: Int64) {
        guard let listing = opendir(folder) else { return nil }
        defer { closedir(listing) }
        let directory = dirfd(listing)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 << 16)
        var settled = true
        while let entry = readdir(listing) {
            let stamp = withUnsafePointer(to: &entry.pointee.d_name) { field -> RevisionHeaderCache.Stamp?? in
                let name = UnsafeRawPointer(field).assumingMemoryBound(to: CChar.self)
                let utf8 = UnsafeBufferPointer(start: UnsafeRawPointer(field).assumingMemoryBound(to: UInt8.self), count: strlen(name))
                guard utf8.allSatisfy({ $0 < 0x80 }) else {
                    // Other names exactly as the full load reads them.
                    let string = String(cString: name)
                    guard ScriptDirectory.isRevisionFileName(string) else { return .some(nil) }
                    bytes.append(contentsOf: string.utf8)
                    return string.withCString { Self.stamp(of: $0, in: directory) }
                }
                guard Self.isRevisionFileName(utf8) else { return .some(nil) }
                bytes.append(contentsOf: utf8)
                return Self.stamp(of: name, in: directory)
            }
            guard let stamp else { return nil }  // not a regular file
            guard let stamp else { continue }  // not a revision file
            bytes.append(0)
            stamp.append(to: &bytes)
            settled = settled && stamp.isSettled(at: now)
        }
        self.bytes = bytes
        isSettled = settled
    }

    /// `.some(stamp)` of a regular file, `nil` for anything else.
    private static func stamp(of name: UnsafePointer<CChar>, in directory: Int32) -> RevisionHeaderCache.Stamp?? {
        var info = stat()
        guard fstatat(directory, name, &info, 0) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return .some(RevisionHeaderCache.Stamp(info))
    }

    /// ``ScriptDirectory/isRevisionFileName(_:)`` for an ASCII name.
    private static func isRevisionFileName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.count >= 4 && name.first != UInt8(ascii: ".") && name.suffix(4).elementsEqual(".sql".utf8)
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
