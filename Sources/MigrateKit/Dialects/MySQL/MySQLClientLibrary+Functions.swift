import CMariaDB

// Swift stand-ins for the C functions of `MySQLClientLibrary`: same names and
// signatures, so they shadow the C declarations inside MigrateKit and the
// library is never linked, only opened when a connection needs it.

func mysql_close(_ sock: UnsafeMutablePointer<MYSQL>!) {
    MySQLClientLibrary.loaded.mysql_close(sock)
}

@discardableResult
func mysql_errno(_ mysql: UnsafeMutablePointer<MYSQL>!) -> UInt32 {
    MySQLClientLibrary.loaded.mysql_errno(mysql)
}

@discardableResult
func mysql_error(_ mysql: UnsafeMutablePointer<MYSQL>!) -> UnsafePointer<CChar>! {
    MySQLClientLibrary.loaded.mysql_error(mysql)
}

@discardableResult
func mysql_fetch_lengths(_ result: UnsafeMutablePointer<MYSQL_RES>!) -> UnsafeMutablePointer<UInt>! {
    MySQLClientLibrary.loaded.mysql_fetch_lengths(result)
}

@discardableResult
func mysql_fetch_row(_ result: UnsafeMutablePointer<MYSQL_RES>!) -> MYSQL_ROW! {
    MySQLClientLibrary.loaded.mysql_fetch_row(result)
}

@discardableResult
func mysql_field_count(_ mysql: UnsafeMutablePointer<MYSQL>!) -> UInt32 {
    MySQLClientLibrary.loaded.mysql_field_count(mysql)
}

func mysql_free_result(_ result: UnsafeMutablePointer<MYSQL_RES>!) {
    MySQLClientLibrary.loaded.mysql_free_result(result)
}

@discardableResult
func mysql_get_ssl_cipher(_ mysql: UnsafeMutablePointer<MYSQL>!) -> UnsafePointer<CChar>! {
    MySQLClientLibrary.loaded.mysql_get_ssl_cipher(mysql)
}

@discardableResult
func mysql_init(_ mysql: UnsafeMutablePointer<MYSQL>!) -> UnsafeMutablePointer<MYSQL>! {
    MySQLClientLibrary.loaded.mysql_init(mysql)
}

@discardableResult
func mysql_next_result(_ mysql: UnsafeMutablePointer<MYSQL>!) -> Int32 {
    MySQLClientLibrary.loaded.mysql_next_result(mysql)
}

@discardableResult
func mysql_num_fields(_ res: UnsafeMutablePointer<MYSQL_RES>!) -> UInt32 {
    MySQLClientLibrary.loaded.mysql_num_fields(res)
}

@discardableResult
func mysql_num_rows(_ res: UnsafeMutablePointer<MYSQL_RES>!) -> my_ulonglong {
    MySQLClientLibrary.loaded.mysql_num_rows(res)
}

@discardableResult
func mysql_options(_ mysql: UnsafeMutablePointer<MYSQL>!, _ option: mysql_option, _ arg: UnsafeRawPointer!) -> Int32 {
    MySQLClientLibrary.loaded.mysql_options(mysql, option, arg)
}

@discardableResult
func mysql_real_connect(
    _ mysql: UnsafeMutablePointer<MYSQL>!, _ host: UnsafePointer<CChar>!, _ user: UnsafePointer<CChar>!, _ passwd: UnsafePointer<CChar>!,
    _ db: UnsafePointer<CChar>!, _ port: UInt32, _ unix_socket: UnsafePointer<CChar>!, _ clientflag: UInt
) -> UnsafeMutablePointer<MYSQL>! {
    MySQLClientLibrary.loaded.mysql_real_connect(mysql, host, user, passwd, db, port, unix_socket, clientflag)
}

@discardableResult
func mysql_real_query(_ mysql: UnsafeMutablePointer<MYSQL>!, _ q: UnsafePointer<CChar>!, _ length: UInt) -> Int32 {
    MySQLClientLibrary.loaded.mysql_real_query(mysql, q, length)
}

@discardableResult
func mysql_server_init(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>!,
    _ groups: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>!
) -> Int32 {
    MySQLClientLibrary.loaded.mysql_server_init(argc, argv, groups)
}

@discardableResult
func mysql_sqlstate(_ mysql: UnsafeMutablePointer<MYSQL>!) -> UnsafePointer<CChar>! {
    MySQLClientLibrary.loaded.mysql_sqlstate(mysql)
}

@discardableResult
func mysql_stmt_bind_param(_ stmt: UnsafeMutablePointer<MYSQL_STMT>!, _ bnd: UnsafeMutablePointer<MYSQL_BIND>!) -> my_bool {
    MySQLClientLibrary.loaded.mysql_stmt_bind_param(stmt, bnd)
}

@discardableResult
func mysql_stmt_close(_ stmt: UnsafeMutablePointer<MYSQL_STMT>!) -> my_bool {
    MySQLClientLibrary.loaded.mysql_stmt_close(stmt)
}

@discardableResult
func mysql_stmt_errno(_ stmt: UnsafeMutablePointer<MYSQL_STMT>!) -> UInt32 {
    MySQLClientLibrary.loaded.mysql_stmt_errno(stmt)
}

@discardableResult
func mysql_stmt_error(_ stmt: UnsafeMutablePointer<MYSQL_STMT>!) -> UnsafePointer<CChar>! {
    MySQLClientLibrary.loaded.mysql_stmt_error(stmt)
}

@discardableResult
func mysql_stmt_execute(_ stmt: UnsafeMutablePointer<MYSQL_STMT>!) -> Int32 {
    MySQLClientLibrary.loaded.mysql_stmt_execute(stmt)
}

@discardableResult
func mysql_stmt_init(_ mysql: UnsafeMutablePointer<MYSQL>!) -> UnsafeMutablePointer<MYSQL_STMT>! {
    MySQLClientLibrary.loaded.mysql_stmt_init(mysql)
}

@discardableResult
func mysql_stmt_param_count(_ stmt: UnsafeMutablePointer<MYSQL_STMT>!) -> UInt {
    MySQLClientLibrary.loaded.mysql_stmt_param_count(stmt)
}

@discardableResult
func mysql_stmt_prepare(_ stmt: UnsafeMutablePointer<MYSQL_STMT>!, _ query: UnsafePointer<CChar>!, _ length: UInt) -> Int32 {
    MySQLClientLibrary.loaded.mysql_stmt_prepare(stmt, query, length)
}

@discardableResult
func mysql_stmt_sqlstate(_ stmt: UnsafeMutablePointer<MYSQL_STMT>!) -> UnsafePointer<CChar>! {
    MySQLClientLibrary.loaded.mysql_stmt_sqlstate(stmt)
}

@discardableResult
func mysql_store_result(_ mysql: UnsafeMutablePointer<MYSQL>!) -> UnsafeMutablePointer<MYSQL_RES>! {
    MySQLClientLibrary.loaded.mysql_store_result(mysql)
}

@discardableResult
func mysql_thread_id(_ mysql: UnsafeMutablePointer<MYSQL>!) -> UInt {
    MySQLClientLibrary.loaded.mysql_thread_id(mysql)
}

@discardableResult
func mysql_warning_count(_ mysql: UnsafeMutablePointer<MYSQL>!) -> UInt32 {
    MySQLClientLibrary.loaded.mysql_warning_count(mysql)
}
