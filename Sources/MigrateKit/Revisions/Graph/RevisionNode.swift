/// One revision as the graph sees it: its id, the edges read from its header
/// and where it came from.
///
/// The graph needs only the header of a revision file: `Revision ID:`,
/// `Revises:` (``parents``), `Depends On:` (``dependsOn``) and
/// `Branch Labels:` (``branchLabels``). ``path`` and ``message`` are carried
/// so that errors and `history` can name the file and the revision.
public struct RevisionNode: Sendable, Equatable {
    /// The revision id, e.g. `1975ea83b712`.
    public var id: String
    /// The revisions this one revises, in `Revises:` order. Empty for a root;
    /// two or more for a merge point.
    public var parents: [String]
    /// Revisions that must be applied before this one although they are not
    /// its parents (`Depends On:`), typically on another branch. A branch label
    /// is accepted here and replaced by the labeled revision's id when the
    /// graph is built.
    public var dependsOn: [String]
    /// Names that refer to this revision (`Branch Labels:`), e.g. `accounts`,
    /// usable as targets (`accounts`, `accounts@head`, `accounts@base`).
    public var branchLabels: [String]
    /// The revision file, for messages.
    public var path: String
    /// The first line of the file's comment, for `history`.
    public var message: String

    /// Describes a revision; `dependsOn`, `branchLabels`, `path` and
    /// `message` may be left out.
    public init(
        id: String, parents: [String], dependsOn: [String] = [], branchLabels: [String] = [],
        path: String = "", message: String = ""
    ) {
        self.id = id
        self.parents = parents
        self.dependsOn = dependsOn
        self.branchLabels = branchLabels
        self.path = path
        self.message = message
    }
}
