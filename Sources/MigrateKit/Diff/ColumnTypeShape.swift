import Foundation

/// A column type as far as the question "can every value of the old type be
/// held by the new one?" needs it: its family and its size. Reads the
/// spellings the three inspectors report (`character varying(100)`,
/// `varchar(100)`, `VARCHAR(100)`, `numeric(10,2)`, `enum('a','b')`).
struct ColumnTypeShape: Equatable {
    enum Family: Equatable {
        case text, integer, exactNumeric, float, boolean, enumeration
        case other(String)
    }

    var family: Family
    /// Characters for text, bytes for integers and floats, digits for exact
    /// numerics; `nil` when unlimited.
    var size: Int?
    /// Digits after the point of an exact numeric.
    var scale: Int?
    /// The labels of an enumeration (MySQL `enum(...)`).
    var labels: [String] = []

    init(_ type: String) {
        let lower = type.lowercased().trimmingCharacters(in: .whitespaces)
        let open = lower.firstIndex(of: "(")
        let base = String(open.map { lower[..<$0] } ?? Substring(lower)).trimmingCharacters(in: .whitespaces)
        var arguments: [String] = []
        if let open, let close = lower.lastIndex(of: ")"), open < close {
            arguments = Self.split(String(lower[lower.index(after: open)..<close]))
        }
        let number = arguments.first.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let word = base.split(separator: " ").first.map(String.init) ?? base
        switch base {
        case "varchar", "character varying", "char", "character", "nvarchar", "nchar", "varchar2", "bpchar":
            self.init(family: .text, size: number ?? (base.hasPrefix("char") || base == "character" ? 1 : nil))
        case "text", "clob", "longtext", "string", "citext": self.init(family: .text, size: nil)
        case "tinytext": self.init(family: .text, size: 255)
        case "mediumtext": self.init(family: .text, size: 16_777_215)
        case "tinyint", "int1": self.init(family: .integer, size: 1)
        case "smallint", "int2": self.init(family: .integer, size: 2)
        case "mediumint", "int3": self.init(family: .integer, size: 3)
        case "int", "integer", "int4": self.init(family: .integer, size: 4)
        case "bigint", "int8": self.init(family: .integer, size: 8)
        case "numeric", "decimal", "dec":
            self.init(family: .exactNumeric, size: number, scale: arguments.count > 1 ? Int(arguments[1]) : nil)
        case "real", "float4": self.init(family: .float, size: 4)
        case "double", "double precision", "float8", "float": self.init(family: .float, size: 8)
        case "boolean", "bool": self.init(family: .boolean, size: nil)
        case "enum":
            self.init(family: .enumeration, size: nil)
            labels = arguments.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " '")) }
        default:
            self.init(family: word == "int" || word == "bigint" ? .integer : .other(base), size: nil)
        }
    }

    init(family: Family, size: Int?, scale: Int? = nil) {
        self.family = family
        self.size = size
        self.scale = scale
    }

    /// What a value of `self` may lose in `new`, in words, or `nil` when every
    /// value fits: `narrows varchar(100) to varchar(50)`.
    func loss(to new: ColumnTypeShape, from oldType: String, to newType: String) -> String? {
        func smaller(_ a: Int?, _ b: Int?) -> Bool {
            switch (a, b) {
            case (nil, _?): true
            case (let a?, let b?): b < a
            default: false
            }
        }
        switch (family, new.family) {
        case (.text, .text), (.integer, .integer), (.float, .float):
            return smaller(size, new.size) ? "narrows type \(oldType) to \(newType)" : nil
        case (.exactNumeric, .exactNumeric):
            let integerDigits = { (shape: ColumnTypeShape) in shape.size.map { $0 - (shape.scale ?? 0) } }
            return smaller(size, new.size) || smaller(integerDigits(self), integerDigits(new))
                || (scale ?? 0) > (new.scale ?? 0)
                ? "cuts precision from \(oldType) to \(newType)" : nil
        case (.enumeration, .enumeration):
            let removed = labels.filter { !new.labels.contains($0) }
            return removed.isEmpty
                ? nil : "removes enum value\(removed.count == 1 ? "" : "s") \(removed.map { "'\($0)'" }.joined(separator: ", "))"
        case (_, .text) where new.size == nil:
            return nil
        case (.integer, .exactNumeric):
            let needed = Self.integerDigits[size ?? 8] ?? 19
            return new.size.map { $0 - (new.scale ?? 0) < needed } == true ? "narrows type \(oldType) to \(newType)" : nil
        case (.exactNumeric, .integer):
            let fits = (scale ?? 0) == 0 && size.map { $0 <= (Self.integerDigits[new.size ?? 8] ?? 19) - 1 } == true
            return fits ? nil : "cuts precision from \(oldType) to \(newType)"
        case (.integer, .float) where new.size == 8 && (size ?? 8) <= 4, (.boolean, .integer), (.enumeration, .text):
            return nil
        default:
            return family == new.family ? nil : "changes type \(oldType) to \(newType) (values that do not convert)"
        }
    }

    /// The decimal digits the largest integer of each size has.
    private static let integerDigits = [1: 3, 2: 5, 3: 8, 4: 10, 8: 19]

    /// Splits `'a','b,c'` or `10, 2` at commas outside quotes.
    private static func split(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "'" { quoted.toggle() }
            if character == ",", !quoted {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { parts.append(current.trimmingCharacters(in: .whitespaces)) }
        return parts
    }
}
