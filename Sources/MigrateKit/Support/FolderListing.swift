import Foundation

/// The entries of a folder, read with `opendir(3)`, so a refusal names the
/// folder and says why in a sentence.
enum FolderListing {
    /// Whether `path` is a folder: `false` when nothing is there (or it is
    /// a file).
    /// - Throws: ``TextFileError/unreadable(path:role:reason:)`` when the
    ///   operating system will not say (a parent folder cannot be entered).
    static func isFolder(_ path: String, role: String) throws -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let error = errno
            if error == ENOENT || error == ENOTDIR { return false }
            throw TextFileError.unreadable(path: path, role: role, reason: FileAccess.reason(errno: error))
        }
        return info.st_mode & S_IFMT == S_IFDIR
    }

    /// The names in the folder, without `.` and `..`, in no particular order.
    static func names(in path: String, role: String) throws -> [String] {
        guard let folder = opendir(path) else {
            throw TextFileError.unreadable(path: path, role: role, reason: FileAccess.reason(errno: errno))
        }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
