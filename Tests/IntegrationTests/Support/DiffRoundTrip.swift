import Foundation
import Testing

@testable import MigrateKit

/// One schema change tried for real: the old DDL with a row in it, the new
/// DDL in a second database, the rendered upgrade and downgrade applied to
/// the first. Shared by the round-trip tests (and the CLI corpus, which
/// drives the same pairs through `revision --autogenerate`).
struct DiffRoundTrip: Sendable, CustomStringConvertible {
    var name: String
    /// The old schema, per backend where the DDL differs (`nil` key: all).
    var old: [TestBackend?: String]
    var new: [TestBackend?: String]
    /// Inserts the row that must survive, into `table`.
    var insert: String
    var table: String
    /// The backends the case makes sense on (all by default).
    var backends: Set<TestBackend> = Set(TestBackend.allCases)
    /// Confirmed renames; a suspected rename not named is a drop and an add.
    var renames: [RenameAnswer] = []

    var description: String { name }

    init(
        _ name: String, old: String, new: String, insert: String, table: String,
        backends: Set<TestBackend> = Set(TestBackend.allCases)
    ) {
        self.init(name, old: [nil: old], new: [nil: new], insert: insert, table: table, backends: backends)
    }

    init(
        _ name: String, old: [TestBackend?: String], new: [TestBackend?: String], insert: String, table: String,
        backends: Set<TestBackend> = Set(TestBackend.allCases)
    ) {
        self.name = name
        self.old = old
        self.new = new
        self.insert = insert
        self.table = table
        self.backends = backends
    }

    /// What the round trip produced, for tests that look further.
    struct Outcome {
        var changes: [SchemaChange]
        var upgrade: String
        var downgrade: String
    }

    /// Old schema + row → upgrade → equals the new schema, row kept →
    /// downgrade → equals the old schema, row kept.
    @discardableResult
    func run(on backend: TestBackend) throws -> Outcome? {
        guard backends.contains(backend) else { return nil }
        let live = try ScratchDatabase(backend)
        let declared = try ScratchDatabase(backend)
        try live.run(old[backend] ?? old[nil]!)
        try live.run(insert)
        try declared.run(new[backend] ?? new[nil]!)
        let current = try live.inspect()
        let target = try declared.inspect()

        let dialect = backend.dialect
        let options = AutogenerateOptions(renames: renames, dropsUnconfirmedRenames: true)
        let changes = try RenamePlan(differ: SchemaDiffer(dialect: dialect), options: options).changes(from: current, to: target)
        #expect(!changes.isEmpty, "\(name): no changes found")
        let (upgrade, downgrade) = dialect.renderer.renderRevision(changes, current: current, target: target)

        try Self.apply(upgrade, to: live)
        #expect(try live.inspect() == target, "\(name) on \(backend): upgrade\n\(upgrade)")
        #expect(try rows(in: live) == 1, "\(name) on \(backend): the row is lost after upgrade")
        #expect(SchemaDiffer(dialect: dialect).changes(from: try live.inspect(), to: target) == [])

        try Self.apply(downgrade, to: live)
        #expect(try live.inspect() == current, "\(name) on \(backend): downgrade\n\(downgrade)")
        #expect(try rows(in: live) == 1, "\(name) on \(backend): the row is lost after downgrade")
        return Outcome(changes: changes, upgrade: upgrade, downgrade: downgrade)
    }

    private func rows(in database: ScratchDatabase) throws -> Int {
        let value = try database.connection.scalar("SELECT COUNT(*) FROM \(table)")
        return Int(value?.string ?? "") ?? -1
    }

    /// Runs rendered SQL as the runner would: split for the dialect, in one
    /// transaction where DDL is transactional. SQLite runs with foreign keys
    /// off, as `migrate`'s connections do.
    static func apply(_ sql: String, to database: ScratchDatabase) throws {
        let dialect = database.backend.dialect
        let connection = database.connection
        let statements = try StatementSplitter(flavor: dialect.splitterFlavor).split(sql)
        if dialect.hasTransactionalDDL { try dialect.beginTransaction(on: connection) }
        do {
            for statement in statements { try connection.execute(statement.text) }
            if dialect.hasTransactionalDDL { try connection.execute("COMMIT") }
        } catch {
            if dialect.hasTransactionalDDL { try? connection.execute("ROLLBACK") }
            throw error
        }
    }
}
