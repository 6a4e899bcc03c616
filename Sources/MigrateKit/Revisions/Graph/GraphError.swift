/// A revision graph that cannot be built, or a target it cannot reach.
///
/// Each case carries the ids (and, for problems in the files, the paths) the
/// message needs; the message says what to do next.
public struct GraphError: MigrateFailure, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// Two files declare the same `Revision ID:`.
        case duplicateID(String, paths: [String])
        /// A `Revises:` entry names no revision.
        case unknownParent(revision: String, path: String, missing: String)
        /// A `Depends On:` entry names no revision or branch label.
        case unknownDependency(revision: String, path: String, missing: String)
        /// Revisions that come after themselves: each revises or depends on
        /// the next, and the last on the first.
        case cycle(ids: [String], paths: [String])
        /// Two revisions carry the same branch label.
        case duplicateBranchLabel(String, revisions: [String], paths: [String])
        /// No revision id, id prefix or branch label matches.
        case unknownTarget(String)
        /// An id prefix that matches several revisions.
        case ambiguousTarget(String, candidates: [String])
        /// A target that cannot be read, or is used in the wrong direction.
        case badTarget(String, problem: TargetProblem)
        /// `head` (or `<rev>@head`, with `from`) names several heads.
        case multipleHeads([String], from: String?)
        /// `+N` or `-N` must start from one current head and there are several.
        /// `steps` is signed: what is left to walk (`-2` for two down).
        case multipleCurrentHeads([String], target: String, steps: Int)
        /// `+N` with nothing applied and several bases to start from.
        case multipleBases([String], target: String, steps: Int)
        /// A walk up reached a revision with several children.
        case branchPoint(at: String, children: [String], target: String, stepsLeft: Int)
        /// A walk down reached a merge point.
        case mergePoint(at: String, parents: [String], target: String, stepsLeft: Int)
        /// A walk up ran out of revisions at `head`: only `available` were
        /// above `from` or, with `counted`, from `from` (`base` or a branch
        /// label whose first revision was the first step) to the head.
        case aboveHead(target: String, from: String, available: Int, head: String, counted: Bool)
        /// A walk down ran out of revisions. `from` is where it started
        /// (`nil`: nothing is applied); `available` counts applied revisions
        /// when `applied`, else the revisions at or below `from`.
        case belowBase(from: String?, steps: Int, available: Int, applied: Bool)
        /// A downgrade target that is not applied. `ahead`: it comes after
        /// the current heads (or nothing is applied), so it needs an upgrade.
        case notADowngrade(target: String, revision: String, currentHeads: [String], ahead: Bool)
        /// A downgrade target that is applied only because applied
        /// `dependents` depend on it: no applied revision revises it, so
        /// going back to it reverts nothing (Alembic refuses it too).
        case appliedOnlyAsDependency(target: String, revision: String, dependents: [String])
        /// A `history` range whose lower end is not an ancestor of its upper
        /// end along `Revises:` lines. `throughDependency`: the upper end
        /// needs it only through `Depends On:`.
        case rangeNotAncestor(range: String, lower: String, upper: [String], throughDependency: Bool)
        /// `<label>@base` would remove a revision that an applied revision
        /// outside the branch depends on.
        case branchInUse(target: String, revision: String, dependent: String, dependentPath: String)
        /// A target that needs a revision, and there are none.
        case noRevisions(String)
    }

    /// Why a target string is unusable.
    public enum TargetProblem: Sendable, Equatable {
        /// Not in the target grammar (`+x`, `-0`, `ab12@tail`, empty).
        case malformed
        /// Moves up (`+N`, `heads`): only `upgrade` takes it.
        case upgradeOnly
        /// Moves down (`-N`): only `downgrade` takes it.
        case downgradeOnly
    }

    /// What went wrong.
    public var kind: Kind

    /// An error of `kind`.
    public init(_ kind: Kind) {
        self.kind = kind
    }

    /// `graph.<what>`, such as `graph.multiple-heads`, `graph.unknown-target`,
    /// `graph.cycle` or `graph.not-a-downgrade`; one per ``Kind``, two kinds
    /// sharing `graph.multiple-heads` and two `graph.not-a-downgrade`.
    public var errorID: String {
        switch kind {
        case .duplicateID: "graph.duplicate-id"
        case .unknownParent: "graph.unknown-parent"
        case .unknownDependency: "graph.unknown-depends-on"
        case .cycle: "graph.cycle"
        case .duplicateBranchLabel: "graph.duplicate-branch-label"
        case .unknownTarget: "graph.unknown-target"
        case .ambiguousTarget: "graph.ambiguous-target"
        case .badTarget: "graph.bad-target"
        case .multipleHeads, .multipleCurrentHeads: "graph.multiple-heads"
        case .multipleBases: "graph.multiple-bases"
        case .branchPoint: "graph.branch-point"
        case .mergePoint: "graph.merge-point"
        case .aboveHead: "graph.above-head"
        case .belowBase: "graph.below-base"
        case .notADowngrade, .appliedOnlyAsDependency: "graph.not-a-downgrade"
        case .rangeNotAncestor: "graph.range-not-ancestor"
        case .branchInUse: "graph.branch-in-use"
        case .noRevisions: "graph.no-revisions"
        }
    }

    /// Unknown, ambiguous and malformed targets are mistakes on the command
    /// line (exit 64); everything else is a state of the project (exit 1).
    public var isUsageError: Bool {
        switch kind {
        case .unknownTarget, .ambiguousTarget, .badTarget: true
        default: false
        }
    }

    /// What went wrong, with the ids and paths involved, and what to do next.
    public var message: String {
        switch kind {
        case .duplicateID(let id, let paths):
            return "Revision \(id) is defined twice: in \(paths[0]) and in \(paths[1]). "
                + "Give one of them a new `Revision ID:` (and update `Revises:` lines that mean it)."
        case .unknownParent(let revision, let path, let missing):
            return "\(path): revision \(revision) revises \(missing), which no revision file defines. "
                + "Fix its `Revises:` line, or restore the file of \(missing)."
        case .unknownDependency(let revision, let path, let missing):
            return "\(path): revision \(revision) depends on \(missing), which is neither a revision nor a "
                + "branch label. Fix its `Depends On:` line, or restore the file of \(missing)."
        case .cycle(let ids, let paths):
            let loop = (ids + [ids[0]]).joined(separator: " -> ")
            return "Revisions \(ids.joined(separator: ", ")) form a cycle: \(loop), where each revises or "
                + "depends on the next (files: \(paths.joined(separator: ", "))). "
                + "Fix their `Revises:` or `Depends On:` lines so that no revision comes after itself."
        case .duplicateBranchLabel(let label, let revisions, let paths):
            return "Branch label '\(label)' is used by both \(revisions[0]) (\(paths[0])) and "
                + "\(revisions[1]) (\(paths[1])). A label names one revision: remove it from one file."
        case .unknownTarget(let target):
            return "No revision matches '\(target)'. Run `migrate history` to see the revisions."
        case .ambiguousTarget(let target, let candidates):
            return "'\(target)' matches several revisions (\(Self.list(candidates))): "
                + "use more characters of the id."
        case .badTarget(let target, let problem):
            return Self.describe(target, problem)
        case .multipleHeads(let heads, nil):
            return "Multiple heads (\(Self.list(heads))): pass one of them, 'heads', or run `migrate merge`."
        case .multipleHeads(let heads, let from?):
            return "Multiple heads descend from \(from) (\(Self.list(heads))): pass one of them, "
                + "or run `migrate merge`."
        case .multipleCurrentHeads(let heads, let target, let steps) where steps > 0:
            let choices = heads.map { "`\($0)+\(steps)`" }.joined(separator: " or ")
            return "Multiple current heads (\(Self.list(heads))): '\(target)' cannot choose where to start. "
                + "Name a revision instead, or start from one head with \(choices)."
        case .multipleCurrentHeads(let heads, let target, let steps):
            // `<rev>-N` goes back to the revision N below `rev`, which may be
            // below a branch point: an example, not an equivalent.
            return "Multiple current heads (\(Self.list(heads))): '\(target)' cannot choose which branch to go "
                + "down. Downgrade to a revision instead, or count from one head with `<rev>-N` "
                + "(such as `\(heads[0])\(steps)`)."
        case .multipleBases(let bases, let target, let steps):
            let choices = bases.map { steps > 1 ? "`\($0)+\(steps - 1)`" : "`\($0)`" }.joined(separator: " or ")
            return "Nothing is applied and there are several bases (\(Self.list(bases))): '\(target)' cannot "
                + "choose where to start. Use \(choices), or `<label>@+\(steps)` for a labeled branch."
        case .branchPoint(let at, let children, let target, let stepsLeft):
            let choices = children.map { "`\(Self.step($0, stepsLeft - 1))`" }.joined(separator: " or ")
            return "'\(target)' cannot choose a path at \(at): it branches into \(Self.list(children)). "
                + "Name the branch instead: \(choices)."
        case .mergePoint(let at, let parents, let target, let stepsLeft):
            let choices = parents.map { "`\(Self.step($0, -(stepsLeft - 1)))`" }.joined(separator: " or ")
            return "'\(target)' cannot choose a path at \(at): it merges \(Self.list(parents)). "
                + "Name the branch instead: \(choices)."
        case .aboveHead(let target, let from, let available, let head, false):
            return "'\(target)' goes past the head: only \(Self.count(available)) \(available == 1 ? "is" : "are") "
                + "above \(from), ending at \(head). Use `migrate upgrade \(head)`."
        case .aboveHead(let target, let from, let available, let head, true):
            return "'\(target)' goes past the head: only \(Self.count(available)) "
                + "\(available == 1 ? "leads" : "lead") from \(from) to \(head). Use `migrate upgrade \(head)`."
        case .belowBase(nil, let steps, _, _):
            return "Cannot go \(Self.count(steps)) down: nothing is applied."
        case .belowBase(let from?, let steps, 0, true):
            return "Cannot go \(Self.count(steps)) below \(from): none of its revisions are applied."
        case .belowBase(let from?, let steps, let available, let applied):
            let only =
                applied
                ? "only \(available) \(available == 1 ? "is" : "are") applied"
                : "only \(available) \(available == 1 ? "is" : "are") at or below it"
            return "Cannot go \(Self.count(steps)) below \(from): \(only). "
                + "Use `migrate downgrade base` to remove them all."
        case .notADowngrade(let target, let revision, let heads, let ahead):
            let name = target == revision ? revision : "'\(target)' (\(revision))"
            let current = heads.isEmpty ? "base: nothing is applied" : Self.list(heads)
            if ahead {
                return "\(name) is ahead of the current revision (\(current)); downgrade only goes back. "
                    + "Use `migrate upgrade \(target)` to move to it."
            }
            return "\(name) is not applied and is not below the current heads (\(current)), so there is "
                + "nothing to go back to. Use `migrate upgrade \(target)` to apply it, "
                + "or name an applied revision."
        case .appliedOnlyAsDependency(let target, let revision, let dependents):
            let name = target == revision ? revision : "'\(target)' (\(revision))"
            let verb = dependents.count == 1 ? "depends" : "depend"
            return "\(name) is applied only because \(Self.list(dependents)) \(verb) on it (`Depends On:`): no "
                + "applied revision revises it, so downgrading to it has nothing to revert. To remove "
                + "\(dependents[0]), downgrade below it (such as `migrate downgrade \(dependents[0])-1`)."
        case .rangeNotAncestor(let range, let lower, let upper, let throughDependency):
            let only =
                throughDependency
                ? " (it is needed only through `Depends On:`, which ranges do not follow)" : ""
            return "'\(range)' is not a range: \(lower) is not an ancestor of \(Self.list(upper)) along "
                + "`Revises:` lines\(only). Put the older revision first, or run `migrate history` to see how "
                + "they relate."
        case .branchInUse(let target, let revision, let dependent, let dependentPath):
            return "Cannot remove '\(target)': applied revision \(dependent) (\(dependentPath)) depends on "
                + "\(revision), which is on that branch. Downgrade \(dependent) first."
        case .noRevisions(let target):
            return "There are no revisions yet, so '\(target)' names nothing. "
                + "Create one with `migrate revision -m \"...\"`."
        }
    }

    private static func describe(_ target: String, _ problem: TargetProblem) -> String {
        switch problem {
        case .malformed:
            let shown = target.isEmpty ? "An empty target" : "'\(target)'"
            return "\(shown) is not a revision target. Use head, heads, base, a revision id or a unique "
                + "prefix of one, a branch label, `<rev>@head`, `<label>@base`, `+N`, `-N`, `<rev>+N`, "
                + "`<rev>-N` or `<label>@+N`, with N of at least 1."
        case .upgradeOnly:
            return "'\(target)' moves up, so downgrade cannot take it: use `migrate upgrade \(target)`."
        case .downgradeOnly:
            return "'\(target)' moves down, so upgrade cannot take it: use `migrate downgrade \(target)`."
        }
    }

    private static func list(_ ids: [String]) -> String {
        ids.joined(separator: ", ")
    }

    private static func count(_ revisions: Int) -> String {
        revisions == 1 ? "1 revision" : "\(revisions) revisions"
    }

    /// `id+N` / `id-N`, or `id` alone when no steps are left.
    private static func step(_ id: String, _ steps: Int) -> String {
        steps == 0 ? id : steps > 0 ? "\(id)+\(steps)" : "\(id)\(steps)"
    }
}
