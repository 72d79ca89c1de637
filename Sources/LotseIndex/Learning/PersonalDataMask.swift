/// Customer text as an operator may see it (examples of the content-gap topics): what `PrivacyFilter` drops before
/// learning — e-mail addresses, URLs, domains, file names, anything with a digit (phone, customer, ticket numbers) —
/// is replaced by `***` here, and so is the name after a salutation ("Herr Dr. Meier" → "Herr Dr. ***"). Whitespace is
/// collapsed and the text cut to `maximumCharacters`.
public enum PersonalDataMask {
    public static let mask = "***"
    /// Kept after a masked piece, so a sentence still reads as one.
    private static let trailingPunctuation: Set<Character> = [",", ".", ";", ":", "!", "?"]

    public static func masked(_ text: String, maximumCharacters: Int = 200) -> String {
        var pieces: [String] = []
        var afterSalutation = false
        for piece in text.split(whereSeparator: \.isWhitespace) {
            let isSalutation = NameIntroduction.salutations.contains(piece.lowercased())
            let isName = afterSalutation && !isSalutation && piece.first?.isUppercase == true
            afterSalutation = isSalutation
            guard isName || PrivacyFilter.isPersonal(piece) else {
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
