import Foundation

/// Hides passwords in text that may contain database URLs or connection
/// settings, such as an error message from a C client library.
///
/// - `scheme://user:SECRET@host` becomes `scheme://user:***@host` (up to the
///   last `@` of the word, so an unencoded `@` in the password hides too much
///   rather than too little);
/// - `password=SECRET`, `passwd=SECRET`, `sslpassword='SECRET'` become `password=***`.
public func redactPasswords(in text: String) -> String {
    guard text.contains("://") || text.range(of: "pass", options: .caseInsensitive) != nil else { return text }
    var result = text
    if let url = try? Regex(#"([A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@'"<>`]*:)[^\s'"<>`]*@"#) {
        result = result.replacing(url) { match in (match.output[1].substring ?? "") + "***@" }
    }
    if let setting = try? Regex(#"(?i)((?:ssl)?pass(?:word|wd)\s*=\s*)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s&'";,]+)"#) {
        result = result.replacing(setting) { match in (match.output[1].substring ?? "") + "***" }
    }
    return result
}
