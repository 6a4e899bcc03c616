import Testing

@testable import MigrateKit

@Suite("IniFile")
struct IniFileTests {
    let here = "/projects/app"

    func value(_ text: String, _ key: String, in section: String = "migrate", environment: [String: String] = [:]) throws
        -> String?
    {
        try IniFile.parse(text, path: "/projects/app/migrate.ini")
            .value(key, in: section, here: here, environment: environment)
    }

    @Test func sectionsAndBothDelimiters() throws {
        let ini = try IniFile.parse(
            """
            [migrate]
            script_location = migrations
            url: sqlite:///app.db
            empty =

            [other]
            url=postgresql://h/db
            """, path: nil)
        #expect(ini.sectionNames == ["migrate", "other"])
        #expect(ini.section("migrate") == ["script_location": "migrations", "url": "sqlite:///app.db", "empty": ""])
        #expect(ini.section("other") == ["url": "postgresql://h/db"])
        #expect(ini.section("missing") == nil)
    }

    @Test func firstDelimiterEndsTheKey() throws {
        #expect(try value("[migrate]\nurl = postgresql://u:p@h:5432/db\n", "url") == "postgresql://u:p@h:5432/db")
        #expect(try value("[migrate]\nurl: postgresql://h/db?a=b\n", "url") == "postgresql://h/db?a=b")
    }

    @Test func keysAreCaseInsensitiveSectionsAreNot() throws {
        let ini = try IniFile.parse("[Migrate]\nScript_Location = m\n", path: nil)
        #expect(ini.section("Migrate") == ["script_location": "m"])
        #expect(ini.section("migrate") == nil)
        #expect(try ini.value("SCRIPT_LOCATION", in: "Migrate", here: "/", environment: [:]) == "m")
    }

    @Test func commentsAndBlankLines() throws {
        let ini = try IniFile.parse(
            """
            # leading comment
            ; another

            [migrate]
            # a comment
              ; an indented comment
            a = 1 # not a comment: configparser has no inline comments

            b = 2
            """, path: nil)
        #expect(ini.section("migrate") == ["a": "1 # not a comment: configparser has no inline comments", "b": "2"])
    }

    @Test func continuationLines() throws {
        let ini = try IniFile.parse(
            """
            [migrate]
            exclude_tables = spatial_ref_sys
                audit_*

                tmp_*
            # comment between
            next = x
            listed =
              one
              two
            """, path: nil)
        #expect(ini.section("migrate")?["exclude_tables"] == "spatial_ref_sys\naudit_*\n\ntmp_*")
        #expect(ini.section("migrate")?["next"] == "x")
        #expect(ini.section("migrate")?["listed"] == "\none\ntwo")
    }

    @Test func crlfAndByteOrderMark() throws {
        let ini = try IniFile.parse("\u{FEFF}[migrate]\r\na = 1\r\nb = 2\r\n", path: nil)
        #expect(ini.section("migrate") == ["a": "1", "b": "2"])
    }

    @Test func hereInterpolation() throws {
        #expect(try value("[migrate]\nscript_location = %(here)s/migrations\n", "script_location") == "/projects/app/migrations")
    }

    @Test func referenceToAnotherKeyAndToDefault() throws {
        let text = """
            [DEFAULT]
            root = %(here)s/data

            [migrate]
            name = app
            file = %(root)s/%(name)s.db
            url = sqlite:///%(file)s
            """
        #expect(try value(text, "url") == "sqlite:////projects/app/data/app.db")
        let ini = try IniFile.parse(text, path: nil)
        #expect(ini.sectionNames == ["migrate"])
        #expect(ini.section("migrate")?["root"] == "%(here)s/data")
        #expect(try ini.value("root", in: "migrate", here: "/x", environment: [:]) == "/x/data")
    }

    @Test func percentEscapes() throws {
        #expect(try value("[migrate]\nfile_template = %%(rev)s_%%(slug)s\n", "file_template") == "%(rev)s_%(slug)s")
        #expect(try value("[migrate]\nurl = postgresql://u:p%40ss@h/db\n", "url") == "postgresql://u:p%40ss@h/db")
        #expect(try value("[migrate]\nurl = postgresql://u:p%%40ss@h/db\n", "url") == "postgresql://u:p%40ss@h/db")
        #expect(try value("[migrate]\nratio = 100%\n", "ratio") == "100%")
    }

    @Test func environmentExpansion() throws {
        let text = "[migrate]\nurl = postgresql://app:${DB_PASSWORD}@${ DB_HOST }/app\n"
        #expect(try value(text, "url", environment: ["DB_PASSWORD": "pw%(x)s", "DB_HOST": "db"]) == "postgresql://app:pw%(x)s@db/app")
        #expect(try value("[migrate]\nprice = $5 and ${unclosed\n", "price") == "$5 and ${unclosed")
    }

    @Test func missingEnvironmentVariableNamesVariableKeyAndFile() {
        let error = #expect(throws: ConfigError.self) {
            try value("[migrate]\nurl = postgresql://app:${DB_PASSWORD}@db/app\n", "url")
        }
        #expect(error?.errorID == "config.missing-env")
        let message = error?.message ?? ""
        #expect(message.contains("DB_PASSWORD"))
        #expect(message.contains("`url`"))
        #expect(message.contains("/projects/app/migrate.ini"))
    }

    @Test func unknownReference() {
        let error = #expect(throws: ConfigError.self) { try value("[migrate]\nfile_template = %(rev)s_%(slug)s\n", "file_template") }
        #expect(error?.errorID == "config.interpolation")
        #expect(error?.message.contains("%%(rev)s") == true)
        #expect(error?.message.contains("file_template") == true)
    }

    @Test func malformedReference() {
        let error = #expect(throws: ConfigError.self) { try value("[migrate]\na = %(b\n", "a") }
        #expect(error?.errorID == "config.interpolation")
    }

    @Test func referenceCycle() {
        let error = #expect(throws: ConfigError.self) { try value("[migrate]\na = %(b)s\nb = %(a)s\n", "a") }
        #expect(error?.errorID == "config.interpolation")
        #expect(error?.message.contains("refer to each other") == true)
    }

    @Test func missingKeyOrSectionIsNil() throws {
        #expect(try value("[migrate]\na = 1\n", "b") == nil)
        #expect(try value("[migrate]\na = 1\n", "a", in: "other") == nil)
    }

    @Test(arguments: [
        ("a = 1\n[migrate]\n", 1, "before any [section]"),
        ("[migrate]\na = 1\njust words\n", 3, "expected `key = value`"),
        ("[migrate\na = 1\n", 1, "[name]"),
        ("[migrate]\n\n = 1\n", 3, "no key"),
        ("[migrate]\na = 1\n[other]\n[migrate]\n", 4, "second time"),
        ("[migrate]\na = 1\nA = 2\n", 3, "second time"),
        ("[]\n", 1, "[name]"),
    ])
    func syntaxErrorsNameFileAndLine(text: String, line: Int, problem: String) {
        let error = #expect(throws: ConfigError.self) { try IniFile.parse(text, path: "/p/migrate.ini") }
        #expect(error?.errorID == "config.syntax")
        #expect(error?.message.contains("/p/migrate.ini, line \(line):") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains(problem) == true, "\(error?.message ?? "")")
    }

    @Test func syntaxErrorHidesPassword() {
        let error = #expect(throws: ConfigError.self) {
            try IniFile.parse("[migrate]\n[postgresql://app:hunter2@db/app\n", path: nil)
        }
        #expect(error?.message.contains("hunter2") == false)
        #expect(error?.message.contains("the configuration, line 2") == true)
    }
}
