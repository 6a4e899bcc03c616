import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The migration lock of an SQLite database: an exclusive `flock` on the
/// file `<database>.migrate-lock` beside it, held from before the version
/// table is read until the run ends.
///
/// SQLite's own write lock lasts one transaction, and a run commits before a
/// `transaction=false` section; this lock outlives transactions, so no other
/// `migrate` process can start in between. The kernel drops it when the
/// process exits, however it exits, so a crash never leaves it stale. The
/// holder writes its pid, host and start time into the file, for the timeout
/// message of whoever waits. The file is left in place: deleting it while
/// another process waits on it would let two processes lock two files.
final class SQLiteLockFile {
    /// `<database>.migrate-lock`.
    let path: String
    private var descriptor: Int32

    /// The lock file of the database at `databasePath`.
    static func path(for databasePath: String) -> String {
        databasePath + ".migrate-lock"
    }

    /// Opens (creating it when missing) the lock file beside the database
    /// and takes the lock, polling with back-off (10 ms doubling to 200 ms)
    /// for at most `wait.timeout` seconds, telling `wait.report` who holds
    /// it after `wait.patience` seconds and stopping when `wait.isCancelled()`.
    /// - Throws: ``DatabaseError`` of kind `.lockTimeout` naming the holder,
    ///   `.cancelled`, or `.connect` when the file cannot be created.
    init(database databasePath: String, wait: LockWait) throws {
        let timeout = wait.timeout
        path = Self.path(for: databasePath)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == EACCES || errno == EROFS {
            // Another user's lock file: `flock` needs no write access.
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
        }
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw DatabaseError(
                .connect,
                "Cannot open the migration lock file '\(path)' beside the SQLite database: \(reason). "
                    + "migrate needs to write in the database's folder (as SQLite does for its journal).")
        }
        let started = Date()
        var delay = 0.01
        var reported = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            let waited = Date().timeIntervalSince(started)
            if wait.isCancelled() {
                close(descriptor)
                throw DatabaseError(.cancelled, "Cancelled while waiting for the migration lock '\(path)'.")
            }
            if !reported, waited >= wait.patience {
                reported = true
                wait.report(holder())
            }
            guard code == EWOULDBLOCK || code == EINTR, waited < timeout else {
                let failure = lockFailure(code, waited: waited)
                close(descriptor)
                throw failure
            }
            Thread.sleep(forTimeInterval: min(delay, max(timeout - waited, 0.001)))
            delay = min(delay * 2, 0.2)
        }
        recordHolder()
    }

    /// The lock, or `nil` when the lock file cannot be created because the
    /// database's folder is read-only for this process: such a process
    /// cannot write the database either (SQLite creates its journal in that
    /// folder), so there is nothing to serialise, and SQLite's own error
    /// then says what is read-only.
    static func acquire(database databasePath: String, wait: LockWait) throws -> SQLiteLockFile? {
        let lockPath = path(for: databasePath)
        let folder = (lockPath as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: lockPath),
            access(folder.isEmpty ? "." : folder, W_OK) != 0, errno == EACCES || errno == EROFS
        {
            return nil
        }
        return try SQLiteLockFile(database: databasePath, wait: wait)
    }

    deinit { release() }

    /// Releases the lock (closing the file releases it too).
    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    /// Writes `pid 4242 on host, since <epoch seconds>` into the file.
    private func recordHolder() {
        let text = "pid \(getpid()) on \(ProcessInfo.processInfo.hostName), since \(Int(Date().timeIntervalSince1970))\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    private func lockFailure(_ code: Int32, waited: Double) -> DatabaseError {
        guard code == EWOULDBLOCK || code == EINTR else {
            return DatabaseError(
                .connect, "Cannot lock the migration lock file '\(path)': \(String(cString: strerror(code))).")
        }
        return DatabaseError(
            .lockTimeout,
            "Timed out after \(String(format: "%.1f", waited)) s waiting for the migration lock '\(path)': "
                + "it is held by \(holder()). Wait for the other migration to finish, or raise lock_timeout.")
    }

    /// "pid 4242 on build-7, running for 12 s", from what the holder wrote.
    private func holder() -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let line = text.split(separator: "\n").first, line.hasPrefix("pid ")
        else { return "another process" }
        let parts = line.components(separatedBy: ", since ")
        guard parts.count == 2, let since = Double(parts[1]) else { return String(line) }
        return "\(parts[0]), running for \(max(0, Int(Date().timeIntervalSince1970 - since))) s"
    }
}
