import Foundation

/// Problems with the migrations folder itself.
public enum ScriptDirectoryError: MigrateFailure {
    /// The migrations folder (`script_location`) has no `versions/` folder.
    /// Id `scripts.not-found`.
    case missingFolder(String)

    /// `scripts.not-found`.
    public var errorID: String {
        switch self {
        case .missingFolder: "scripts.not-found"
        }
    }

    /// Names the folder and says to fix `script_location` or run `migrate init`.
    public var message: String {
        switch self {
        case .missingFolder(let location):
            "The migrations folder '\(location)' (script_location in migrate.ini) has no versions/ folder. "
                + "Fix script_location, or run `migrate init \((location as NSString).lastPathComponent)` to create it."
        }
    }
}
