import Foundation

/// Alembic's `file_template`: `%(rev)s_%(slug)s` and the date tokens
/// `%(year)d %(month).2d %(day).2d %(hour).2d %(minute).2d %(second).2d %(epoch)s`.
enum FileNameTemplate {
    static func render(_ template: String, revision: String, slug: String, date: Date) -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        let tokens: [(String, String)] = [
            ("%(rev)s", revision), ("%(slug)s", slug),
            ("%(year)d", String(parts.year ?? 0)), ("%(month).2d", two(parts.month)),
            ("%(day).2d", two(parts.day)), ("%(hour).2d", two(parts.hour)),
            ("%(minute).2d", two(parts.minute)), ("%(second).2d", two(parts.second)),
            ("%(epoch)s", String(Int(date.timeIntervalSince1970))),
        ]
        var name = template
        for (token, value) in tokens { name = name.replacingOccurrences(of: token, with: value) }
        return name
    }
}
