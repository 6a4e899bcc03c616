import CMariaDB

/// The libmariadb (MariaDB Connector/C) functions `migrate` calls, looked up when the
/// first MySQL/MariaDB connection opens (``load()``) rather than linked: a run on
/// another database never loads the library and its dependencies.
///
/// `MySQLClientLibrary+Functions.swift` declares a Swift function of the same name and
/// signature for each C function here; being in this module, it shadows the
/// C declaration, so the dialect calls `PQexec(...)` / `mysql_init(...)` as
/// written. A call to a C function missing from this table fails the link
/// (`undefined symbol`): add it here and there.
struct MySQLClientLibrary {
    #if canImport(Darwin)
        /// The file names tried, in order.
        static let candidates: [String] = [
            "libmariadb.3.dylib", "/opt/homebrew/opt/mariadb-connector-c/lib/mariadb/libmariadb.3.dylib",
            "/usr/local/opt/mariadb-connector-c/lib/mariadb/libmariadb.3.dylib",
        ]
    #else
        /// The file names tried, in order.
        static let candidates: [String] = ["libmariadb.so.3", "libmariadb.so"]
    #endif

    /// The library and its functions, loaded on first use (thread-safe: a
    /// `static let`).
    private static let shared = Result<MySQLClientLibrary, any Error> { try MySQLClientLibrary() }

    /// Loads the library if it is not loaded yet.
    /// - Throws: ``DatabaseError`` `.clientLibraryMissing`, naming the files
    ///   tried and the package to install.
    static func load() throws {
        _ = try shared.get()
    }

    /// The loaded table. Every connection calls ``load()`` before its first
    /// C call, so reaching the failure here is a programming error.
    static var loaded: MySQLClientLibrary {
        switch shared {
        case .success(let library): return library
        case .failure(let error): fatalError("\(error)")
        }
    }

    let mysql_close: @convention(c) (UnsafeMutablePointer<MYSQL>?) -> Void
    let mysql_errno: @convention(c) (UnsafeMutablePointer<MYSQL>?) -> UInt32
    let mysql_error: @convention(c) (UnsafeMutablePointer<MYSQL>?) -> UnsafePointer<CChar>?
    let mysql_fetch_lengths: @convention(c) (UnsafeMutablePointer<MYSQL_RES>?) -> UnsafeMutablePointer<UInt>?
    let mysql_fetch_row: @convention(c) (UnsafeMutablePointer<MYSQL_RES>?) -> MYSQL_ROW?
    let mysql_field_count: @convention(c) (UnsafeMutablePointer<MYSQL>?) -> UInt32
    let mysql_free_result: @convention(c) (UnsafeMutablePointer<MYSQL_RES>?) -> Void
    let mysql_get_ssl_cipher: @convention(c) (UnsafeMutablePointer<MYSQL>?) -> UnsafePointer<CChar>?
    let mysql_init: @convention(c) (UnsafeMutablePointer<MYSQL>?) -> UnsafeMutablePointer<MYSQL>?
    let mysql_next_result: @convention(c) (UnsafeMutablePointer<MYSQL>?) -> Int32
    let mysql_num_fields: @convention(c) (UnsafeMutablePointer<MYSQL_RES>?) -> UInt32
    let mysql_num_rows: @convention(c) (UnsafeMutablePointer<MYSQL_RES>?) -> my_ulonglong
    let mysql_options: @convention(c) (UnsafeMutablePointer<MYSQL>?, mysql_option, UnsafeRawPointer?) -> Int32
    let mysql_real_connect:
        @convention(c) (
            UnsafeMutablePointer<MYSQL>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
            UInt32, UnsafePointer<CChar>?, UInt
        ) -> UnsafeMutablePointer<MYSQL>?
    let mysql_real_query: @convention(c) (UnsafeMutablePointer<MYSQL>?, UnsafePointer<CChar>?, UInt) -> Int32
    let mysql_server_init:
        @convention(c) (Int32, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) ->
            Int32
    let mysql_sqlstate: @convention(c) (UnsafeMutablePointer<MYSQL>?) -> UnsafePointer<CChar>?
    let mysql_stmt_bind_param: @convention(c) (UnsafeMutablePointer<MYSQL_STMT>?, UnsafeMutablePointer<MYSQL_BIND>?) -> my_bool
    let mysql_stmt_close: @convention(c) (UnsafeMutablePointer<MYSQL_STMT>?) -> my_bool
    let mysql_stmt_errno: @convention(c) (UnsafeMutablePointer<MYSQL_STMT>?) -> UInt32
    let mysql_stmt_error: @convention(c) (UnsafeMutablePointer<MYSQL_STMT>?) -> UnsafePointer<CChar>?
    let mysql_stmt_execute: @convention(c) (UnsafeMutablePointer<MYSQL_STMT>?) -> Int32
    let mysql_stmt_init: @convention(c) (UnsafeMutablePointer<MYSQL>?) -> UnsafeMutablePointer<MYSQL_STMT>?
    let mysql_stmt_param_count: @convention(c) (UnsafeMutablePointer<MYSQL_STMT>?) -> UInt
    let mysql_stmt_prepare: @convention(c) (UnsafeMutablePointer<MYSQL_STMT>?, UnsafePointer<CChar>?, UInt) -> Int32
    let mysql_stmt_sqlstate: @convention(c) (UnsafeMutablePointer<MYSQL_STMT>?) -> UnsafePointer<CChar>?
    let mysql_store_result: @convention(c) (UnsafeMutablePointer<MYSQL>?) -> UnsafeMutablePointer<MYSQL_RES>?
    let mysql_thread_id: @convention(c) (UnsafeMutablePointer<MYSQL>?) -> UInt
    let mysql_warning_count: @convention(c) (UnsafeMutablePointer<MYSQL>?) -> UInt32

    private init() throws {
        let library = try DynamicLibrary(
            "libmariadb (the MariaDB Connector/C client library)", candidates: Self.candidates,
            package: "libmariadb3 (apt) or mariadb-connector-c (Homebrew)")
        mysql_close = try library.function("mysql_close")
        mysql_errno = try library.function("mysql_errno")
        mysql_error = try library.function("mysql_error")
        mysql_fetch_lengths = try library.function("mysql_fetch_lengths")
        mysql_fetch_row = try library.function("mysql_fetch_row")
        mysql_field_count = try library.function("mysql_field_count")
        mysql_free_result = try library.function("mysql_free_result")
        mysql_get_ssl_cipher = try library.function("mysql_get_ssl_cipher")
        mysql_init = try library.function("mysql_init")
        mysql_next_result = try library.function("mysql_next_result")
        mysql_num_fields = try library.function("mysql_num_fields")
        mysql_num_rows = try library.function("mysql_num_rows")
        mysql_options = try library.function("mysql_options")
        mysql_real_connect = try library.function("mysql_real_connect")
        mysql_real_query = try library.function("mysql_real_query")
        mysql_server_init = try library.function("mysql_server_init")
        mysql_sqlstate = try library.function("mysql_sqlstate")
        mysql_stmt_bind_param = try library.function("mysql_stmt_bind_param")
        mysql_stmt_close = try library.function("mysql_stmt_close")
        mysql_stmt_errno = try library.function("mysql_stmt_errno")
        mysql_stmt_error = try library.function("mysql_stmt_error")
        mysql_stmt_execute = try library.function("mysql_stmt_execute")
        mysql_stmt_init = try library.function("mysql_stmt_init")
        mysql_stmt_param_count = try library.function("mysql_stmt_param_count")
        mysql_stmt_prepare = try library.function("mysql_stmt_prepare")
        mysql_stmt_sqlstate = try library.function("mysql_stmt_sqlstate")
        mysql_store_result = try library.function("mysql_store_result")
        mysql_thread_id = try library.function("mysql_thread_id")
        mysql_warning_count = try library.function("mysql_warning_count")
    }
}
