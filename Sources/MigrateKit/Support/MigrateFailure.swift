/// An error `migrate` reports to a person.
///
/// Every error the library throws conforms: it carries a stable id (such as
/// `graph.multiple-heads`) that scripts and the README can refer to, and a
/// message that says what happened — naming the file, revision or statement —
/// and what to do next. Messages never contain a password.
public protocol MigrateFailure: Error, CustomStringConvertible, Sendable {
    /// A stable, dotted identifier: `<area>.<what>`, e.g. `url.unknown-scheme`.
    var errorID: String { get }
    /// One or more sentences: what happened and what to do about it.
    var message: String { get }
    /// `true` when the command line was used wrongly (exit code 64), `false`
    /// for every runtime failure (exit code 1).
    var isUsageError: Bool { get }
}

extension MigrateFailure {
    /// `false`: a runtime failure (exit code 1), unless the failure says otherwise.
    public var isUsageError: Bool { false }
    /// The text the command line prints: `error[<errorID>]: <message>`.
    public var description: String { "error[\(errorID)]: \(message)" }
}
