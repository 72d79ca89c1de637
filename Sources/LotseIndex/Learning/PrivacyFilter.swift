import LotseAnalysis

/// Customer text to the words an article may learn from it. Pieces that carry personal data whole are dropped
/// before the text is broken into words: e-mail addresses, URLs, domains and file names, and anything with a
/// digit (phone, customer, ticket and contract numbers, dates, IBANs). Of the rest, only alphabetic words of three
/// letters or more that are no stop words remain; `LearnedField` then keeps those the articles or a dictionary know.
enum PrivacyFilter {
    /// The words of `text` in the analyzer's language: the folded form (the key) and the form as typed, lowercased.
    static func words(in text: String, analyzer: Analyzer, _ body: (_ folded: String, _ typed: String) -> Void) {
        let kept = text.split(whereSeparator: \.isWhitespace).filter { !isPersonal($0) }.joined(separator: " ")
        let utf8 = Array(kept.utf8)
        for word in analyzer.words(in: kept) where isLearnable(word.folded, language: analyzer.language) {
            body(word.folded, String(decoding: utf8[word.start..<word.end], as: UTF8.self).lowercased())
        }
    }

    /// A whitespace-separated piece that is dropped whole.
    static func isPersonal(_ piece: Substring) -> Bool {
        var previous: Character?
        for character in piece {
            if character.isNumber || character == "@" || character == "/" || character == "\\" { return true }
            // "www.example.de", "max.mustermann", "rechnung.pdf"; a sentence's final dot has nothing after it.
            if previous == ".", character.isLetter { return true }
            previous = character
        }
        return false
    }

    static func isLearnable(_ folded: String, language: Language) -> Bool {
        folded.unicodeScalars.count >= 3 && folded.utf8.count <= Analyzer.maximumWordBytes
            && folded.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
            && !StopWords.contains(folded, language: language)
    }
}
