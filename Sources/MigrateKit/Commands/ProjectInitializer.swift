import Foundation

/// `migrate init`: writes `migrate.ini` (when absent), the migrations folder,
/// its `script.sql.template` and an empty `versions/`.
public enum ProjectInitializer {
    /// Creates a migrations folder named `folder` under `workingDirectory`.
    /// - Returns: the paths written.
    /// - Throws: ``InitError/folderNotEmpty(_:)`` when the folder exists and
    ///   holds anything; nothing is written then.
    @discardableResult
    public static func initialize(
        folder: String, workingDirectory: String = FileManager.default.currentDirectoryPath
    ) throws -> [String] {
        let fileManager = FileManager.default
        let location =
            (folder as NSString).isAbsolutePath
            ? folder : (workingDirectory as NSString).appendingPathComponent(folder)
        if let existing = try? fileManager.contentsOfDirectory(atPath: location), !existing.isEmpty {
            throw InitError.folderNotEmpty(location)
        }
        var written: [String] = []
        let versions = (location as NSString).appendingPathComponent("versions")
        do {
            try fileManager.createDirectory(atPath: versions, withIntermediateDirectories: true)
            written += [location, versions]
            let template = (location as NSString).appendingPathComponent("script.sql.template")
            try RevisionTemplate.defaultTemplate.write(toFile: template, atomically: true, encoding: .utf8)
            written.append(template)
            // The declared-schema cache lives beside the revisions; it is not source.
            let ignore = (location as NSString).appendingPathComponent(".gitignore")
            try ".migrate-cache/\n".write(toFile: ignore, atomically: true, encoding: .utf8)
            written.append(ignore)
            let ini = (workingDirectory as NSString).appendingPathComponent("migrate.ini")
            if !fileManager.fileExists(atPath: ini) {
                try iniText(folder: folder).write(toFile: ini, atomically: true, encoding: .utf8)
                written.append(ini)
            }
        } catch let error as CocoaError {
            throw InitError.cannotWrite(location, FileAccess.reason(for: error, path: location, writing: true))
        }
        return written
    }

    static func iniText(folder: String) -> String {
        let location = (folder as NSString).isAbsolutePath ? folder : "%(here)s/\(folder)"
        return """
            # Configuration of `migrate`. Values may use %(here)s (this file's folder)
            # and ${ENVIRONMENT_VARIABLES}.
            [migrate]
            # The folder that holds script.sql.template and versions/.
            script_location = \(location)

            # The database. --url, then DATABASE_URL (the environment, or a .env file
            # beside this file) win over it. Passwords are never printed.
            #   sqlite:///relative.db  sqlite:////absolute.db
            #   postgresql://user:password@host:5432/dbname
            #   mysql://user:password@127.0.0.1:3306/dbname
            url = sqlite:///%(here)s/app.db

            # The table that records applied revisions.
            version_table = migrate_version

            # Commit each revision on its own instead of the whole run at once.
            transaction_per_migration = false

            # Seconds to wait for another process's migration lock.
            lock_timeout = 60

            # New revision file names: %(rev)s, %(slug)s, %(year)d, %(month).2d, ...
            # file_template = %%(rev)s_%%(slug)s

            """
    }
}

/// Failures of `migrate init`.
public enum InitError: MigrateFailure {
    /// The folder to create exists and holds files; nothing was written.
    /// Id `init.folder-not-empty`.
    case folderNotEmpty(String)
    /// A file or folder of the new project cannot be created: its path and the
    /// reason. Id `init.cannot-write`.
    case cannotWrite(String, String)

    /// `init.folder-not-empty` or `init.cannot-write`.
    public var errorID: String {
        switch self {
        case .folderNotEmpty: "init.folder-not-empty"
        case .cannotWrite: "init.cannot-write"
        }
    }

    /// Names the folder or file and what to do about it.
    public var message: String {
        switch self {
        case .folderNotEmpty(let path):
            "The folder '\(path)' already exists and is not empty; nothing was written. "
                + "Choose another folder name or remove it."
        case .cannotWrite(let path, let reason):
            "Cannot create '\(path)': \(reason)"
        }
    }
}
