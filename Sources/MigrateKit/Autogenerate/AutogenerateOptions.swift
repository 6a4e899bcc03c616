/// Choices for `revision --autogenerate` beyond the new revision itself.
public struct AutogenerateOptions: Sendable {
    /// Renames the user confirmed (`--rename notes.completed=notes.done`,
    /// `--rename old=new`): written as `RENAME`, never as a drop and an add.
    public var renames: [RenameAnswer]
    /// `--no-rename`: a suspected rename not named in ``renames`` is what
    /// the declared schema says, a drop and an add (marked as data loss).
    public var dropsUnconfirmedRenames: Bool
    /// Asked about each suspected rename not named in ``renames`` (the CLI
    /// asks on a terminal). Without it, and without
    /// ``dropsUnconfirmedRenames``, a suspected rename is refused
    /// (`autogenerate.suspected-rename`).
    public var renameQuestion: (any RenameQuestion)?

    /// Options with no confirmed renames, suspected renames refused, and no one to ask.
    /// - Parameters:
    ///   - renames: Renames confirmed in advance, as `--rename` gives them.
    ///   - dropsUnconfirmedRenames: `true` to write any other suspected rename as a
    ///     drop and an add (`--no-rename`).
    ///   - renameQuestion: Asked about each suspected rename not in `renames`.
    public init(
        renames: [RenameAnswer] = [], dropsUnconfirmedRenames: Bool = false, renameQuestion: (any RenameQuestion)? = nil
    ) {
        self.renames = renames
        self.dropsUnconfirmedRenames = dropsUnconfirmedRenames
        self.renameQuestion = renameQuestion
    }
}

/// Asks whether a suspected rename is one: `Did you rename notes.completed
/// to notes.done? [y/N]` on a terminal.
public protocol RenameQuestion: Sendable {
    /// `true` when the user says the old table or column was renamed to the new one.
    func confirms(_ rename: SuspectedRename) -> Bool
}

/// One confirmed rename: of a table (`old=new`) or of a column
/// (`table.old=table.new`, or `table.old=new`).
public struct RenameAnswer: Sendable, Equatable, CustomStringConvertible {
    /// The table of a renamed column (its name in the declared schema);
    /// `nil` for a renamed table.
    public var table: String?
    /// The old name of the table, or of the column when ``table`` is set.
    public var from: String
    /// The new name of the table, or of the column when ``table`` is set.
    public var to: String

    /// A rename of the table `from` to `to` (`table` `nil`), or of the column
    /// `from` of `table` to `to`.
    public init(table: String?, from: String, to: String) {
        self.table = table
        self.from = from
        self.to = to
    }

    /// Reads `old=new` as a table rename and `t.old=t.new` or `t.old=new`
    /// as a column rename of `t`; `nil` for anything else.
    public init?(parsing text: String) {
        let sides = text.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
        guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else { return nil }
        let old = sides[0].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let new = sides[1].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch (old.count, new.count) {
        case (1, 1): self.init(table: nil, from: sides[0], to: sides[1])
        case (2, 2) where old[0] == new[0] && !old[1].isEmpty && !new[1].isEmpty:
            self.init(table: old[0], from: old[1], to: new[1])
        case (2, 1) where !old[1].isEmpty && !old[0].isEmpty: self.init(table: old[0], from: old[1], to: sides[1])
        default: return nil
        }
    }

    /// `notes.completed=notes.done` or `old=new`, as `--rename` takes it.
    public var description: String {
        table.map { "\($0).\(from)=\($0).\(to)" } ?? "\(from)=\(to)"
    }
}

extension SuspectedRename {
    /// The `--rename` value that confirms it.
    public var answer: RenameAnswer { RenameAnswer(table: table, from: from, to: to) }

    /// `notes.completed to notes.done`, or `users to people`.
    public var words: String {
        table.map { "\($0).\(from) to \($0).\(to)" } ?? "\(from) to \(to)"
    }
}
