import MigrateKit

/// How revisions are written in `history`, `heads` and `show`, as Alembic
/// writes them: `1975ea83b712 -> 3f2a9c1b7d4e (head), Create users`.
enum RevisionText {
    static func line(_ node: RevisionNode, graph: RevisionGraph, mark: String = "") -> String {
        "\(from(node)) -> \(node.id)\(tags(node, graph: graph))\(mark), \(node.message)"
    }

    static func verbose(_ node: RevisionNode, graph: RevisionGraph, mark: String = "") -> String {
        var lines = ["Rev: \(node.id)\(tags(node, graph: graph))\(mark)"]
        lines.append(
            (node.parents.count > 1 ? "Merges: " : "Parent: ") + (node.parents.isEmpty ? "<base>" : node.parents.joined(separator: ", ")))
        if !node.dependsOn.isEmpty { lines.append("Also depends on: " + node.dependsOn.joined(separator: ", ")) }
        if !node.branchLabels.isEmpty { lines.append("Branch names: " + node.branchLabels.joined(separator: ", ")) }
        let children = graph.children(of: node.id)
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

    private static func tags(_ node: RevisionNode, graph: RevisionGraph) -> String {
        var tags = ""
        if graph.heads.contains(node.id) { tags += " (head)" }
        if node.parents.count > 1 { tags += " (mergepoint)" }
        if graph.children(of: node.id).count > 1 { tags += " (branchpoint)" }
        if !node.branchLabels.isEmpty { tags += " (\(node.branchLabels.joined(separator: ", ")))" }
        return tags
    }
}
