/// A target string, read: Alembic's revision identifiers.
enum TargetExpression: Equatable {
    /// `head`: the single head.
    case head
    /// `heads`: every head.
    case heads
    /// `base`: before the first revision.
    case base
    /// `+N` / `-N`: N steps from the current revision (signed).
    case relative(Int)
    /// A revision id, a unique prefix of one, or a branch label.
    case revision(String)
    /// `<rev>@head`: the single head of the branch that grows from it.
    case branchHead(String)
    /// `<label>@base`: below the labeled revision.
    case branchBase(String)
    /// `<label>@+N` / `<label>@-N`: N steps from the branch's current head.
    case branchRelative(String, Int)
    /// `<rev>+N` / `<rev>-N` (and `head-N`): N steps from the revision.
    case offset(String, Int)
}

/// Where a target that names one position lands.
enum TargetLanding: Equatable {
    /// On a revision.
    case revision(String)
    /// One step below the root `String`: that root's branch fully removed.
    case belowRoot(String)
    /// Nowhere: `head` of a graph without revisions.
    case nothing
}

extension RevisionGraph {
    /// The revision `symbol` names: an exact id, then a branch label, then a
    /// unique id prefix (one character is enough when it is unique).
    ///
    /// - Throws: ``GraphError`` `graph.unknown-target` when nothing matches,
    ///   `graph.ambiguous-target` (listing the candidates) when a prefix
    ///   matches several revisions; both are usage errors.
    public func resolve(_ symbol: String) throws -> String {
        if nodes[symbol] != nil { return symbol }
        if let labeled = revisionByLabel[symbol] { return labeled }
        guard !symbol.isEmpty else { throw GraphError(.badTarget(symbol, problem: .malformed)) }
        var low = 0
        var high = sortedIDs.count
        while low < high {
            let middle = (low + high) / 2
            if sortedIDs[middle] < symbol { low = middle + 1 } else { high = middle }
        }
        let matches = sortedIDs[low...].prefix { $0.hasPrefix(symbol) }
        switch matches.count {
        case 0: throw GraphError(.unknownTarget(symbol))
        case 1: return matches.first!
        default: throw GraphError(.ambiguousTarget(symbol, candidates: Array(matches)))
        }
    }

    /// Reads a target string. An exact id or label always wins, so a custom
    /// id such as `v2-1` is never read as `v2` minus one.
    func parseTarget(_ text: String) throws -> TargetExpression {
        let malformed = GraphError(.badTarget(text, problem: .malformed))
        switch text {
        case "head": return .head
        case "heads": return .heads
        case "base": return .base
        case "": throw malformed
        default: break
        }
        if nodes[text] != nil || revisionByLabel[text] != nil { return .revision(text) }
        if let at = text.lastIndex(of: "@") {
            let symbol = String(text[..<at])
            let suffix = String(text[text.index(after: at)...])
            guard !symbol.isEmpty else { throw malformed }
            switch suffix {
            case "head": return .branchHead(symbol)
            case "base": return .branchBase(symbol)
            default:
                guard let steps = Self.steps(suffix) else { throw malformed }
                return .branchRelative(symbol, steps)
            }
        }
        if text.hasPrefix("+") || text.hasPrefix("-") {
            guard let steps = Self.steps(text) else { throw malformed }
            return .relative(steps)
        }
        if let sign = text.lastIndex(where: { $0 == "+" || $0 == "-" }),
            text[text.index(after: sign)...].allSatisfy(\.isASCIIDigit)
        {
            guard let steps = Self.steps(String(text[sign...])) else { throw malformed }
            return .offset(String(text[..<sign]), steps)
        }
        return .revision(text)
    }

    /// `+N` or `-N` with N ≥ 1, signed; `nil` for anything else.
    private static func steps(_ text: String) -> Int? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst()
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let count = Int(digits), count > 0 else {
            return nil
        }
        return sign == "+" ? count : -count
    }

    /// Where a target that names one position lands. `base`, `heads`,
    /// `<label>@base` and `-N` are handled by the plans themselves.
    func land(_ expression: TargetExpression, target: String, applied: Set<String>) throws -> TargetLanding {
        switch expression {
        case .head:
            return try singleHead().map(TargetLanding.revision) ?? .nothing
        case .revision(let symbol):
            return .revision(try resolve(symbol))
        case .branchHead(let symbol):
            let start = try anchor(symbol)
            let heads = tips(of: branch(from: start))
            guard heads.count == 1 else { throw GraphError(.multipleHeads(heads, from: symbol)) }
            return .revision(heads[0])
        case .offset(let symbol, let steps):
            return try walk(from: try anchor(symbol), steps: steps, target: target)
        case .branchRelative(let symbol, let steps):
            let start = try anchor(symbol)
            let heads = currentHeads(applied: branch(from: start).intersection(applied))
            guard heads.count <= 1 else {
                throw GraphError(.multipleCurrentHeads(heads, target: target, steps: steps))
            }
            if let head = heads.first { return try walk(from: head, steps: steps, target: target) }
            guard steps > 0 else {
                throw GraphError(.belowBase(from: symbol, steps: -steps, available: 0, applied: true))
            }
            // Nothing on the branch is applied: its first revision is step one.
            return try walk(from: start, steps: steps - 1, target: target, countingStartAs: symbol)
        case .relative(let steps) where steps > 0:
            let heads = currentHeads(applied: applied)
            guard heads.count <= 1 else {
                throw GraphError(.multipleCurrentHeads(heads, target: target, steps: steps))
            }
            if let head = heads.first { return try walk(from: head, steps: steps, target: target) }
            guard bases.count == 1 else {
                if bases.isEmpty { throw GraphError(.noRevisions(target)) }
                throw GraphError(.multipleBases(bases, target: target, steps: steps))
            }
            // Nothing is applied: the base is step one.
            return try walk(from: bases[0], steps: steps - 1, target: target, countingStartAs: "base")
        case .heads, .base, .branchBase, .relative:
            preconditionFailure("\(expression) does not name one position")
        }
    }

    /// The only head, `nil` without revisions.
    func singleHead() throws -> String? {
        guard heads.count <= 1 else { throw GraphError(.multipleHeads(heads, from: nil)) }
        return heads.first
    }

    /// The revision a relative target starts from: `head` or a symbol.
    private func anchor(_ symbol: String) throws -> String {
        guard symbol == "head" else { return try resolve(symbol) }
        guard let head = try singleHead() else { throw GraphError(.noRevisions(symbol)) }
        return head
    }

    /// Follows the only child (`steps` > 0) or the only parent (`steps` < 0)
    /// from `start`. With `countingStartAs`, `start` itself was the first
    /// step up, and error messages count it under that name (`base`, a label).
    func walk(
        from start: String, steps: Int, target: String, countingStartAs name: String? = nil
    ) throws -> TargetLanding {
        var current = start
        var taken = 0
        while taken < abs(steps) {
            let next = steps > 0 ? children(of: current) : nodes[current]!.parents
            let left = abs(steps) - taken
            switch (next.count, steps > 0) {
            case (0, true):
                throw GraphError(
                    .aboveHead(
                        target: target, from: name ?? start, available: taken + (name == nil ? 0 : 1), head: current,
                        counted: name != nil))
            case (0, false):
                guard left == 1 else {
                    throw GraphError(.belowBase(from: start, steps: -steps, available: taken + 1, applied: false))
                }
                return .belowRoot(current)
            case (1, _):
                current = next[0]
                taken += 1
            case (_, true):
                throw GraphError(.branchPoint(at: current, children: next, target: target, stepsLeft: left))
            case (_, false):
                throw GraphError(.mergePoint(at: current, parents: next, target: target, stepsLeft: left))
            }
        }
        return .revision(current)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
