import Foundation
import MigrateKit

/// The JSON documents `--format json` prints: one object per command, on
/// one line, keys in snake_case and sorted, `null` for a value that is
/// absent (never a missing key). The README documents these shapes; change them only by
/// adding keys.
enum JSONOutput {
    static func print(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        Output.say(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// A value written as JSON `null` when absent, so every key is always there.
struct Nullable<Value: Encodable>: Encodable {
    var value: Value?
    init(_ value: Value?) { self.value = value }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

/// A revision, as every command writes it.
struct RevisionJSON: Encodable {
    var revision: String
    var parents: [String]
    var message: String
    var path: String
    var branchLabels: [String]
    var dependsOn: [String]
    var children: [String]
    var createDate: Nullable<String>
    var isHead: Bool
    var isBase: Bool
    var isBranchPoint: Bool
    var isMergePoint: Bool
    /// Only in `show`.
    var sections: [SectionJSON]?

    init(_ node: RevisionNode, in directory: ScriptDirectory) {
        let graph = directory.graph
        revision = node.id
        parents = node.parents
        message = node.message
        path = node.path
        branchLabels = node.branchLabels
        dependsOn = node.dependsOn
        children = graph.children(of: node.id)
        createDate = Nullable(directory.scripts[node.id]?.createDate)
        isHead = graph.heads.contains(node.id)
        isBase = node.parents.isEmpty
        isBranchPoint = children.count > 1
        isMergePoint = node.parents.count > 1
    }

    init(_ id: String, in directory: ScriptDirectory) {
        self.init(directory.graph.nodes[id]!, in: directory)
    }
}

/// One `-- migrate:` section of a file, in `show`.
struct SectionJSON: Encodable {
    var direction: String
    var dialect: Nullable<String>
    var transactional: Bool
    var sql: String

    init(_ section: ScriptSection) {
        direction = section.direction.rawValue
        dialect = Nullable(section.dialect)
        transactional = section.transactional
        sql = section.body.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// `current`.
struct CurrentJSON: Encodable {
    struct Row: Encodable {
        var revision: String
        var state: String
        var appliedAt: Nullable<String>
        var executionMs: Int
        var checksum: Nullable<String>
        var completedStatements: Nullable<Int>
    }

    var database: String
    var heads: [RevisionJSON]
    var applied: [Row]
    var warnings: [String]

    init(_ state: CurrentState, database: DatabaseURL, directory: ScriptDirectory) {
        self.database = database.redacted
        heads = state.heads.map { RevisionJSON($0, in: directory) }
        let position = Dictionary(uniqueKeysWithValues: directory.graph.topologicalOrder().enumerated().map { ($1, $0) })
        applied = state.rows
            .sorted { (position[$0.revision] ?? Int.max, $0.revision) < (position[$1.revision] ?? Int.max, $1.revision) }
            .map {
                Row(
                    revision: $0.revision, state: $0.state.rawValue, appliedAt: Nullable($0.appliedAt),
                    executionMs: $0.executionMilliseconds, checksum: Nullable($0.checksum),
                    completedStatements: Nullable($0.state == .applied ? nil : $0.completedStatements))
            }
        warnings = state.warnings
    }
}

/// `upgrade` and `downgrade`.
struct RunJSON: Encodable {
    struct Step: Encodable {
        var revision: String
        var parents: [String]
        var message: String
        var path: String
        var executionMs: Int

        /// The steps a run took, with their durations.
        static func of(_ report: RunReport?) -> [Step] {
            (report?.steps ?? []).map {
                Step(
                    revision: $0.step.revision, parents: $0.step.parents, message: $0.step.message, path: $0.step.path,
                    executionMs: $0.milliseconds)
            }
        }
    }

    var direction: String
    var target: String
    var steps: [Step]
    var totalMs: Int
    var heads: [RevisionJSON]
    var warnings: [String]

    init(_ report: RunReport, direction: String, target: String, warnings: [String], directory: ScriptDirectory) {
        self.direction = direction
        self.target = target
        steps = Step.of(report)
        totalMs = report.totalMilliseconds
        heads = report.heads.map { RevisionJSON($0, in: directory) }
        self.warnings = warnings
    }
}
