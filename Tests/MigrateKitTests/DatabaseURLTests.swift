import Testing

@testable import MigrateKit

@Suite("DatabaseURL parsing")
struct DatabaseURLParsingTests {
    @Test func postgresqlWithEveryPart() throws {
        let url = try DatabaseURL.parse("postgresql://app:secret@db.example.com:5433/appdb?sslmode=require")
        #expect(url.backend == .postgresql)
        #expect(url.driver == nil)
        #expect(url.user == "app")
        #expect(url.password == "secret")
        #expect(url.host == "db.example.com")
        #expect(url.port == 5433)
        #expect(url.database == "appdb")
        #expect(url.options == ["sslmode": "require"])
        #expect(url.sslMode == "require")
    }

    @Test(arguments: [
        ("postgresql://h/db", DatabaseURL.Backend.postgresql),
        ("postgres://h/db", .postgresql),
        ("POSTGRES://h/db", .postgresql),
        ("mysql://h/db", .mysql),
        ("mariadb://h/db", .mysql),
        ("sqlite:///x.db", .sqlite),
    ])
    func schemes(text: String, backend: DatabaseURL.Backend) throws {
        #expect(try DatabaseURL.parse(text).backend == backend)
    }

    @Test(arguments: [
        ("postgresql+asyncpg://u@h/db", DatabaseURL.Backend.postgresql, "asyncpg"),
        ("postgresql+psycopg2://u@h/db", .postgresql, "psycopg2"),
        ("mysql+pymysql://u@h/db", .mysql, "pymysql"),
        ("mariadb+mariadbconnector://u@h/db", .mysql, "mariadbconnector"),
        ("sqlite+pysqlite:///x.db", .sqlite, "pysqlite"),
    ])
    func driverSuffixIsAcceptedAndKept(text: String, backend: DatabaseURL.Backend, driver: String) throws {
        let url = try DatabaseURL.parse(text)
        #expect(url.backend == backend)
        #expect(url.driver == driver)
        #expect(url.database == (backend == .sqlite ? "x.db" : "db"))
    }

    @Test func sqliteRelativePath() throws {
        let url = try DatabaseURL.parse("sqlite:///relative.db")
        #expect(url.database == "relative.db")
        #expect(url.host == nil)
        #expect(!url.isInMemorySQLite)
        #expect(try DatabaseURL.parse("sqlite:///data/sub/app.db").database == "data/sub/app.db")
    }

    @Test func sqliteAbsolutePath() throws {
        let url = try DatabaseURL.parse("sqlite:////abs/x.db")
        #expect(url.database == "/abs/x.db")
        #expect(!url.isInMemorySQLite)
    }

    @Test(arguments: ["sqlite:///:memory:", "sqlite://", "sqlite:///", "sqlite+pysqlite:///:memory:"])
    func sqliteInMemory(text: String) throws {
        let url = try DatabaseURL.parse(text)
        #expect(url.database == ":memory:")
        #expect(url.isInMemorySQLite)
    }

    @Test func sqliteWithHostIsRejectedWithAHint() {
        let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL.parse("sqlite://relative.db") }
        #expect(error?.errorID == "url.malformed")
        #expect(error?.message.contains("sqlite:///relative.db") == true)
    }

    @Test func sqliteKeepsOptions() throws {
        let url = try DatabaseURL.parse("sqlite:///app.db?mode=ro")
        #expect(url.database == "app.db")
        #expect(url.options == ["mode": "ro"])
    }

    @Test func ipv6Host() throws {
        let url = try DatabaseURL.parse("postgresql://u:p@[::1]:5432/db")
        #expect(url.host == "::1")
        #expect(url.port == 5432)
        #expect(url.user == "u")
        #expect(url.password == "p")
        #expect(url.database == "db")
        let noPort = try DatabaseURL.parse("mysql://[2001:db8::7]/shop")
        #expect(noPort.host == "2001:db8::7")
        #expect(noPort.port == nil)
    }

    @Test func unbracketedIPv6IsRejected() {
        let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL.parse("postgresql://u@::1:5432/db") }
        #expect(error?.errorID == "url.malformed")
        #expect(error?.message.contains("[::1]") == true)
    }

    @Test func unclosedIPv6Bracket() {
        let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL.parse("postgresql://u@[::1:5432/db") }
        #expect(error?.errorID == "url.malformed")
    }

    @Test func percentEncodedParts() throws {
        let url = try DatabaseURL.parse("postgresql://us%65r%40corp:p%40ss%3Aw%2Fd@h/my%20db")
        #expect(url.user == "user@corp")
        #expect(url.password == "p@ss:w/d")
        #expect(url.database == "my db")
    }

    @Test func passwordMayHoldColonAndSlashUnencoded() throws {
        let url = try DatabaseURL.parse("postgresql://app:a:b/c+d=@db:5432/app")
        #expect(url.password == "a:b/c+d=")
        #expect(url.host == "db")
        #expect(url.port == 5432)
        #expect(url.database == "app")
    }

    @Test func strayPercentIsKeptAsWritten() throws {
        let url = try DatabaseURL.parse("mysql://root:100%sure@h/db")
        #expect(url.password == "100%sure")
    }

    @Test func userWithoutPassword() throws {
        let url = try DatabaseURL.parse("mysql://root@127.0.0.1:3306/shop")
        #expect(url.user == "root")
        #expect(url.password == nil)
        #expect(url.host == "127.0.0.1")
        #expect(url.port == 3306)
    }

    @Test func emptyPasswordIsNotNil() throws {
        #expect(try DatabaseURL.parse("mysql://root:@h/db").password == "")
    }

    @Test func noHostNoDatabase() throws {
        let url = try DatabaseURL.parse("postgresql://")
        #expect(url.host == nil)
        #expect(url.database == nil)
        #expect(url.user == nil)
        #expect(try DatabaseURL.parse("postgresql:///app").database == "app")
        #expect(try DatabaseURL.parse("postgresql:///app").host == nil)
    }

    @Test func unknownOptionsAreKeptWithoutError() throws {
        let url = try DatabaseURL.parse("postgresql://u@h/db?min_size=1&max_size=10&application_name=my+app")
        #expect(url.options["min_size"] == "1")
        #expect(url.options["max_size"] == "10")
        #expect(url.options["application_name"] == "my app")
    }

    @Test func knownOptions() throws {
        let url = try DatabaseURL.parse(
            "mysql://u@localhost/db?unix_socket=/var/run/mysqld/mysqld.sock&connect_timeout=7&charset=utf8mb4&ssl=true")
        #expect(url.unixSocket == "/var/run/mysqld/mysqld.sock")
        #expect(url.connectTimeout == 7)
        #expect(url.charset == "utf8mb4")
        #expect(url.sslMode == "require")
        #expect(try DatabaseURL.parse("mysql://h/db?ssl=false").sslMode == "disable")
        #expect(try DatabaseURL.parse("mysql://h/db").sslMode == nil)
        #expect(try DatabaseURL.parse("mysql://h/db").connectTimeout == nil)
    }

    @Test func hostOptionThatIsAPathIsASocket() throws {
        #expect(try DatabaseURL.parse("postgresql://u@/db?host=/var/run/postgresql").unixSocket == "/var/run/postgresql")
        #expect(try DatabaseURL.parse("postgresql://u@/db?host=%2Ftmp").unixSocket == "/tmp")
        #expect(try DatabaseURL.parse("postgresql://u@/db?host=db.internal").unixSocket == nil)
        #expect(try DatabaseURL.parse("postgresql://%2Ftmp/db").unixSocket == "/tmp")
    }

    @Test func badConnectTimeout() {
        let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL.parse("postgresql://h/db?connect_timeout=soon") }
        #expect(error?.errorID == "url.bad-option")
        #expect(error?.message.contains("connect_timeout") == true)
    }

    /// libpq and MySQL read 0 as "wait forever"; migrate refuses it
    /// rather than hang, and says why.
    @Test func connectTimeoutZeroIsRefused() throws {
        for url in ["postgresql://h/db?connect_timeout=0", "mysql://u:secret@h/db?connect_timeout=0"] {
            let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL.parse(url) }
            #expect(error?.errorID == "url.bad-option")
            #expect(error?.message.contains("connect_timeout=0, but connect_timeout must be a whole number of seconds, 1 or more") == true)
            #expect(error?.message.contains("wait forever") == true)
            #expect(error?.message.contains("secret") == false)
        }
        #expect(try DatabaseURL.parse("postgresql://h/db?connect_timeout=1").connectTimeout == 1)
    }

    @Test func surroundingWhitespaceIsIgnored() throws {
        #expect(try DatabaseURL.parse("  postgresql://h/db\n").database == "db")
    }

    @Test func withDatabase() throws {
        let url = try DatabaseURL.parse("postgresql://u:p@h:5432/app?sslmode=disable")
        let other = url.with(database: "postgres")
        #expect(other.database == "postgres")
        #expect(other.host == "h" && other.port == 5432 && other.password == "p" && other.options == url.options)
        #expect(url.with(database: nil).database == nil)
    }

    @Test func equalityCoversEveryField() throws {
        let url = try DatabaseURL.parse("postgresql://u:p@h:1/db?a=b")
        #expect(url == (try DatabaseURL.parse("postgres://u:p@h:1/db?a=b")))
        #expect(url != (try DatabaseURL.parse("postgresql://u:q@h:1/db?a=b")))
        #expect(url != (try DatabaseURL.parse("postgresql://u:p@h:1/db?a=c")))
        #expect(url != (try DatabaseURL.parse("postgresql+asyncpg://u:p@h:1/db?a=b")))
        #expect(Set([url, url.with(database: "db")]).count == 1)
    }
}

@Suite("DatabaseURL errors")
struct DatabaseURLErrorTests {
    @Test func empty() {
        let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL.parse("") }
        #expect(error?.errorID == "url.empty")
        #expect(throws: DatabaseURLError.empty) { try DatabaseURL.parse("   ") }
    }

    @Test func missingSeparator() {
        let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL.parse("postgresql:app:hunter2@db/app") }
        #expect(error?.errorID == "url.missing-separator")
        #expect(error?.message.contains("hunter2") == false)
        #expect(error?.message.contains("://") == true)
    }

    @Test func unknownSchemeListsTheAcceptedOnesAndHidesThePassword() {
        let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL.parse("oracle://scott:tiger42@db/x") }
        #expect(error?.errorID == "url.unknown-scheme")
        let message = error?.message ?? ""
        #expect(message.contains("'oracle'"))
        for scheme in ["sqlite", "postgresql", "postgres", "mysql", "mariadb"] { #expect(message.contains(scheme)) }
        #expect(message.contains("oracle://scott:***@db/x"))
        #expect(!message.contains("tiger42"))
        #expect(error.map { !String(describing: $0).contains("tiger42") } == true)
    }

    @Test(arguments: ["postgresql://u:pw@h:abc/db", "postgresql://u:pw@h:99999/db", "postgresql://u:pw@h:0/db", "mysql://h:-1/db"])
    func badPort(text: String) {
        let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL.parse(text) }
        #expect(error?.errorID == "url.bad-port")
        #expect(error?.message.contains(":pw@") == false)
    }

    @Test func passwordWithoutHostIsNotShownAsAPort() {
        // `user:secret` with the host forgotten reads as host:port.
        let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL.parse("postgresql://app:s3cretpw") }
        #expect(error?.errorID == "url.bad-port")
        #expect(error?.message.contains("s3cretpw") == false)
        #expect(error?.message.contains("postgresql://app:***") == true)
    }

    @Test func portAfterUserinfoIsShown() {
        let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL.parse("mysql://u:pw@h:port/db") }
        #expect(error?.message.contains("'port'") == true)
        #expect(error?.message.contains("mysql://u:***@h:port/db") == true)
    }

    @Test func emptyPortMeansDefault() throws {
        #expect(try DatabaseURL.parse("postgresql://h:/db").port == nil)
    }

    @Test func errorsAreFailuresOfRuntimeKind() {
        #expect(DatabaseURLError.empty.isUsageError == false)
        #expect(DatabaseURLError.empty.description.hasPrefix("error[url.empty]: "))
    }
}

@Suite("DatabaseURL text and redaction")
struct DatabaseURLTextTests {
    @Test func redactedReplacesThePassword() throws {
        let url = try DatabaseURL.parse("postgresql://app:hunter2@db/app")
        #expect(url.redacted == "postgresql://app:***@db/app")
        #expect(url.description == "postgresql://app:***@db/app")
        #expect("\(url)" == "postgresql://app:***@db/app")
        #expect(!url.debugDescription.contains("hunter2"))
        #expect(!String(reflecting: url).contains("hunter2"))
        var dumped = ""
        dump(url, to: &dumped)
        #expect(!dumped.contains("hunter2"))
        #expect(dumped.contains("db"))
    }

    @Test func redactedHidesPasswordOptions() throws {
        let url = try DatabaseURL.parse("postgresql://app@db/app?password=hunter2&sslpassword=key9pass&sslmode=require")
        #expect(!url.redacted.contains("hunter2"))
        #expect(!url.redacted.contains("key9pass"))
        #expect(url.redacted.contains("sslmode=require"))
        #expect(url.string.contains("hunter2"))
    }

    @Test func withoutPasswordNothingIsHidden() throws {
        #expect(try DatabaseURL.parse("mysql://root@h:3306/db").redacted == "mysql://root@h:3306/db")
    }

    @Test func stringKeepsThePassword() throws {
        #expect(try DatabaseURL.parse("postgresql://app:hunter2@db:5432/app").string == "postgresql://app:hunter2@db:5432/app")
    }

    @Test(arguments: [
        "postgresql://app:hunter2@db.example.com:5433/appdb?sslmode=require&connect_timeout=5",
        "postgresql+asyncpg://u%40corp:p%40ss%3Aw%2Fd%20x@[::1]:5432/my%20db?min_size=1&application_name=a+b",
        "postgresql://app:a:b/c+d=@db/app",
        "postgres://u:@h/db",
        "postgresql:///app?host=/var/run/postgresql",
        "postgresql://",
        "mysql+pymysql://root@127.0.0.1:3306/shop?charset=utf8mb4&unix_socket=/tmp/my.sock",
        "mariadb://:onlypassword@h/db",
        "mysql://root:100%sure@h/db",
        "sqlite:///relative.db",
        "sqlite:////abs/x.db",
        "sqlite:///:memory:",
        "sqlite://",
        "sqlite:///data/app.db?mode=ro",
        "postgresql://u@[fe80::1%25eth0]/db",
        "postgresql://%2Ftmp/db",
    ])
    func stringRoundTrips(text: String) throws {
        let url = try DatabaseURL.parse(text)
        #expect(try DatabaseURL.parse(url.string) == url, "\(url.string)")
    }

    @Test func canonicalText() throws {
        #expect(try DatabaseURL.parse("postgres://u:p%40ss@[::1]:5432/db").string == "postgresql://u:p%40ss@[::1]:5432/db")
        #expect(try DatabaseURL.parse("mariadb+x://h/db?b=2&a=1").string == "mysql+x://h/db?a=1&b=2")
        #expect(try DatabaseURL.parse("sqlite:////abs/x.db").string == "sqlite:////abs/x.db")
        #expect(try DatabaseURL.parse("sqlite:///rel.db").string == "sqlite:///rel.db")
        #expect(try DatabaseURL.parse("sqlite://").string == "sqlite:///:memory:")
    }

    @Test func builtInCode() {
        let url = DatabaseURL(backend: .postgresql, user: "a b", password: "p@ss/word", host: "h", database: "x")
        #expect(url.string == "postgresql://a%20b:p%40ss%2Fword@h/x")
        #expect(url.redacted == "postgresql://a%20b:***@h/x")
        #expect(DatabaseURL(backend: .sqlite).isInMemorySQLite)
        #expect(!DatabaseURL(backend: .postgresql).isInMemorySQLite)
    }
}

@Suite("redactPasswords(in:)")
struct PasswordRedactionTests {
    @Test func urlInsideText() {
        let text = "could not connect to postgresql://app:hunter2@db:5432/app: connection refused"
        #expect(redactPasswords(in: text) == "could not connect to postgresql://app:***@db:5432/app: connection refused")
    }

    @Test func severalURLsAndSchemes() {
        let text = "from mysql+pymysql://root:r00tpw@h/db to postgres://u:pgpw99@[::1]/x"
        let result = redactPasswords(in: text)
        #expect(result == "from mysql+pymysql://root:***@h/db to postgres://u:***@[::1]/x")
    }

    @Test func unencodedAtInPasswordHidesAllOfIt() {
        let result = redactPasswords(in: "url postgresql://u:p@ssw0rd@host/db")
        #expect(!result.contains("ssw0rd"))
        #expect(result.contains("***@host/db"))
    }

    @Test func passwordSettings() {
        let result = redactPasswords(in: "host=db password=hunter2 sslpassword='a b c' dbname=x PASSWD=zz9top")
        #expect(!result.contains("hunter2"))
        #expect(!result.contains("a b c"))
        #expect(!result.contains("zz9top"))
        #expect(result.contains("dbname=x"))
        #expect(result.contains("password=***"))
    }

    @Test func passwordQueryOption() {
        #expect(!redactPasswords(in: "postgresql://h/db?password=hunter2&x=1").contains("hunter2"))
    }

    @Test func textWithoutSecretsIsUnchanged() {
        let text = "mysql://root@h:3306/db and postgresql://h/db?x=1: password authentication failed"
        #expect(redactPasswords(in: text) == text)
    }
}
