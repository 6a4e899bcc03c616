extension MigrateConfig {
    /// The dialect's inspector for this configuration: the current schema
    /// and those of `include_schemas`.
    /// - Throws: ``ConfigError/badValue(path:section:key:value:expected:)``
    ///   (`config.bad-value`) when `include_schemas` is set for a dialect
    ///   without schemas besides the current one.
    func inspector(for dialect: any Dialect) throws -> any SchemaInspector {
        guard let inspector = dialect.inspector(includingSchemas: includeSchemas) else {
            throw ConfigError.badValue(
                path: configFile, section: section, key: "include_schemas", value: includeSchemas.joined(separator: ", "),
                expected: "empty for \(dialect.name): only PostgreSQL compares schemas besides the current one")
        }
        return inspector
    }
}
