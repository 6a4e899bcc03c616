import Foundation

/// Reads the text files `migrate` runs or trusts (revision files,
/// `migrate.ini`, `.env`, the declared schema) so that what runs is exactly
/// what is in the file:
///
/// - only regular files are opened (a FIFO would block every command, a
///   device could be read forever), and symbolic links to them;
/// - the bytes must be UTF-8 (no silent U+FFFD in place of `é`) and hold
///   no NUL byte.
///
/// Each refusal is a ``TextFileError`` naming the file, and the offset and
/// line of a bad byte.
enum TextFile {
    /// The text of the file at `path`.
    /// - Parameter role: what the file is to the user, e.g. `revision file`.
    static func contents(of path: String, role: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let error = errno
            var link = stat()
            if error == ENOENT, lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                throw TextFileError.notRegular(path: path, role: role, kind: "a symbolic link to a missing file")
            }
            throw TextFileError.unreadable(path: path, role: role, reason: FileAccess.reason(errno: error))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw TextFileError.notRegular(path: path, role: role, kind: kindName(info.st_mode))
        }
        // O_NONBLOCK: should the file be swapped for a FIFO after stat, opening it does not block.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw TextFileError.unreadable(path: path, role: role, reason: FileAccess.reason(errno: errno))
        }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw TextFileError.notRegular(path: path, role: role, kind: kindName(info.st_mode))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        // Sized to read a usual revision file in one call.
        var chunk = [UInt8](repeating: 0, count: max(4_096, min(Int(info.st_size) + 1, 1 << 20)))
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw TextFileError.unreadable(path: path, role: role, reason: FileAccess.reason(errno: errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        if let problem = TextProblem.first(in: bytes) {
            throw TextFileError.badText(path: path, role: role, problem: problem)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `a FIFO (named pipe)`, `a socket`, ... for a file mode.
    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }
}
