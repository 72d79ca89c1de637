/// Customer text as an operator may see it (examples of the content-gap topics): what `PrivacyFilter` drops before
/// learning — e-mail addresses, URLs, domains, file names, anything with a digit (phone, customer, ticket numbers) —
/// is replaced by `***` here, and so are the names and passwords a draft introduces (`PersonalIntroduction`: "Herr Dr.
/// Meier" → "Herr Dr. ***", "Passwort ist Sonnenblume" → "Passwort ist ***"). Whitespace is collapsed and the text cut
/// to `maximumCharacters`.
public enum PersonalDataMask {
    public static let mask = "***"
    /// Kept after a masked piece, so a sentence still reads as one.
    private static let trailingPunctuation: Set<Character> = [",", ".", ";", ":", "!", "?"]

    public static func masked(_ text: String, maximumCharacters: Int = 200) -> String {
        var pieces: [String] = []
        var introductions = PersonalIntroduction()
        for piece in text.split(whereSeparator: \.isWhitespace) {
            var bytes = String(piece)
            // Titles inside a name stay ("Herr Dr. ***"); "ich bin" + a word is not masked (no dictionary here).
            let isIntroduced = bytes.withUTF8 { introductions.isPersonal($0, isCapitalized: piece.first?.isUppercase == true) { false } }
                && !PersonalIntroduction.salutations.contains(piece.lowercased())
            guard isIntroduced || PrivacyFilter.isPersonal(piece) else {
                pieces.append(String(piece))
                continue
            }
            let punctuation = piece.last.map { trailingPunctuation.contains($0) ? String($0) : "" } ?? ""
            if pieces.last == mask, punctuation.isEmpty { continue }  // "+49 30 1234" is one mask
            pieces.append(mask + punctuation)
        }
        let joined = pieces.joined(separator: " ")
        guard joined.count > maximumCharacters else { return joined }
        return String(joined.prefix(maximumCharacters - 1)) + "…"
    }
}
