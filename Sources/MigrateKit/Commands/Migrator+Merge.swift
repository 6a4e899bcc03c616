import Foundation

extension Migrator {
    /// Writes a merge revision whose parents are `revisions` (or every head,
    /// for `heads`).
    /// - Throws: ``MergeError`` when fewer than two distinct revisions remain.
    @discardableResult
    public func merge(
        _ revisions: [String], message: String, revisionID: String? = nil, branchLabels: [String] = [],
        date: Date = Date()
    ) throws -> RevisionScript {
        let graph = try scripts().graph
        var parents: [String] = []
        for symbol in revisions {
            for id in symbol == "heads" ? graph.heads : [try graph.resolve(symbol)] where !parents.contains(id) {
                parents.append(id)
            }
        }
        guard parents.count > 1 else { throw MergeError(revisions: parents) }
        var new = NewRevision(message: message, revisionID: revisionID)
        new.parents = parents
        new.branchLabels = branchLabels
        return try revision(new, date: date)
    }
}

/// `merge` was given a single revision: there is nothing to merge.
public struct MergeError: MigrateFailure {
    /// The distinct revisions `merge` was left with: one, or none.
    public var revisions: [String]
    /// Always `merge.single-head`.
    public var errorID: String { "merge.single-head" }
    /// Always `true`: the command line named too few revisions (exit code 64).
    public var isUsageError: Bool { true }
    /// Names the revision given and asks for two or more heads, or `heads`.
    public var message: String {
        "Nothing to merge: \(revisions.isEmpty ? "no revisions" : "only \(revisions.joined())") given. "
            + "Name two or more heads, or `heads` when the graph has several."
    }
}
