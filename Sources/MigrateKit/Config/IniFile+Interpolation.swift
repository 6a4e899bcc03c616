extension IniFile {
    /// The value of `key` in `section` (or `[DEFAULT]`), expanded:
    ///
    /// - `%(here)s`: `here`, the folder of the INI file;
    /// - `%(name)s`: the expanded value of `name` in the same section or `[DEFAULT]`;
    /// - `%%`: a literal `%` (a `%` followed by anything other than `%` or `(`,
    ///   such as the `%40` of a percent-encoded password, also stays as written);
    /// - `${VARIABLE}`: `environment["VARIABLE"]`, inserted as it is.
    ///
    /// - Returns: `nil` when neither the section nor `[DEFAULT]` sets `key`,
    ///   or when the section does not exist.
    /// - Throws: ``ConfigError/missingEnvironmentVariable(_:key:path:)`` for an
    ///   unset variable, ``ConfigError/interpolation(path:section:key:problem:)``
    ///   for an unknown `%(name)s`, a malformed `%(`, or references in a cycle.
    public func value(_ key: String, in section: String, here: String, environment: [String: String]) throws -> String? {
        let key = key.lowercased()
        guard let raw = rawValue(key, in: section) else { return nil }
        return try expand(raw, key: key, section: section, here: here, environment: environment, depth: 1)
    }

    private func expand(
        _ raw: String, key: String, section: String, here: String, environment: [String: String], depth: Int
    ) throws -> String {
        func problem(_ text: String) -> ConfigError {
            .interpolation(path: path, section: section, key: key, problem: text)
        }
        guard depth <= 10 else {
            throw problem("%(name)s references nest more than 10 deep; some values probably refer to each other.")
        }
        var result = ""
        var index = raw.startIndex
        while index < raw.endIndex {
            let character = raw[index]
            let next = raw.index(after: index)
            let following = next < raw.endIndex ? raw[next] : nil
            if character == "%", following == "%" {
                result.append("%")
                index = raw.index(after: next)
            } else if character == "%", following == "(" {
                guard let close = raw[next...].firstIndex(of: ")"), raw.index(after: close) < raw.endIndex,
                    raw[raw.index(after: close)] == "s"
                else {
                    throw problem("a '%(' must be written %(name)s; write %% for a literal '%'.")
                }
                let name = raw[raw.index(after: next)..<close].lowercased()
                if let referenced = rawValue(name, in: section) {
                    result += try expand(
                        referenced, key: name, section: section, here: here, environment: environment, depth: depth + 1)
                } else if name == "here" {
                    result += here
                } else {
                    throw problem(
                        "%(\(name))s names no key of [\(section)] or [DEFAULT]. Write %%(\(name))s to keep it as text "
                            + "(file_template = %%(rev)s_%%(slug)s, as in Alembic).")
                }
                index = raw.index(close, offsetBy: 2)
            } else if character == "$", following == "{", let close = raw[next...].firstIndex(of: "}") {
                let variable = String(ConfigText.trimmed(raw[raw.index(after: next)..<close]))
                guard let value = environment[variable] else {
                    throw ConfigError.missingEnvironmentVariable(variable, key: key, path: path)
                }
                result += value
                index = raw.index(after: close)
            } else {
                result.append(character)
                index = next
            }
        }
        return result
    }
}
