/// A schema object other than a table: a view, a function, a trigger, a
/// sequence, a type... — anything the differ compares by its definition as
/// the server normalises it and re-creates from statements the inspector
/// wrote.
///
/// The inspector of each dialect fills every field: it alone knows how its
/// server prints a definition (`pg_get_viewdef`, `pg_get_functiondef`,
/// `information_schema.VIEWS`, `sqlite_schema.sql`) and how to create and
/// drop the object. The generic differ only compares ``definition``, and
/// orders changes by ``kind`` and ``dependencies``.
public struct SchemaObject: Sendable, Equatable, Hashable, Codable {
    /// What kind of object this is. The order of the cases is the order in
    /// which kinds are created when nothing else decides.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        /// A PostgreSQL schema of `include_schemas`: created before what is in it.
        case schema
        /// A PostgreSQL extension (`CREATE EXTENSION`).
        case `extension`
        /// A PostgreSQL type: enum, composite or range.
        case type
        /// A PostgreSQL domain.
        case domain
        /// A PostgreSQL sequence.
        case sequence
        /// A function.
        case function
        /// A stored procedure.
        case procedure
        /// A view.
        case view
        /// A PostgreSQL materialized view.
        case materializedView = "materialized view"
        /// A trigger, which belongs to its table.
        case trigger
        /// A PostgreSQL rule.
        case rule

        /// Kinds that never read a table: created before tables, dropped
        /// after them.
        public var precedesTables: Bool {
            switch self {
            case .schema, .extension, .type, .domain, .sequence: true
            default: false
            }
        }

        /// Kinds whose definition reads tables and columns, so that changing
        /// a table they read may require dropping and re-creating them.
        public var readsTables: Bool {
            switch self {
            case .view, .materializedView, .trigger, .rule: true
            default: false
            }
        }

        /// `true` when `a` comes before `b` in the order of the cases, the order
        /// kinds are created in.
        public static func < (a: Kind, b: Kind) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// What kind of object it is.
    public var kind: Kind
    /// The name as a user writes it. Overloaded functions carry their
    /// argument types (`film_in_stock(integer, integer)`) so that each is
    /// an object of its own.
    public var name: String
    /// The table the object belongs to (a trigger's or rule's table, a
    /// sequence's owning table), or `nil`.
    public var table: String?
    /// What is compared: the definition as the server normalises it. Two
    /// objects with equal kind, name and definition are the same object.
    public var definition: String
    /// Statements that create the object as it is (no trailing `;`).
    public var createStatements: [String]
    /// Statements that drop the object (no trailing `;`).
    public var dropStatements: [String]
    /// Names of the tables and other objects this one reads or uses (base
    /// names, without schema or argument list), so that it is created after
    /// them and dropped before them.
    public var dependencies: [String]

    /// An object as an inspector reports it.
    /// - Parameters:
    ///   - kind: What kind of object it is.
    ///   - name: Its name; a function's with its argument types.
    ///   - table: The table it belongs to, if any.
    ///   - definition: What the differ compares.
    ///   - createStatements: The statements that create it, without `;`.
    ///   - dropStatements: The statements that drop it, without `;`.
    ///   - dependencies: The base names of what it reads or uses.
    public init(
        kind: Kind, name: String, table: String? = nil, definition: String, createStatements: [String],
        dropStatements: [String], dependencies: [String] = []
    ) {
        self.kind = kind
        self.name = name
        self.table = table
        self.definition = definition
        self.createStatements = createStatements
        self.dropStatements = dropStatements
        self.dependencies = dependencies
    }

    /// The key under which a schema keeps the object: kind, table and name.
    public var key: String {
        "\(kind.rawValue) " + (table.map { "\($0)." } ?? "") + name
    }

    /// The name without a schema qualifier or argument list
    /// (`public.film_in_stock(integer)` → `film_in_stock`), as other objects
    /// list it in their ``dependencies``.
    public var baseName: String {
        let unqualified = name.prefix { $0 != "(" }
        return String(unqualified.split(separator: ".").last ?? unqualified)
    }

    /// The names other objects may list this one by in their
    /// ``dependencies``: qualified as the inspector names it
    /// (`billing.status`), and ``baseName``.
    public var namesForDependents: Set<String> {
        let qualified = String(name.prefix { $0 != "(" }).lowercased()
        return [qualified, baseName.lowercased()]
    }

    /// `view customer_list`, `trigger last_updated on film`.
    public var label: String {
        "\(kind.rawValue) \(name)" + (table.map { " on \($0)" } ?? "")
    }
}

/// An object the inspector saw but `migrate` does not model (or that is
/// excluded): named in a warning by `check`, `inspect` and autogenerate, so
/// that nothing is left out in silence.
public struct UnmodelledObject: Sendable, Equatable, Hashable, Codable, Comparable {
    /// The kind in words: `policy`, `event trigger`, `foreign table`.
    public var kind: String
    /// The object's name.
    public var name: String

    /// An object of `kind` (in words) named `name`.
    public init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }

    /// Orders by kind, then by name.
    public static func < (a: UnmodelledObject, b: UnmodelledObject) -> Bool {
        (a.kind, a.name) < (b.kind, b.name)
    }
}

extension UnmodelledObject {
    /// The kind of a table left out by `exclude_tables`.
    public static let excludedTable = "excluded table"

    /// The kind of a table in a schema that is not compared (PostgreSQL:
    /// neither the current one nor included), named `schema.table`.
    static let tableNotCompared = "table"

    /// One warning line naming each object, or `nil` for none.
    public static func warning(for objects: [UnmodelledObject]) -> String? {
        guard !objects.isEmpty else { return nil }
        return "not compared (not modelled by migrate, or excluded): "
            + objects.map { "\($0.kind) \($0.name)" }.joined(separator: ", ")
    }
}
