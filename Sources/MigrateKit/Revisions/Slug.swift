/// The slug of a revision file name, from its message (Alembic's rule).
public enum Slug {
    /// `Create notes table!` → `create_notes_table`: lower case, every run of
    /// characters that are not letters or digits becomes one `_`, no `_` at
    /// either end; longer than `maxLength`, it is cut after the last whole
    /// word that fits (a single word longer than that is cut where it must).
    public static func make(_ message: String, maxLength: Int = 40) -> String {
        var words: [String] = []
        var word = ""
        for character in message.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        guard maxLength > 0 else { return "" }
        var slug = ""
        for word in words {
            let length = slug.isEmpty ? word.count : slug.count + 1 + word.count
            if length > maxLength {
                if slug.isEmpty { slug = String(word.prefix(maxLength)) }
                break
            }
            slug += slug.isEmpty ? word : "_" + word
        }
        return slug
    }
}
