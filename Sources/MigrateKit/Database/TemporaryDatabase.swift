import Foundation

/// A uniquely named database made beside another one, for a test or for
/// work `migrate` does on the side (`verify`); dropped when done.
///
/// On PostgreSQL and MySQL it is a new database on the same server; on
/// SQLite a file in a new temp folder. It never reuses or drops a database it
/// did not create: the name is random, creation fails if it is taken, and
/// ``drop()`` acts once.
public final class TemporaryDatabase: @unchecked Sendable {
    // @unchecked: the only mutable state, `dropped`, is guarded by `lock`.

    /// The scratch database's URL.
    public let url: DatabaseURL
    private let dialect: any Dialect
    private let temporaryFolder: String?
    private let lock = NSLock()
    private var dropped = false

    private init(url: DatabaseURL, temporaryFolder: String?) {
        self.url = url
        self.temporaryFolder = temporaryFolder
        dialect = Dialects.dialect(for: url)
    }

    /// Creates `<prefix>_<name>_<suffix>` beside the database `base` names.
    /// - Parameters:
    ///   - base: the URL whose server (or, for SQLite, folder) holds the new database.
    ///   - prefix: the first part of the new database's name.
    ///   - purpose: how errors name it ("test database", "scratch database").
    ///   - suffix: random unless given (tests force a clash with it).
    public static func create(
        near base: DatabaseURL, prefix: String, purpose: String = "scratch database", suffix: String? = nil
    ) throws -> TemporaryDatabase {
        let suffix = suffix ?? randomSuffix()
        let name = "\(prefix)_\(safe(base.database ?? "app"))_\(suffix)"
        var folder: String?
        let url: DatabaseURL
        if Dialects.dialect(for: base).databasesAreFiles {
            // A folder of our own: a new directory cannot hold anyone else's file.
            let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("migrate-\(prefix)-" + suffix)
            url = base.with(database: (path as NSString).appendingPathComponent(name + ".db"))
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            } catch {
                throw DatabaseError(
                    FileManager.default.fileExists(atPath: path) ? .alreadyExists : .connect,
                    "Cannot create the \(purpose) \(url.redacted): cannot make the folder \(path) "
                        + "(\(error.localizedDescription)).")
            }
            folder = path
        } else {
            url = base.with(database: name)
        }
        do {
            try Dialects.dialect(for: url).createDatabase(url)
        } catch let failure as DatabaseError {
            if let folder { try? FileManager.default.removeItem(atPath: folder) }
            throw DatabaseError(
                failure.kind, "Cannot create the \(purpose) \(url.redacted): \(failure.message)", sql: failure.sql)
        }
        return TemporaryDatabase(url: url, temporaryFolder: folder)
    }

    /// Drops the database (and its temp folder on SQLite). Later calls do nothing.
    public func drop() throws {
        lock.lock()
        defer { lock.unlock() }
        guard !dropped else { return }
        try dialect.dropDatabase(url)
        dropped = true
        if let temporaryFolder { try? FileManager.default.removeItem(atPath: temporaryFolder) }
    }

    /// Opens a connection to the scratch database.
    public func connect() throws -> DatabaseConnection {
        try dialect.connect(to: url)
    }

    private static func randomSuffix() -> String {
        String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12))
    }

    /// Keeps names to lowercase ASCII letters, digits and underscores, short
    /// enough for every server's identifier limit.
    static func safe(_ name: String) -> String {
        let stem = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
        let cleaned = String(
            stem.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }.prefix(30))
        return cleaned.allSatisfy { $0 == "_" } ? "app" : cleaned
    }
}
