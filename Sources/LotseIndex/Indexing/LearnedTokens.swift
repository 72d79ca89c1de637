import LotseAnalysis

/// The learned column's tokens word by word, each distinct word analysed once per worker: the column is learned words
/// joined by single spaces (each repeated by its weight), the same few ten thousand words in every article, and
/// breaking and folding the whole text again was a fifth of what learning added to a build (BENCHMARKS.md,
/// "Learning from outcomes"). A word of Latin letters only is a word of its own between spaces however the text is
/// broken, and no hyphen joins it to the next, so its tokens in the column are its tokens alone, moved to where it
/// stands. A column with any other word (or spacing) is analysed whole.
struct LearnedTokens {
    /// A token of one word alone: its term and where it lies in the word.
    struct WordToken {
        let term: String
        let start: Int
        let end: Int
        let colocated: Bool
    }

    private var language: Language?
    private var current = PieceMemo<WordToken>()
    private var others: [Language: PieceMemo<WordToken>] = [:]

    /// Switches to the words of `language`, which must be the analyzer's language from now on.
    mutating func select(_ language: Language) {
        guard language != self.language else { return }
        if let previous = self.language { others[previous] = current }
        current = others.removeValue(forKey: language) ?? PieceMemo()
        self.language = language
    }

    /// The column's tokens, or nil when a word is not one this memo may take alone.
    mutating func stream(of column: String, analyzer: Analyzer) -> TokenStream? {
        var column = column, stream = TokenStream()
        let complete = column.withUTF8 { bytes -> Bool in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: " ") {
                guard let tokens = tokens(of: UnsafeBufferPointer(rebasing: bytes[start..<end]), analyzer: analyzer) else { return false }
                for token in tokens {
                    stream.append(token.term, start: start + token.start, end: start + token.end, colocated: token.colocated)
                }
                start = end + 1
            }
            return true
        }
        return complete ? stream : nil
    }

    private mutating func tokens(of word: UnsafeBufferPointer<UInt8>, analyzer: Analyzer) -> ArraySlice<WordToken>? {
        if let known = current.values(of: word) { return known }
        guard Self.isLatinWord(word) else { return nil }
        var tokens: [WordToken] = []
        analyzer.analyze(word, mode: .document) { term, start, end, colocated in
            tokens.append(WordToken(term: term, start: start, end: end, colocated: colocated))
            return true
        }
        current.insert(word, tokens)
        return tokens[...]
    }

    /// Letters of Basic Latin, Latin-1 and Latin Extended-A/B only (ICU joins them into one word, and none of them is
    /// a mark, a hyphen, a digit or a separator).
    static func isLatinWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty else { return false }
        var iterator = word.makeIterator()
        var decoder = Unicode.UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar) where scalar.isASCII:
                let lower = UInt8(scalar.value) | 0x20
                guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { return false }
            case .scalarValue(let scalar):
                guard scalar.value >= 0xC0, scalar.value < 0x250, scalar.properties.isAlphabetic else { return false }
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
