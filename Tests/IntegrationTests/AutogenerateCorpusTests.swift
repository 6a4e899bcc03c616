import Foundation
import Testing

@testable import MigrateKit

/// The round-trip corpus of issue 4, through the `migrate` binary on every
/// database where a case makes sense: create the old schema and some rows,
/// declare the new one, `revision --autogenerate`, `upgrade head` — then
/// `check` is clean and the rows are still there; `downgrade -1` — then the
/// inspected schema is the old one exactly.
@Suite("Autogenerate round-trip corpus")
struct AutogenerateCorpusTests {
    @Test("The corpus has at least 40 cases")
    func corpusSize() {
        #expect(CorpusCase.all.count >= 40)
        #expect(Set(CorpusCase.all.map(\.name)).count == CorpusCase.all.count)
    }

    @Test(arguments: CorpusCase.runs)
    func roundTrip(_ item: CorpusCase, _ backend: TestBackend) throws {
        let project = try AutogenerateProject(backend, extraConfig: item.config)
        try project.write("aaaa00000001", message: "Old schema", upgrade: item.old[backend]!)
        try project.expectSuccess("upgrade", "head")
        try project.execute(item.seed)
        let rows = try project.count(item.keep)
        let old = try project.inspect()

        try project.declare(item.new[backend]!)
        // The corpus is about drops and adds as declared: a pair that looks
        // like a rename ("add two columns and drop one") stays a drop and an add.
        let generated = try project.expectSuccess("revision", "--autogenerate", "-m", item.name, "--no-rename")
        #expect(generated.stdout.hasPrefix("Generated "), "\(generated.stdout)")
        let path = try #require(project.revisionFiles().first { !$0.contains("aaaa00000001") })
        let text = try String(contentsOfFile: path, encoding: .utf8)

        let upgraded = try project.run("upgrade", "head")
        #expect(upgraded.status == 0, "upgrade failed:\n\(upgraded.stderr)\n\(text)")
        guard upgraded.status == 0 else { return }
        let check = try project.run("check")
        #expect(check.status == 0, "check after upgrade:\n\(check.stdout)\(check.stderr)\n\(text)")
        #expect(try project.count(item.keep) == rows, "rows lost:\n\(text)")
        // Stricter than `check`: the upgraded database reads exactly like the
        // declared schema, so a change the differ overlooked cannot pass.
        let upgradedSchema = try project.inspect()
        let declared = try project.declaredSchema()
        #expect(upgradedSchema == declared, "upgraded schema differs from the declared one:\n\(upgradedSchema)\n\(declared)\n\(text)")

        let downgraded = try project.run("downgrade", "-1")
        #expect(downgraded.status == 0, "downgrade failed:\n\(downgraded.stderr)\n\(text)")
        let after = try project.inspect()
        #expect(after == old, "downgrade did not restore the old schema:\n\(after)\n\(old)\n\(text)")
    }
}

/// A CLI project with `schema = schema.sql` set, and what the corpus needs around it.
final class AutogenerateProject {
    let project: CLIProject
    var folder: String { project.folder }

    init(_ backend: TestBackend, extraConfig: String = "") throws {
        project = try CLIProject(backend, extraConfig: "schema = %(here)s/schema.sql\n" + extraConfig)
    }

    @discardableResult
    func write(_ id: String, revises parents: [String] = [], message: String, upgrade: String) throws -> String {
        try project.write(id, revises: parents, message: message, upgrade: upgrade)
    }

    /// Writes `schema.sql`.
    func declare(_ ddl: String) throws {
        try ddl.write(toFile: folder + "/schema.sql", atomically: true, encoding: .utf8)
    }

    @discardableResult
    func run(_ arguments: String...) throws -> CommandResult {
        try CommandResult.run(arguments, in: folder)
    }

    /// Runs `migrate` and records an issue unless it exits 0.
    @discardableResult
    func expectSuccess(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
        let result = try CommandResult.run(arguments, in: folder)
        #expect(result.status == 0, "migrate \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// Runs statements on the project's database.
    func execute(_ script: String) throws {
        let connection = try project.connect()
        defer { connection.close() }
        for statement in try StatementSplitter(flavor: project.backend.dialect.splitterFlavor).split(script) {
            try connection.execute(statement.text)
        }
    }

    func count(_ table: String) throws -> Int {
        let connection = try project.connect()
        defer { connection.close() }
        return try connection.scalar("SELECT COUNT(*) FROM \(table)")?.int ?? -1
    }

    /// The live schema, as `Migrator.inspect()` reads it.
    func inspect() throws -> Schema {
        let config = try MigrateConfig.load(folder + "/migrate.ini", environment: [:], workingDirectory: folder)
        return try Migrator(config).inspect()
    }

    /// The declared schema, as `check` reads it.
    func declaredSchema() throws -> Schema {
        let config = try MigrateConfig.load(folder + "/migrate.ini", environment: [:], workingDirectory: folder)
        return try DeclaredSchema.load(config: config, dialect: project.backend.dialect, url: project.url)
    }

    /// The revision files, sorted.
    func revisionFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: project.versions).sorted().map { project.versions + "/" + $0 }
    }
}
