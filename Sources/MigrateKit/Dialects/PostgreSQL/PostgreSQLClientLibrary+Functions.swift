import CLibPQ

// Swift stand-ins for the C functions of `PostgreSQLClientLibrary`: same names and
// signatures, so they shadow the C declarations inside MigrateKit and the
// library is never linked, only opened when a connection needs it.

@discardableResult
func PQcancel(_ cancel: OpaquePointer!, _ errbuf: UnsafeMutablePointer<CChar>!, _ errbufsize: Int32) -> Int32 {
    PostgreSQLClientLibrary.loaded.PQcancel(cancel, errbuf, errbufsize)
}

func PQclear(_ res: OpaquePointer!) {
    PostgreSQLClientLibrary.loaded.PQclear(res)
}

@discardableResult
func PQconndefaults() -> UnsafeMutablePointer<PQconninfoOption>! {
    PostgreSQLClientLibrary.loaded.PQconndefaults()
}

@discardableResult
func PQconnectPoll(_ conn: OpaquePointer!) -> PostgresPollingStatusType {
    PostgreSQLClientLibrary.loaded.PQconnectPoll(conn)
}

@discardableResult
func PQconnectStartParams(
    _ keywords: UnsafePointer<UnsafePointer<CChar>?>!, _ values: UnsafePointer<UnsafePointer<CChar>?>!, _ expand_dbname: Int32
) -> OpaquePointer! {
    PostgreSQLClientLibrary.loaded.PQconnectStartParams(keywords, values, expand_dbname)
}

func PQconninfoFree(_ connOptions: UnsafeMutablePointer<PQconninfoOption>!) {
    PostgreSQLClientLibrary.loaded.PQconninfoFree(connOptions)
}

@discardableResult
func PQerrorMessage(_ conn: OpaquePointer!) -> UnsafeMutablePointer<CChar>! {
    PostgreSQLClientLibrary.loaded.PQerrorMessage(conn)
}

@discardableResult
func PQexec(_ conn: OpaquePointer!, _ query: UnsafePointer<CChar>!) -> OpaquePointer! {
    PostgreSQLClientLibrary.loaded.PQexec(conn, query)
}

@discardableResult
func PQexecParams(
    _ conn: OpaquePointer!, _ command: UnsafePointer<CChar>!, _ nParams: Int32, _ paramTypes: UnsafePointer<Oid>!,
    _ paramValues: UnsafePointer<UnsafePointer<CChar>?>!, _ paramLengths: UnsafePointer<Int32>!, _ paramFormats: UnsafePointer<Int32>!,
    _ resultFormat: Int32
) -> OpaquePointer! {
    PostgreSQLClientLibrary.loaded.PQexecParams(conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat)
}

func PQfinish(_ conn: OpaquePointer!) {
    PostgreSQLClientLibrary.loaded.PQfinish(conn)
}

func PQfreeCancel(_ cancel: OpaquePointer!) {
    PostgreSQLClientLibrary.loaded.PQfreeCancel(cancel)
}

func PQfreemem(_ ptr: UnsafeMutableRawPointer!) {
    PostgreSQLClientLibrary.loaded.PQfreemem(ptr)
}

@discardableResult
func PQgetCancel(_ conn: OpaquePointer!) -> OpaquePointer! {
    PostgreSQLClientLibrary.loaded.PQgetCancel(conn)
}

@discardableResult
func PQgetCopyData(_ conn: OpaquePointer!, _ buffer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>!, _ async: Int32) -> Int32 {
    PostgreSQLClientLibrary.loaded.PQgetCopyData(conn, buffer, async)
}

@discardableResult
func PQgetResult(_ conn: OpaquePointer!) -> OpaquePointer! {
    PostgreSQLClientLibrary.loaded.PQgetResult(conn)
}

@discardableResult
func PQgetisnull(_ res: OpaquePointer!, _ tup_num: Int32, _ field_num: Int32) -> Int32 {
    PostgreSQLClientLibrary.loaded.PQgetisnull(res, tup_num, field_num)
}

@discardableResult
func PQgetvalue(_ res: OpaquePointer!, _ tup_num: Int32, _ field_num: Int32) -> UnsafeMutablePointer<CChar>! {
    PostgreSQLClientLibrary.loaded.PQgetvalue(res, tup_num, field_num)
}

@discardableResult
func PQnfields(_ res: OpaquePointer!) -> Int32 {
    PostgreSQLClientLibrary.loaded.PQnfields(res)
}

@discardableResult
func PQntuples(_ res: OpaquePointer!) -> Int32 {
    PostgreSQLClientLibrary.loaded.PQntuples(res)
}

@discardableResult
func PQputCopyEnd(_ conn: OpaquePointer!, _ errormsg: UnsafePointer<CChar>!) -> Int32 {
    PostgreSQLClientLibrary.loaded.PQputCopyEnd(conn, errormsg)
}

@discardableResult
func PQresultErrorField(_ res: OpaquePointer!, _ fieldcode: Int32) -> UnsafeMutablePointer<CChar>! {
    PostgreSQLClientLibrary.loaded.PQresultErrorField(res, fieldcode)
}

@discardableResult
func PQresultErrorMessage(_ res: OpaquePointer!) -> UnsafeMutablePointer<CChar>! {
    PostgreSQLClientLibrary.loaded.PQresultErrorMessage(res)
}

@discardableResult
func PQresultStatus(_ res: OpaquePointer!) -> ExecStatusType {
    PostgreSQLClientLibrary.loaded.PQresultStatus(res)
}

@discardableResult
func PQserverVersion(_ conn: OpaquePointer!) -> Int32 {
    PostgreSQLClientLibrary.loaded.PQserverVersion(conn)
}

func PQbackendPID(_ conn: OpaquePointer!) -> Int32 {
    PostgreSQLClientLibrary.loaded.PQbackendPID(conn)
}

@discardableResult
func PQsetNoticeReceiver(_ conn: OpaquePointer!, _ proc: PQnoticeReceiver!, _ arg: UnsafeMutableRawPointer!) -> PQnoticeReceiver! {
    PostgreSQLClientLibrary.loaded.PQsetNoticeReceiver(conn, proc, arg)
}

@discardableResult
func PQsocket(_ conn: OpaquePointer!) -> Int32 {
    PostgreSQLClientLibrary.loaded.PQsocket(conn)
}

@discardableResult
func PQstatus(_ conn: OpaquePointer!) -> ConnStatusType {
    PostgreSQLClientLibrary.loaded.PQstatus(conn)
}
