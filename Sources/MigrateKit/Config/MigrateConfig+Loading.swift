import Foundation

extension MigrateConfig {
    /// Reads a section of `migrate.ini` and resolves the database URL.
    ///
    /// The URL is the first of: `url` (`--url`), `environment["DATABASE_URL"]`,
    /// `DATABASE_URL` in a `.env` file beside the INI file, `url` in the
    /// section; empty values are skipped. `.env` values also feed `${VAR}` in
    /// the INI file, the real environment winning. Relative `script_location`
    /// and `schema` are relative to the INI file's folder; SQLite paths in
    /// URLs are left as written (relative to the working directory).
    ///
    /// - Parameters:
    ///   - path: the `-c` path (relative to `workingDirectory`), or `nil` for
    ///     `<workingDirectory>/migrate.ini`.
    ///   - name: the section to read (`--name`), `migrate` by default.
    ///   - url: the `--url` given, overriding every other source.
    ///   - workingDirectory: the folder a relative `path` is read from (the
    ///     process's working directory by default).
    ///   - environment: the variables for `DATABASE_URL` and `${VAR}` (the
    ///     process's environment by default).
    /// - Throws: ``ConfigError`` (`config.*`, or the `url.*` id of a URL that
    ///   does not parse), ``DatabaseURLError`` never directly.
    public static func load(
        _ path: String? = nil, name: String? = nil, url: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) throws -> MigrateConfig {
        let directory = absolutePath(workingDirectory, relativeTo: FileManager.default.currentDirectoryPath)
        let file = absolutePath(path ?? "migrate.ini", relativeTo: directory)
        let ini = try IniFile.parse(readFile(file, isConfig: true, notFound: path == nil ? directory : nil), path: file)
        let here = (file as NSString).deletingLastPathComponent
        let dotEnvFile = (here as NSString).appendingPathComponent(".env")
        let dotEnv =
            FileManager.default.fileExists(atPath: dotEnvFile)
            ? try DotEnv.parse(readFile(dotEnvFile, isConfig: false, notFound: nil), path: dotEnvFile) : [:]

        let section = name ?? "migrate"
        guard section != IniFile.defaultSection, ini.section(section) != nil else {
            throw ConfigError.missingSection(path: file, section: section, present: ini.sectionNames)
        }
        let reader = SectionReader(
            ini: ini, section: section, here: here,
            environment: dotEnv.merging(environment) { _, real in real })

        guard let location = try reader.nonEmpty("script_location") else {
            throw ConfigError.missingKey(path: file, section: section, key: "script_location")
        }
        var config = MigrateConfig(
            scriptLocation: absolutePath(location, relativeTo: here), url: nil, configFile: file, section: section)

        let candidates: [(source: String, text: () throws -> String?)] = [
            ("--url", { url }),
            ("DATABASE_URL", { environment["DATABASE_URL"] }),
            (".env", { dotEnv["DATABASE_URL"] }),
            ("migrate.ini", { try reader.nonEmpty("url") }),
        ]
        for (source, text) in candidates {
            guard let text = try text(), source == "--url" || !text.trimmingCharacters(in: .whitespaces).isEmpty
            else { continue }
            let origins = [
                "DATABASE_URL": "the DATABASE_URL environment variable", ".env": "DATABASE_URL in \(dotEnvFile)",
                "migrate.ini": "url in \(file)",
            ]
            config.url = try parseURL(text, source: origins[source] ?? source)
            config.urlSource = source
            break
        }
        if let devURL = try reader.nonEmpty("dev_url") {
            config.devURL = try parseURL(devURL, source: "dev_url in \(file)")
        }
        config.schema = try reader.nonEmpty("schema").map { absolutePath($0, relativeTo: here) }
        if let table = try reader.value("version_table") {
            guard !table.isEmpty else { throw reader.bad("version_table", table, "a table name") }
            config.versionTable = table
        }
        config.fileTemplate = try reader.nonEmpty("file_template") ?? config.fileTemplate
        config.truncateSlugLength =
            try reader.typed("truncate_slug_length", expected: "a whole number of at least 1") {
                Int($0).flatMap { $0 >= 1 ? $0 : nil }
            } ?? config.truncateSlugLength
        config.transactionPerMigration =
            try reader.typed("transaction_per_migration", expected: "true or false") {
                booleans[$0.lowercased()]
            } ?? config.transactionPerMigration
        config.lockTimeout =
            try reader.typed("lock_timeout", expected: "a number of seconds (0 or more)") {
                Double($0).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
            } ?? config.lockTimeout
        config.pooler =
            try reader.typed("pooler", expected: "auto, session, none or transaction") {
                PoolerMode.parse($0)
            } ?? config.pooler
        config.online =
            try reader.typed("online", expected: "true or false") { booleans[$0.lowercased()] }
            ?? config.online
        config.statementLockTimeoutMilliseconds =
            try reader.typed(
                "statement_lock_timeout", expected: "a duration with its unit, such as 5s, 500ms or 1min"
            ) { OnlineOptions.milliseconds(in: $0) } ?? config.statementLockTimeoutMilliseconds
        config.excludeTables =
            try reader.nonEmpty("exclude_tables").map {
                $0.split { $0 == "," || $0.isWhitespace }.map(String.init)
            } ?? []
        config.includeSchemas =
            try reader.nonEmpty("include_schemas").map {
                $0.split { $0 == "," || $0.isWhitespace }.map(String.init)
            } ?? []
        return config
    }

    /// The spellings `transaction_per_migration` accepts, as configparser's `getboolean`.
    private static let booleans = [
        "true": true, "yes": true, "on": true, "1": true, "false": false, "no": false, "off": false, "0": false,
    ]

    private static func parseURL(_ text: String, source: String) throws -> DatabaseURL {
        do {
            return try DatabaseURL.parse(text)
        } catch let failure as DatabaseURLError {
            throw ConfigError.invalidURL(failure, source: source)
        }
    }

    private static func readFile(_ path: String, isConfig: Bool, notFound directory: String?) throws -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ConfigError.notFound(directory: directory, path: path)
        }
        guard !isFolder.boolValue else {
            throw ConfigError.unreadable(path: path, reason: "it is a folder. Pass the path of the .ini file with -c.")
        }
        do {
            return try TextFile.contents(of: path, role: isConfig ? "configuration file" : ".env file")
        } catch TextFileError.badText(_, _, let problem) {
            throw ConfigError.syntax(
                path: path, line: problem.line, problem: problem.description + ". Save the file as UTF-8 text without NUL bytes.")
        } catch TextFileError.unreadable(_, _, let reason) {
            throw ConfigError.unreadable(path: path, reason: reason)
        } catch TextFileError.notRegular(_, _, let kind) {
            throw ConfigError.unreadable(path: path, reason: "it is \(kind), not a regular file.")
        }
    }

    /// `path` made absolute against `base`, with `.` and `..` resolved
    /// (symbolic links are left alone).
    static func absolutePath(_ path: String, relativeTo base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [Substring] = []
        for component in joined.split(separator: "/") where component != "." {
            if component == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else {
                parts.append(component)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}

/// Typed reads of one section of a loaded INI file.
private struct SectionReader {
    let ini: IniFile
    let section: String
    let here: String
    let environment: [String: String]

    func value(_ key: String) throws -> String? {
        try ini.value(key, in: section, here: here, environment: environment)
    }

    /// The value, or `nil` when absent or empty.
    func nonEmpty(_ key: String) throws -> String? {
        try value(key).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The value converted by `convert`, `nil` when absent or empty.
    func typed<T>(_ key: String, expected: String, _ convert: (String) -> T?) throws -> T? {
        guard let text = try nonEmpty(key) else { return nil }
        guard let converted = convert(text) else { throw bad(key, text, expected) }
        return converted
    }

    /// The error for a value of the wrong kind. A value that expands
    /// `${VARIABLE}` (or another key) is shown as written, never expanded:
    /// what came from the environment or `.env` may be a secret.
    func bad(_ key: String, _ value: String, _ expected: String) -> ConfigError {
        let raw = ini.rawValue(key, in: section) ?? value
        let shown = raw.contains("${") || raw.contains("%(") ? raw + " (as written; its expansion is not shown)" : value
        return .badValue(path: ini.path, section: section, key: key, value: shown, expected: expected)
    }
}
