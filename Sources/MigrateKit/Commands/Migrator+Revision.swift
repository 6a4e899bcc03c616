import Foundation

/// What `migrate revision` writes into a new revision file.
public struct NewRevision: Sendable {
    /// The message: the first line of the file and the slug of its name.
    public var message: String
    /// `nil` for 12 random hex digits.
    public var revisionID: String?
    /// The parent: `head` (the default), another head, `base` for a new root,
    /// or — with `splice` — any revision.
    public var head: String = "head"
    /// Allows `head` to be a revision that already has children (a new branch).
    public var splice: Bool = false
    /// `Branch Labels:` of the new revision.
    public var branchLabels: [String] = []
    /// `Depends On:` of the new revision: revisions it needs besides its parents.
    public var dependsOn: [String] = []
    /// Several parents make a merge point; overrides `head`.
    public var parents: [String]? = nil
    /// SQL for the upgrade section: it replaces the template's `${upgrades}`.
    public var upgrades: String = ""
    /// SQL for the downgrade section: it replaces the template's `${downgrades}`.
    public var downgrades: String = ""
    /// With autogenerate, write online-safe SQL (`--online`); `nil` takes
    /// `online` from `migrate.ini`.
    public var online: Bool? = nil

    /// A revision with `message`, on the current head; `revisionID` `nil` for a random one.
    public init(message: String, revisionID: String? = nil) {
        self.message = message
        self.revisionID = revisionID
    }
}

extension Migrator {
    /// Writes a new revision file from the folder's `script.sql.template`.
    /// - Returns: the parsed new file.
    @discardableResult
    public func revision(_ new: NewRevision, date: Date = Date()) throws -> RevisionScript {
        try new.validate()
        let directory = try scripts()
        let graph = directory.graph
        let id = new.revisionID ?? RevisionTemplate.newRevisionID()
        guard !RevisionID.isTooLong(id) else { throw RevisionError.revisionIDTooLong(id) }
        if let existing = graph.nodes[id] { throw RevisionError.duplicate(id, existing.path) }
        let parents = try new.parents ?? parentsForNew(new, graph: graph)
        let dependsOn = try new.dependsOn.map { try graph.resolve($0) }
        let templatePath = (config.scriptLocation as NSString).appendingPathComponent("script.sql.template")
        let template =
            FileManager.default.fileExists(atPath: templatePath)
            ? try TextFile.contents(of: templatePath, role: "revision template") : RevisionTemplate.defaultTemplate
        let text = RevisionTemplate.render(
            template, message: new.message, revision: id, downRevisions: parents, createDate: date,
            branchLabels: new.branchLabels, dependsOn: dependsOn, upgrades: new.upgrades,
            downgrades: new.downgrades)
        let name = FileNameTemplate.render(
            config.fileTemplate, revision: id,
            slug: Slug.make(new.message, maxLength: config.truncateSlugLength), date: date)
        let path = (directory.versionsFolder as NSString).appendingPathComponent(name + ".sql")
        let script = try RevisionScript.parse(text, path: path)
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw RevisionError.cannotWrite(path, FileAccess.reason(for: error, path: path, writing: true))
        }
        return script
    }

    private func parentsForNew(_ new: NewRevision, graph: RevisionGraph) throws -> [String] {
        if new.head == "base" { return [] }
        if new.head == "head" {
            if graph.heads.count > 1 { throw RevisionError.multipleHeads(graph.heads) }
            return graph.heads
        }
        let parent = try graph.resolve(new.head.hasSuffix("@head") ? String(new.head.dropLast(5)) : new.head)
        let target =
            new.head.hasSuffix("@head")
            ? graph.tips(of: graph.branch(from: parent)) : [parent]
        if target.count != 1 { throw RevisionError.multipleHeads(target) }
        if !new.splice && !graph.children(of: target[0]).isEmpty {
            throw RevisionError.notAHead(target[0])
        }
        return target
    }
}

/// Failures of `migrate revision`.
public enum RevisionError: MigrateFailure {
    /// `--rev-id` holds a character a revision id cannot have (whitespace, a
    /// control character, a comma or a path separator). Id `revision.bad-id`.
    case badRevisionID(String)
    /// `--rev-id` is longer than the version table's column holds
    /// (``RevisionID/maximumLength``). Id `revision.id-too-long`.
    case revisionIDTooLong(String)
    /// A branch label, dependency or message that cannot be written into the
    /// header and read back unchanged.
    case badOption(option: String, value: String, problem: String)
    /// A revision with this id exists already: the id and its file.
    /// Id `revision.duplicate-id`.
    case duplicate(String, String)
    /// The new revision's parent is ambiguous: these heads could all be it.
    /// Id `graph.multiple-heads`.
    case multipleHeads([String])
    /// `--head` names a revision that has children, and `--splice` was not given.
    /// Id `revision.not-a-head`.
    case notAHead(String)
    /// The revision file cannot be written: its path and the reason.
    /// Id `revision.cannot-write`.
    case cannotWrite(String, String)

    /// The stable id of each case: `revision.bad-id`, `revision.id-too-long`,
    /// `revision.bad-option`, `revision.duplicate-id`, `graph.multiple-heads`,
    /// `revision.not-a-head` and `revision.cannot-write`.
    public var errorID: String {
        switch self {
        case .badRevisionID: "revision.bad-id"
        case .revisionIDTooLong: "revision.id-too-long"
        case .badOption: "revision.bad-option"
        case .duplicate: "revision.duplicate-id"
        case .multipleHeads: "graph.multiple-heads"
        case .notAHead: "revision.not-a-head"
        case .cannotWrite: "revision.cannot-write"
        }
    }

    /// `true` for the failures that come from the options given (a bad or too
    /// long id, a bad option value, an ambiguous or non-head parent): exit code 64.
    public var isUsageError: Bool {
        switch self {
        case .badRevisionID, .revisionIDTooLong, .badOption, .multipleHeads, .notAHead: true
        default: false
        }
    }

    /// What went wrong, naming the option, id or path, and what to pass instead.
    public var message: String {
        switch self {
        case .badRevisionID(let id):
            "--rev-id \(id.debugDescription) is not a usable revision id: use only letters, digits and underscores "
                + "(no whitespace, control characters, commas or path separators)."
        case .revisionIDTooLong(let id):
            "--rev-id '\(id)' has \(id.count) characters; the version table holds at most "
                + "\(RevisionID.maximumLength). Choose a shorter id."
        case .badOption(let option, let value, let problem):
            "\(option) \(value.debugDescription) cannot be written into the revision header: \(problem). "
                + "Pass a value without it."
        case .duplicate(let id, let path):
            "Revision \(id) already exists (\(path)). Choose another --rev-id."
        case .multipleHeads(let heads):
            "Multiple heads (\(heads.joined(separator: ", "))): pass one of them with --head, "
                + "or run `migrate merge` first."
        case .notAHead(let id):
            "Revision \(id) is not a head: it already has children. Pass --splice to start a branch from it."
        case .cannotWrite(let path, let reason):
            "Cannot write '\(path)': \(reason)"
        }
    }
}
