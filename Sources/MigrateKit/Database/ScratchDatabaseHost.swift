/// What a dialect provides so the declared schema can be compared with the
/// live one (DESIGN §6): a scratch database of the same dialect to apply the
/// declared DDL to, and the server version that keys the declared-schema cache.
///
/// Every ``Dialect`` is one: each dialect folder conforms in
/// `<Dialect>+Scratch.swift`, so the core never switches on a dialect's name.
public protocol ScratchDatabaseHost {
    /// The server's version text (`SELECT version()`, `sqlite_version()`),
    /// with any server or live-database setting that changes how the
    /// declared DDL reads (MySQL: default character set and collation): it
    /// keys the declared-schema cache.
    func serverVersion(on connection: DatabaseConnection) throws -> String

    /// Calls `body` with a connection to an empty scratch database of this
    /// dialect, and removes the scratch database afterwards, also when `body`
    /// throws.
    /// - Parameters:
    ///   - url: the live database; the scratch one is made on its server.
    ///   - devURL: `dev_url`, used instead when set (for users who may not
    ///     create databases).
    ///   - body: the work to do on the scratch database's connection.
    func withScratchDatabase<T>(
        near url: DatabaseURL, devURL: DatabaseURL?, _ body: (DatabaseConnection) throws -> T
    ) throws -> T
}

extension ScratchDatabaseHost {
    /// A name no one else uses: `migrate_scratch_` and 12 random hex digits.
    static func scratchName() -> String {
        "migrate_scratch_" + (0..<12).map { _ in String(Int.random(in: 0..<16), radix: 16) }.joined()
    }
}
