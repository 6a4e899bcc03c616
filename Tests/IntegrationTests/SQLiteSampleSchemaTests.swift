import Foundation
import Testing

@testable import MigrateKit

/// Issue 8 §5 on SQLite: the DDL of Chinook, Northwind and Sakila (SQLite
/// ports, as their projects publish them, trimmed to the schema; see
/// `SampleSchemas/sqlite/NOTICE.md`) through the CLI — from empty, then ten
/// realistic edits with rows in every table.
@Suite("SQLite sample schemas")
struct SQLiteSampleSchemaTests {
    /// One sample database and the places its edits touch.
    struct Sample: Sendable, CustomTestStringConvertible {
        var file: String
        /// The table most edits change, its primary key and that key's type.
        var table: String, key: String, keyType: String
        /// A column of `table` nothing else uses (indexed, then dropped).
        var spareColumn: String
        /// "widen a type": text replaced in the DDL.
        var widen: (String, String)
        /// "change a view": the view as set up (or `nil`: the sample's
        /// own), and the text replaced to change it.
        var viewSetup: String?
        var viewChange: (String, String)
        /// "add an enum value", which SQLite writes as a `CHECK (... IN (...))`:
        /// the check as set up (text replaced, or `nil`: the sample's own),
        /// and the value added to it.
        var checkSetup: (String, String)?
        var checkChange: (String, String)
        /// "change a function", which SQLite has not: a trigger body changes
        /// instead (set up first when the sample has no trigger).
        var triggerSetup: String?
        var triggerChange: (String, String)

        var testDescription: String { file }
        var ddl: String {
            get throws {
                let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                    "SampleSchemas/sqlite")
                return try String(contentsOf: folder.appendingPathComponent(file + ".sql"), encoding: .utf8)
            }
        }
    }

    static func guardTrigger(_ table: String, _ key: String) -> String {
        "CREATE TRIGGER sample_guard BEFORE INSERT ON \"\(table)\" BEGIN\n"
            + "    SELECT RAISE(ABORT, 'no key') WHERE NEW.\"\(key)\" IS NULL;\nEND;"
    }

    static let samples: [Sample] = [
        Sample(
            file: "chinook", table: "Customer", key: "CustomerId", keyType: "INTEGER", spareColumn: "Fax",
            widen: ("[Email] NVARCHAR(60)  NOT NULL", "[Email] NVARCHAR(120)  NOT NULL"),
            viewSetup: "CREATE VIEW customer_emails AS SELECT CustomerId, Email FROM Customer;",
            viewChange: ("SELECT CustomerId, Email FROM", "SELECT CustomerId, lower(Email) AS Email FROM"),
            checkSetup: (
                "[Name] NVARCHAR(120),\n    CONSTRAINT [PK_MediaType]",
                "[Name] NVARCHAR(120) CHECK ([Name] IN ('MPEG audio file', 'AAC audio file')),\n    CONSTRAINT [PK_MediaType]"
            ),
            checkChange: ("'AAC audio file')", "'AAC audio file', 'Protected AAC audio file')"),
            triggerSetup: guardTrigger("Customer", "CustomerId"), triggerChange: ("'no key'", "'a customer needs a key'")),
        Sample(
            file: "northwind", table: "Customers", key: "CustomerID", keyType: "TEXT", spareColumn: "Fax",
            widen: ("[Quantity]INTEGER NOT NULL DEFAULT 1", "[Quantity]BIGINT NOT NULL DEFAULT 1"),
            viewSetup: nil, viewChange: ("WHERE Discontinued=0", "WHERE Discontinued=0 AND UnitsInStock > 0"),
            checkSetup: ("[ContactTitle] TEXT,", "[ContactTitle] TEXT CHECK ([ContactTitle] IN ('Owner', 'Sales Agent')),"),
            checkChange: ("'Sales Agent')", "'Sales Agent', 'Marketing Manager')"),
            triggerSetup: guardTrigger("Customers", "CustomerID"), triggerChange: ("'no key'", "'a customer needs a key'")),
        Sample(
            file: "sakila", table: "customer", key: "customer_id", keyType: "INTEGER", spareColumn: "email",
            widen: ("email VARCHAR(50) DEFAULT NULL,\n  address_id", "email VARCHAR(100) DEFAULT NULL,\n  address_id"),
            viewSetup: nil, viewChange: ("then 'active' else ''", "then 'active' else 'inactive'"),
            checkSetup: nil, checkChange: ("'NC-17')", "'NC-17','NR')"),
            triggerSetup: nil,
            triggerChange: (
                "CREATE TRIGGER actor_trigger_au AFTER UPDATE ON actor\n BEGIN\n  UPDATE actor SET last_update = DATETIME('NOW')",
                "CREATE TRIGGER actor_trigger_au AFTER UPDATE ON actor\n BEGIN\n  UPDATE actor SET last_update = CURRENT_TIMESTAMP"
            )),
    ]

    /// From empty: autogenerate, upgrade, `check`, `verify`; `downgrade base`
    /// leaves nothing behind.
    @Test(arguments: samples)
    func fromEmpty(_ sample: Sample) throws {
        let project = try AutogenerateProject(.sqlite)
        let ddl = try sample.ddl
        try project.declare(ddl)
        let generated = try project.run("revision", "--autogenerate", "-m", "from empty")
        #expect(generated.status == 0 && !generated.stderr.contains("not compared"), "\(generated.stderr)")
        try project.expectSuccess("upgrade", "head")
        let check = try project.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // Every view and trigger of the sample is there, as declared.
        let live = try project.inspect()
        #expect(live == (try project.declaredSchema()))
        let words = SQLiteDefinition.tokenize(ddl).map(\.upper)  // comments left out
        let objects = zip(words, words.dropFirst()).filter { $0 == "CREATE" && ["VIEW", "TRIGGER"].contains($1) }
        #expect(live.objects.count == objects.count)
        #expect(sample.file == "chinook" || !objects.isEmpty)
        let verify = try project.run("verify")
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        try project.expectSuccess("downgrade", "base")
        #expect(try project.inspect() == Schema())
        let connection = try project.project.connect()
        defer { connection.close() }
        let left = try connection.scalar(
            "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'migrate_version'")
        #expect(left?.int == 0, "downgrade base left objects behind")
    }

    /// The ten edits of §5, each on the sample as published with rows in
    /// every table: autogenerate, upgrade, `check` = 0, rows kept,
    /// `downgrade -1` back to the same inspected schema.
    @Test(arguments: samples)
    func tenEdits(_ sample: Sample) throws {
        let project = try AutogenerateProject(.sqlite)
        let ddl = try sample.ddl
        try project.declare(ddl)
        try project.expectSuccess("revision", "--autogenerate", "-m", "sample")
        let sampleRevision = try project.revisionFiles()
        try project.expectSuccess("upgrade", "head")
        try seedEveryTable(project)
        let table = "\"\(sample.table)\""
        let key = "\"\(sample.key)\""
        let edits: [(name: String, setup: String?, edit: (String) -> String)] = [
            ("add a nullable column", nil, { $0 + "\nALTER TABLE \(table) ADD COLUMN loyalty_note TEXT;" }),
            ("add a NOT NULL column with a default", nil, { $0 + "\nALTER TABLE \(table) ADD COLUMN score INTEGER NOT NULL DEFAULT 0;" }),
            ("add an index", nil, { $0 + "\nCREATE INDEX sample_spare ON \(table) (\"\(sample.spareColumn)\");" }),
            ("widen a type", nil, { $0.replacingOccurrences(of: sample.widen.0, with: sample.widen.1) }),
            (
                "a new table with a foreign key", nil,
                {
                    $0 + "\nCREATE TABLE loyalty_card (id INTEGER PRIMARY KEY, owner \(sample.keyType) NOT NULL "
                        + "REFERENCES \(table) (\(key)), issued TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);"
                }
            ),
            ("drop a column", nil, { $0 + "\nALTER TABLE \(table) DROP COLUMN \"\(sample.spareColumn)\";" }),
            (
                "change a view", sample.viewSetup.map { ddl + "\n" + $0 },
                { $0.replacingOccurrences(of: sample.viewChange.0, with: sample.viewChange.1) }
            ),
            (
                "add an enum value (a CHECK IN list)",
                sample.checkSetup.map { ddl.replacingOccurrences(of: $0.0, with: $0.1) },
                { $0.replacingOccurrences(of: sample.checkChange.0, with: sample.checkChange.1) }
            ),
            ("add a trigger", nil, { $0 + "\n" + Self.guardTrigger(sample.table, sample.key) }),
            (
                "change a trigger body (SQLite has no functions)", sample.triggerSetup.map { ddl + "\n" + $0 },
                { $0.replacingOccurrences(of: sample.triggerChange.0, with: sample.triggerChange.1) }
            ),
        ]
        for edit in edits {
            let base = edit.setup ?? ddl
            let edited = edit.edit(base)
            #expect(edited != base, "\(edit.name): the edit changes nothing")
            if edit.setup != nil {
                try project.declare(base)
                try project.expectSuccess("revision", "--autogenerate", "-m", "setup")
                try project.expectSuccess("upgrade", "head")
            }
            let before = try project.inspect()
            let rows = try counts(project, before)
            let earlier = Set(try project.revisionFiles())
            try project.declare(edited)
            try project.expectSuccess("revision", "--autogenerate", "-m", edit.name)
            let path = try project.revisionFiles().first { !earlier.contains($0) } ?? ""
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let upgraded = try project.run("upgrade", "head")
            #expect(upgraded.status == 0, "\(sample.file), \(edit.name): \(upgraded.stderr)\n\(text)")
            let check = try project.run("check")
            #expect(check.status == 0, "\(sample.file), \(edit.name): \(check.stdout)\(check.stderr)")
            #expect(try counts(project, before) == rows, "\(sample.file), \(edit.name): rows lost")
            try project.expectSuccess("downgrade", "-1")
            #expect(try project.inspect() == before, "\(sample.file), \(edit.name): downgrade differs\n\(text)")
            // Back to the sample as published for the next edit.
            if edit.setup != nil { try project.expectSuccess("downgrade", "-1") }
            for path in try project.revisionFiles() where !sampleRevision.contains(path) {
                try FileManager.default.removeItem(atPath: path)
            }
        }
    }

    /// Two rows in every table: every NOT NULL column without a default gets
    /// a value (integers the row number, text `v1`/`v2`), so that foreign
    /// keys point at the rows of their parents.
    private func seedEveryTable(_ project: AutogenerateProject) throws {
        let schema = try project.inspect()
        let quote = SQLiteDialect().quoteIdentifier
        var script = "PRAGMA foreign_keys = OFF;\n"
        for table in schema.tables.values {
            let columns = table.columns.filter {
                $0.generated == nil
                    && (table.primaryKey?.columns.contains($0.name) == true || (!$0.isNullable && $0.defaultExpression == nil))
            }
            for row in 1...2 {
                let values = columns.map { $0.type.contains("INT") ? "\(row)" : "'v\(row)'" }
                script +=
                    "INSERT INTO \(quote(table.name)) (\(columns.map { quote($0.name) }.joined(separator: ", "))) "
                    + "VALUES (\(values.joined(separator: ", ")));\n"
            }
        }
        try project.execute(script)
    }

    private func counts(_ project: AutogenerateProject, _ schema: Schema) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for name in schema.tableNames { counts[name] = try project.count(SQLiteDialect().quoteIdentifier(name)) }
        #expect(counts.values.allSatisfy { $0 == 2 })
        return counts
    }
}
