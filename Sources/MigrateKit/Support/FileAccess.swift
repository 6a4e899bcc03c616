import Foundation

/// Plain sentences for why the operating system refused a file or folder,
/// in place of `NSCocoaErrorDomain Code=257`: what happened and what to do.
enum FileAccess {
    /// The reason for a failed POSIX call's `errno`.
    /// - Parameter writing: the call wrote (or created) the file.
    static func reason(errno code: Int32, writing: Bool = false) -> String {
        switch code {
        case EACCES, EPERM:
            let right = writing ? "write it (and create files in its folder)" : "read it (and, for a folder, list and enter it)"
            return "permission denied. Check that the user running migrate (\(userName)) may \(right): "
                + "see `ls -l`, `chmod`, `chown`."
        case ENOENT: return "it does not exist. Check the path."
        case ENOTDIR: return "a part of the path is not a folder. Check the path."
        case EISDIR: return "it is a folder, not a file."
        case EROFS: return "the file system is mounted read-only. Use a writable location."
        case ENOSPC, EDQUOT: return "the disk (or the user's quota) is full. Free some space and try again."
        case ELOOP: return "it is a loop of symbolic links. Fix the links."
        case ENAMETOOLONG: return "the path is too long."
        default: return String(cString: strerror(code)) + "."
        }
    }

    /// The reason for an error thrown by Foundation while reading or
    /// writing `path`: the POSIX error underneath when there is one, else
    /// what `access(2)` says about the path (or, for a file not yet
    /// written, its folder).
    static func reason(for error: Error, path: String, writing: Bool) -> String {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return reason(errno: Int32(nsError.code), writing: writing) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return reason(errno: Int32(underlying.code), writing: writing)
        }
        if let code = probe(path, writing: writing) { return reason(errno: code, writing: writing) }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileReadNoPermission, .fileWriteNoPermission: return reason(errno: EACCES, writing: writing)
        case .fileNoSuchFile, .fileReadNoSuchFile: return reason(errno: ENOENT)
        case .fileWriteVolumeReadOnly: return reason(errno: EROFS)
        case .fileWriteOutOfSpace: return reason(errno: ENOSPC)
        default: return "the operating system refused (\(nsError.localizedDescription))."
        }
    }

    /// The `errno` of `access(2)` on `path` (on its folder when the file
    /// does not exist and is to be written), `nil` when access is allowed.
    static func probe(_ path: String, writing: Bool) -> Int32? {
        let mode = writing ? W_OK : R_OK
        if access(path, F_OK) != 0, writing {
            let folder = (path as NSString).deletingLastPathComponent
            return access(folder.isEmpty ? "." : folder, W_OK | X_OK) == 0 ? nil : errno
        }
        return access(path, mode) == 0 ? nil : errno
    }

    /// The effective user's name, for "the user running migrate (app)".
    static var userName: String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "uid \(geteuid())" }
        return String(cString: name)
    }
}
