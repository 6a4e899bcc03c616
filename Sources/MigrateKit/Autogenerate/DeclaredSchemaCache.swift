import Crypto
import Foundation

/// The inspected declared schema, kept as JSON in
/// `<script_location>/.migrate-cache/declared-<dialect>.json` with the key it
/// was made for. Applying DDL to a scratch PostgreSQL database costs far more
/// than `migrate check` may take; when the declared files, the dialect, the
/// server version, the excluded tables and the `migrate` build are unchanged, the cached model is
/// the same one a new inspection would give.
///
/// The cache is a convenience: a file that cannot be read or written is
/// ignored. It belongs in `.gitignore`.
struct DeclaredSchemaCache {
    var folder: String
    var dialect: String
    var key: String

    private var path: String { (folder as NSString).appendingPathComponent("declared-\(dialect).json") }

    private struct Entry: Codable {
        var key: String
        var schema: Schema
    }

    /// SHA-256 over everything the inspected declared schema depends on.
    static func key(
        files: [DeclaredSchemaFile], dialect: String, serverVersion: String, excluded: [String], included: [String] = []
    ) -> String {
        var hash = SHA256()
        func add(_ text: String) {
            hash.update(data: Array(text.utf8))
            hash.update(data: [0])
        }
        add("migrate-declared-schema-v1")
        add(executableStamp)
        add(dialect)
        add(serverVersion)
        excluded.forEach(add)
        add("included schemas")
        included.forEach(add)
        for file in files {
            add((file.path as NSString).lastPathComponent)
            add(file.text)
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The size and modification time of the running program: a new build
    /// of `migrate` may inspect differently, so it never reads an older
    /// build's cache.
    static let executableStamp: String = {
        guard let path = Bundle.main.executablePath,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        else { return "" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)-\(modified)"
    }()

    func read() -> Schema? {
        guard let data = FileManager.default.contents(atPath: path),
            let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key
        else { return nil }
        return entry.schema
    }

    func write(_ schema: Schema) {
        guard let data = try? JSONEncoder().encode(Entry(key: key, schema: schema)) else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
