import Foundation

/// Who holds an SQLite database's write lock, as far as the system tells.
///
/// SQLite locks a database in rollback-journal mode with POSIX record locks
/// on bytes of the file itself (the file format manual: PENDING_BYTE at
/// 0x40000000, RESERVED_BYTE just after it, then the SHARED range), and in
/// WAL mode on bytes of the `-shm` file (the write lock at offset 120).
/// Linux lists every such lock in `/proc/locks` with the holder's pid and
/// the file's inode; elsewhere the holder stays unnamed.
enum SQLiteLockHolder {
    /// `pid 4242, which holds the write lock on the SQLite database 'app.db'`,
    /// or without the pid where it cannot be found.
    static func describe(path: String) -> String {
        let lock = "the write lock on the SQLite database '\(path)'"
        guard let pid = writerPID(path: path) else { return "another connection, which holds \(lock)" }
        if pid == getpid() { return "another connection of this process, which holds \(lock)" }
        return "pid \(pid) (\(commandName(pid) ?? "another process"), which holds \(lock))"
    }

    /// The pid holding a write lock on the RESERVED or PENDING byte of the
    /// database, or on the WAL write-lock byte of its `-shm` file.
    static func writerPID(path: String) -> Int32? {
        guard let text = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        let database = inode(of: path)
        let shm = inode(of: path + "-shm")
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            // "1:" POSIX ADVISORY WRITE pid maj:min:inode start end
            guard fields.count >= 8, fields[1] == "POSIX", fields[3] == "WRITE", let pid = Int32(fields[4]),
                let fileInode = fields[5].split(separator: ":").last.flatMap({ UInt64($0) }),
                let start = UInt64(fields[6])
            else { continue }
            let end = UInt64(fields[7]) ?? UInt64.max  // "EOF"
            let covers = { (byte: UInt64) in start <= byte && byte <= end }
            if fileInode == database && (covers(0x4000_0000) || covers(0x4000_0001)) { return pid }
            if fileInode == shm && covers(120) { return pid }
        }
        return nil
    }

    private static func inode(of path: String) -> UInt64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt64(info.st_ino)
    }

    /// The holder's program name (`/proc/<pid>/comm`), such as `migrate`.
    private static func commandName(_ pid: Int32) -> String? {
        guard let name = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8) else { return nil }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
