import MigrateKit

/// `upgrade`/`downgrade` over a fleet with `--format json`: one document,
/// a row per target in the order of the list.
struct FleetJSON: Encodable {
    struct Row: Encodable {
        var name: String
        var url: String
        /// `changed`, `unchanged`, `failed` or `not_started`.
        var status: String
        var steps: [RunJSON.Step]
        var heads: [String]
        var executionMs: Int
        var error: Nullable<String>
        var errorId: Nullable<String>
        var warnings: [String]

        init(_ outcome: FleetOutcome) {
            name = outcome.target.name
            url = outcome.target.url.redacted
            status = outcome.status.rawValue
            steps = RunJSON.Step.of(outcome.report)
            heads = outcome.report?.heads ?? []
            executionMs = outcome.milliseconds
            error = Nullable(outcome.error)
            errorId = Nullable(outcome.errorID)
            warnings = outcome.warnings
        }
    }

    struct Counts: Encodable {
        var changed: Int
        var unchanged: Int
        var failed: Int
        var notStarted: Int
    }

    var direction: String
    var target: String
    var parallel: Int
    var targets: [Row]
    var summary: Counts
    var totalMs: Int

    init(_ outcomes: [FleetOutcome], direction: String, target: String, parallel: Int, milliseconds: Int) {
        self.direction = direction
        self.target = target
        self.parallel = parallel
        targets = outcomes.map(Row.init)
        let counts = FleetSummary(outcomes)
        summary = Counts(
            changed: counts.changed, unchanged: counts.unchanged, failed: counts.failed, notStarted: counts.notStarted)
        totalMs = milliseconds
    }
}
