import Foundation

/// A `--targets FILE`: one database URL a line; blank lines and lines
/// starting with `#` are skipped; `${VARIABLE}` is replaced by the
/// environment's value (so passwords need not be in the file).
///
/// ```
/// # tenants on the first server
/// postgresql://app:${TENANT_PASSWORD}@db1/tenant_001
/// postgresql://app:${TENANT_PASSWORD}@db1/tenant_002
/// sqlite:///tenants/acme.db
/// ```
public enum FleetTargetFile {
    /// Reads and parses the file at `path`.
    public static func load(
        _ path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> [FleetTarget] {
        try parse(TextFile.contents(of: path, role: "targets file"), path: path, environment: environment)
    }

    /// Parses the text of a targets file; `path` is named in errors.
    public static func parse(_ text: String, path: String, environment: [String: String]) throws -> [FleetTarget] {
        var targets: [FleetTarget] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let expanded = try expand(line, path: path, line: offset + 1, environment: environment)
            do {
                targets.append(FleetTarget(url: try DatabaseURL.parse(expanded)))
            } catch let failure as DatabaseURLError {
                throw FleetError.invalidURL(failure, source: "\(path), line \(offset + 1)")
            }
        }
        guard !targets.isEmpty else { throw FleetError.noTargets(source: path, filtered: false) }
        return FleetTarget.uniquelyNamed(targets)
    }

    /// `${VARIABLE}` replaced by its value; anything else as written.
    static func expand(_ text: String, path: String, line: Int, environment: [String: String]) throws -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            result += rest[..<open.lowerBound]
            let variable = rest[open.upperBound..<close].trimmingCharacters(in: .whitespaces)
            guard let value = environment[variable] else {
                throw FleetError.missingEnvironmentVariable(variable, path: path, line: line)
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
