#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A C library opened at run time (`dlopen`) rather than linked, so a run
/// that never needs it never loads it (and its dependencies: libpq and
/// libmariadb bring Kerberos, LDAP and TLS libraries, several milliseconds of
/// startup). The dialects keep their tables of C functions
/// (`PostgreSQLClientLibrary`, `MySQLClientLibrary`).
struct DynamicLibrary {
    /// What the library is, for messages: "libpq (the PostgreSQL client library)".
    let description: String
    /// The file that was opened.
    let path: String
    private let handle: UnsafeMutableRawPointer

    /// Opens the first of `candidates` (file names the dynamic loader looks
    /// up in its usual places, or paths) that loads.
    /// - Throws: ``DatabaseError`` `.clientLibraryMissing` naming the files tried
    ///   and the package to install.
    init(_ description: String, candidates: [String], package: String) throws {
        var reasons: [String] = []
        for candidate in candidates {
            if let handle = dlopen(candidate, RTLD_NOW | RTLD_LOCAL) {
                self.description = description
                self.path = candidate
                self.handle = handle
                return
            }
            reasons.append(dlerror().map { String(cString: $0) } ?? candidate)
        }
        throw DatabaseError(
            .clientLibraryMissing,
            "\(description) is not installed: no \(candidates.joined(separator: ", ")) could be loaded "
                + "(\(reasons.first ?? "")). Install \(package).")
    }

    /// The C function `name`, as the function type the caller's context asks for.
    /// - Throws: ``DatabaseError`` `.clientLibraryMissing` when this version of
    ///   the library lacks the function.
    func function<Function>(_ name: String) throws -> Function {
        guard let symbol = dlsym(handle, name) else {
            throw DatabaseError(
                .clientLibraryMissing,
                "\(description) at \(path) has no function \(name): it is too old for migrate. Install a newer one.")
        }
        return unsafeBitCast(symbol, to: Function.self)
    }
}
