import Testing

/// One schema change of the autogenerate corpus: the DDL before, the DDL
/// after, the databases it makes sense on, and rows to insert before the
/// change that must survive it.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    var name: String
    var old: [TestBackend: String]
    var new: [TestBackend: String]
    var backends: [TestBackend]
    /// Statements run after the old schema is in place.
    var seed: String
    /// A table whose row count must be the same after the upgrade.
    var keep: String
    /// Lines added to the project's `migrate.ini` (`include_schemas = ...`).
    var config = ""

    var testDescription: String { name }

    /// The same DDL on every backend (overrides per backend where given).
    init(
        _ name: String, old: String, new: String, on backends: [TestBackend] = TestBackend.allCases,
        oldFor: [TestBackend: String] = [:], newFor: [TestBackend: String] = [:],
        seed: String = CorpusCase.baseSeed, keep: String = "t"
    ) {
        self.name = name
        self.old = Dictionary(uniqueKeysWithValues: TestBackend.allCases.map { ($0, oldFor[$0] ?? old) })
        self.new = Dictionary(uniqueKeysWithValues: TestBackend.allCases.map { ($0, newFor[$0] ?? new) })
        self.backends = backends
        self.seed = seed
        self.keep = keep
    }

    static let base = "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(50));"
    static let baseSeed = "INSERT INTO t (id, name) VALUES (1, 'ada'), (2, 'grace'), (3, 'edsger');"

    /// Every (case, backend) pair the corpus runs.
    static var runs: [(CorpusCase, TestBackend)] {
        all.flatMap { item in item.backends.map { (item, $0) } }
    }
}

extension TestBackend {
    /// The backends with partial and expression indexes.
    static let partialIndexes: [TestBackend] = [.sqlite, .postgresql]
    /// The backends that keep table and column comments.
    static let comments: [TestBackend] = [.postgresql, .mysql]
}
