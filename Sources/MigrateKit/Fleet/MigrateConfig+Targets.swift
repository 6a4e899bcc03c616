import Foundation

extension MigrateConfig {
    /// The `migrate.ini` section that lists this configuration's fleet:
    /// `[targets]` beside `[migrate]`, `[<name>.targets]` beside `[<name>]`.
    public var targetsSection: String { section == "migrate" ? "targets" : "\(section).targets" }

    /// The fleet that ``targetsSection`` lists, or `nil` when the file has no
    /// such section. It gives exactly one of:
    ///
    /// ```ini
    /// [targets]
    /// urls =
    ///     postgresql://app:${PASSWORD}@db1/tenant_a
    ///     postgresql://app:${PASSWORD}@db2/tenant_b
    /// # or: query = SELECT url FROM tenants WHERE active   (URLs or schema names)
    /// # or: schemas = tenant_*                             (globs; PostgreSQL, MySQL)
    /// ```
    ///
    /// `query` and `schemas` run on the main URL (``url``). A schema name
    /// becomes the main URL with that schema (``SchemaTenancy``).
    public func configuredTargets(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> [FleetTarget]? {
        guard let configFile else { return nil }
        let ini = try IniFile.parse(TextFile.contents(of: configFile, role: "configuration file"), path: configFile)
        let section = targetsSection
        guard ini.section(section) != nil else { return nil }
        let here = (configFile as NSString).deletingLastPathComponent
        let dotEnvFile = (here as NSString).appendingPathComponent(".env")
        let dotEnv =
            FileManager.default.fileExists(atPath: dotEnvFile)
            ? try DotEnv.parse(TextFile.contents(of: dotEnvFile, role: ".env file"), path: dotEnvFile) : [:]
        let merged = dotEnv.merging(environment) { _, real in real }
        func value(_ key: String) throws -> String? {
            try ini.value(key, in: section, here: here, environment: merged).flatMap { $0.isEmpty ? nil : $0 }
        }
        let given = try [("urls", value("urls")), ("query", value("query")), ("schemas", value("schemas"))]
            .compactMap { key, text in text.map { (key, $0) } }
        guard given.count == 1, let chosen = given.first else {
            let problem = given.isEmpty ? "no targets are given." : "\(given.map(\.0).joined(separator: " and ")) are all given."
            throw FleetError.badSection(path: configFile, section: section, problem: problem)
        }
        let (key, text) = chosen
        let source = "`\(key)` in [\(section)] of \(configFile)"
        let targets: [FleetTarget]
        switch key {
        case "urls":
            targets = try Self.words(text).map { try Self.parseURL($0, source: source) }.map(FleetTarget.init(url:))
        case "query":
            targets = try namedTargets(try queryMainDatabase { try $0.query(text).compactMap { $0.first?.string } }, source: source)
        default:
            let globs = Self.words(text).map(TableNamePattern.init)
            let schemas = try queryMainDatabase { connection in
                guard let tenancy = try mainDialect(source: source) as? SchemaTenancy else { return [] }
                return try tenancy.tenantSchemas(on: connection).filter { TableNamePattern.any(globs, matches: $0) }
            }
            targets = try namedTargets(schemas, source: source)
        }
        guard !targets.isEmpty else { throw FleetError.noTargets(source: source, filtered: false) }
        return FleetTarget.uniquelyNamed(targets)
    }

    /// URLs as they are; other names are schemas of the main database.
    private func namedTargets(_ names: [String], source: String) throws -> [FleetTarget] {
        try names.map { name in
            if name.contains("://") { return FleetTarget(url: try Self.parseURL(name, source: source)) }
            guard let url = self.url, let tenancy = try mainDialect(source: source) as? SchemaTenancy else {
                throw FleetError.noMainURL(section: targetsSection)
            }
            return FleetTarget(name: name, url: tenancy.url(url, inSchema: name))
        }
    }

    private func mainDialect(source: String) throws -> any Dialect {
        guard let url = self.url else { throw FleetError.noMainURL(section: targetsSection) }
        let dialect = Dialects.dialect(for: url)
        guard dialect is SchemaTenancy else { throw FleetError.schemasUnsupported(url: url, source: source) }
        return dialect
    }

    private func queryMainDatabase(_ body: (DatabaseConnection) throws -> [String]) throws -> [String] {
        guard let url = self.url else { throw FleetError.noMainURL(section: targetsSection) }
        let connection = try Dialects.dialect(for: url).connectForReading(to: url)
        defer { connection.close() }
        return try body(connection)
    }

    private static func words(_ text: String) -> [String] {
        text.split { $0 == "," || $0.isWhitespace }.map(String.init)
    }

    private static func parseURL(_ text: String, source: String) throws -> DatabaseURL {
        do {
            return try DatabaseURL.parse(text)
        } catch let failure as DatabaseURLError {
            throw FleetError.invalidURL(failure, source: source)
        }
    }
}
