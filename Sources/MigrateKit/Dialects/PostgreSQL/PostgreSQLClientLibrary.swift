import CLibPQ

/// The libpq functions `migrate` calls, looked up when the
/// first PostgreSQL connection opens (``load()``) rather than linked: a run on
/// another database never loads the library and its dependencies.
///
/// `PostgreSQLClientLibrary+Functions.swift` declares a Swift function of the same name and
/// signature for each C function here; being in this module, it shadows the
/// C declaration, so the dialect calls `PQexec(...)` / `mysql_init(...)` as
/// written. A call to a C function missing from this table fails the link
/// (`undefined symbol`): add it here and there.
struct PostgreSQLClientLibrary {
    #if canImport(Darwin)
        /// The file names tried, in order.
        static let candidates: [String] = [
            "libpq.5.dylib", "/opt/homebrew/opt/libpq/lib/libpq.5.dylib", "/usr/local/opt/libpq/lib/libpq.5.dylib",
        ]
    #else
        /// The file names tried, in order.
        static let candidates: [String] = ["libpq.so.5", "libpq.so"]
    #endif

    /// The library and its functions, loaded on first use (thread-safe: a
    /// `static let`).
    private static let shared = Result<PostgreSQLClientLibrary, any Error> { try PostgreSQLClientLibrary() }

    /// Loads the library if it is not loaded yet.
    /// - Throws: ``DatabaseError`` `.clientLibraryMissing`, naming the files
    ///   tried and the package to install.
    static func load() throws {
        _ = try shared.get()
    }

    /// The loaded table. Every connection calls ``load()`` before its first
    /// C call, so reaching the failure here is a programming error.
    static var loaded: PostgreSQLClientLibrary {
        switch shared {
        case .success(let library): return library
        case .failure(let error): fatalError("\(error)")
        }
    }

    let PQcancel: @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>?, Int32) -> Int32
    let PQclear: @convention(c) (OpaquePointer?) -> Void
    let PQconndefaults: @convention(c) () -> UnsafeMutablePointer<PQconninfoOption>?
    let PQconnectPoll: @convention(c) (OpaquePointer?) -> PostgresPollingStatusType
    let PQconnectStartParams:
        @convention(c) (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<UnsafePointer<CChar>?>?, Int32) -> OpaquePointer?
    let PQconninfoFree: @convention(c) (UnsafeMutablePointer<PQconninfoOption>?) -> Void
    let PQerrorMessage: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
    let PQexec: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?
    let PQexecParams:
        @convention(c) (
            OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?,
            UnsafePointer<Int32>?, Int32
        ) -> OpaquePointer?
    let PQfinish: @convention(c) (OpaquePointer?) -> Void
    let PQfreeCancel: @convention(c) (OpaquePointer?) -> Void
    let PQfreemem: @convention(c) (UnsafeMutableRawPointer?) -> Void
    let PQgetCancel: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let PQgetCopyData: @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, Int32) -> Int32
    let PQgetResult: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let PQgetisnull: @convention(c) (OpaquePointer?, Int32, Int32) -> Int32
    let PQgetvalue: @convention(c) (OpaquePointer?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    let PQnfields: @convention(c) (OpaquePointer?) -> Int32
    let PQntuples: @convention(c) (OpaquePointer?) -> Int32
    let PQputCopyEnd: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Int32
    let PQresultErrorField: @convention(c) (OpaquePointer?, Int32) -> UnsafeMutablePointer<CChar>?
    let PQresultErrorMessage: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
    let PQresultStatus: @convention(c) (OpaquePointer?) -> ExecStatusType
    let PQserverVersion: @convention(c) (OpaquePointer?) -> Int32
    let PQbackendPID: @convention(c) (OpaquePointer?) -> Int32
    let PQsetNoticeReceiver: @convention(c) (OpaquePointer?, PQnoticeReceiver?, UnsafeMutableRawPointer?) -> PQnoticeReceiver?
    let PQsocket: @convention(c) (OpaquePointer?) -> Int32
    let PQstatus: @convention(c) (OpaquePointer?) -> ConnStatusType

    private init() throws {
        let library = try DynamicLibrary(
            "libpq (the PostgreSQL client library)", candidates: Self.candidates, package: "libpq5 (apt) or libpq (Homebrew)")
        PQcancel = try library.function("PQcancel")
        PQclear = try library.function("PQclear")
        PQconndefaults = try library.function("PQconndefaults")
        PQconnectPoll = try library.function("PQconnectPoll")
        PQconnectStartParams = try library.function("PQconnectStartParams")
        PQconninfoFree = try library.function("PQconninfoFree")
        PQerrorMessage = try library.function("PQerrorMessage")
        PQexec = try library.function("PQexec")
        PQexecParams = try library.function("PQexecParams")
        PQfinish = try library.function("PQfinish")
        PQfreeCancel = try library.function("PQfreeCancel")
        PQfreemem = try library.function("PQfreemem")
        PQgetCancel = try library.function("PQgetCancel")
        PQgetCopyData = try library.function("PQgetCopyData")
        PQgetResult = try library.function("PQgetResult")
        PQgetisnull = try library.function("PQgetisnull")
        PQgetvalue = try library.function("PQgetvalue")
        PQnfields = try library.function("PQnfields")
        PQntuples = try library.function("PQntuples")
        PQputCopyEnd = try library.function("PQputCopyEnd")
        PQresultErrorField = try library.function("PQresultErrorField")
        PQresultErrorMessage = try library.function("PQresultErrorMessage")
        PQresultStatus = try library.function("PQresultStatus")
        PQserverVersion = try library.function("PQserverVersion")
        PQbackendPID = try library.function("PQbackendPID")
        PQsetNoticeReceiver = try library.function("PQsetNoticeReceiver")
        PQsocket = try library.function("PQsocket")
        PQstatus = try library.function("PQstatus")
    }
}
