/// A text file `migrate` refuses to read.
public enum TextFileError: MigrateFailure, Equatable {
    /// A FIFO, socket, device, folder or dangling symbolic link where a file was expected.
    case notRegular(path: String, role: String, kind: String)
    /// The operating system refused to open or read it; `reason` says why and what to do.
    case unreadable(path: String, role: String, reason: String)
    /// Not UTF-8, or a NUL byte.
    case badText(path: String, role: String, problem: TextProblem)

    /// `file.not-regular`, `file.unreadable`, `file.nul-byte` or `file.not-utf8`.
    public var errorID: String {
        switch self {
        case .notRegular: "file.not-regular"
        case .unreadable: "file.unreadable"
        case .badText(_, _, let problem): problem.kind == .nul ? "file.nul-byte" : "file.not-utf8"
        }
    }

    /// Names the file, its role and the problem (with the line of a bad byte),
    /// and what to do.
    public var message: String {
        switch self {
        case .notRegular(let path, let role, let kind):
            return "The \(role) \(path) is \(kind), not a regular file; migrate reads only regular files. "
                + "Remove it, or replace it with the file it stands for."
        case .unreadable(let path, let role, let reason):
            return "Cannot read the \(role) \(path): \(reason)"
        case .badText(let path, let role, let problem):
            let advice =
                problem.kind == .nul
                ? "A text file never holds one: the file is damaged or not text. Remove the byte."
                : "Save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`); migrate refuses it rather than "
                    + "run it with U+FFFD in place of the bad bytes."
            return "The \(role) \(path) cannot be used: \(problem.description). \(advice)"
        }
    }
}
