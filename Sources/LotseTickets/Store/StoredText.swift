/// Customer text kept for analytics is capped: a draft may be 20,000 characters, what is kept of it is not.
public enum StoredText {
    /// At most this many UTF-8 bytes of a draft in deflections and the query log.
    public static let maximumBytes = 2_048

    /// `text` cut to `bytes` UTF-8 bytes at a character boundary, without control characters.
    public static func capped(_ text: String, bytes: Int = maximumBytes) -> String {
        let clean = ControlCharacters.stripped(text)
        guard clean.utf8.count > bytes else { return clean }
        var result = "", used = 0
        for character in clean {
            let size = character.utf8.count
            if used + size > bytes { break }
            result.append(character)
            used += size
        }
        return result
    }
}
