import MigrateKit

/// How revisions are written in `history`, `heads` and `show`, as Alembic
/// writes them: `1975ea83b712 -> 3f2a9c1b7d4e (head), Create users`.
enum RevisionText {
    static func line(_ node: RevisionNode, graph: RevisionGraph, mark: String = "") -> String {
        line(node, place: Place(node, in: graph), mark: mark)
    }

    static func verbose(_ node: RevisionNode, graph: RevisionGraph, mark: String = "") -> String {
        verbose(node, place: Place(node, in: graph), mark: mark)
    }

    /// What a line says of a revision besides its header: whether it is a
    /// head and which revisions revise it. A head has no children, so
    /// `heads` writes its lines without the graph.
    struct Place {
        var isHead: Bool
        var children: [String]

        static let head = Place(isHead: true, children: [])

        init(isHead: Bool, children: [String]) {
            self.isHead = isHead
            self.children = children
        }

        init(_ node: RevisionNode, in graph: RevisionGraph) {
            self.init(isHead: graph.heads.contains(node.id), children: graph.children(of: node.id))
        }
    }

    static func line(_ node: RevisionNode, place: Place, mark: String = "") -> String {
        "\(from(node)) -> \(node.id)\(tags(node, place: place))\(mark), \(node.message)"
    }

    static func verbose(_ node: RevisionNode, place: Place, mark: String = "") -> String {
        var lines = ["Rev: \(node.id)\(tags(node, place: place))\(mark)"]
        lines.append(
            (node.parents.count > 1 ? "Merges: " : "Parent: ") + (node.parents.isEmpty ? "<base>" : node.parents.joined(separator: ", ")))
        if !node.dependsOn.isEmpty { lines.append("Also depends on: " + node.dependsOn.joined(separator: ", ")) }
        if !node.branchLabels.isEmpty { lines.append("Branch names: " + node.branchLabels.joined(separator: ", ")) }
        let children = place.children
        if children.count > 1 { lines.append("Branches into: " + children.joined(separator: ", ")) }
        lines.append("Path: \(node.path)")
        lines.append("")
        lines.append("    \(node.message)")
        return lines.joined(separator: "\n")
    }

    private static func from(_ node: RevisionNode) -> String {
        switch node.parents.count {
        case 0: "<base>"
        case 1: node.parents[0]
        default: "(" + node.parents.joined(separator: ", ") + ")"
        }
    }

    private static func tags(_ node: RevisionNode, place: Place) -> String {
        var tags = ""
        if place.isHead { tags += " (head)" }
        if node.parents.count > 1 { tags += " (mergepoint)" }
        if place.children.count > 1 { tags += " (branchpoint)" }
        if !node.branchLabels.isEmpty { tags += " (\(node.branchLabels.joined(separator: ", ")))" }
        return tags
    }
}
