import Foundation

/// One file of the declared schema, read whole.
struct DeclaredSchemaFile: Sendable {
    var path: String
    var text: String

    /// The file `schema` names, or the `.sql` files of the folder it names in
    /// name order (not recursing into subfolders).
    static func read(_ location: String) throws -> [DeclaredSchemaFile] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location, isDirectory: &isFolder) else {
            throw AutogenerateError.schemaNotFound(location)
        }
        var paths = [location]
        if isFolder.boolValue {
            let names = try FolderListing.names(in: location, role: "declared schema folder")
            paths = names.filter { $0.hasSuffix(".sql") }.sorted().map { (location as NSString).appendingPathComponent($0) }
            if paths.isEmpty { throw AutogenerateError.emptySchemaFolder(location) }
        }
        return try paths.map { path in
            DeclaredSchemaFile(path: path, text: try TextFile.contents(of: path, role: "declared schema file"))
        }
    }
}
