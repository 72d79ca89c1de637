/// Hyphenated compounds also as joined forms: in "E-Mail-Adresse" the word at "E" gains "email" and
/// "emailadresse", the word at "Mail" gains "mailadresse", so "Emailadresse", "Mailadresse" and
/// "E Mail Adresse" all match.
enum HyphenJoining {
    /// Longest chain whose sub-ranges are joined; longer runs ("A-B-C-D-E-F-G") are joined in windows.
    static let maximumChain = 5

    /// Whether the bytes between two words are a single hyphen (ASCII, U+2010 hyphen or U+2011 non-breaking).
    static func isHyphen(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        switch end - start {
        case 1: return text[start] == UInt8(ascii: "-")
        case 3: return text[start] == 0xE2 && text[start + 1] == 0x80 && (text[start + 2] == 0x90 || text[start + 2] == 0x91)
        default: return false
        }
    }

    /// Joined forms that start at word `index` of a chain of folded `words`.
    static func joins(startingAt index: Int, in words: [String]) -> [String] {
        var result: [String] = []
        var joined = words[index]
        let last = min(words.count, index + maximumChain)
        for next in (index + 1)..<max(index + 1, last) {
            joined += words[next]
            result.append(joined)
        }
        return result
    }
}
