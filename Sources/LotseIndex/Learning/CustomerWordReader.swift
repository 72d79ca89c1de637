import LotseAnalysis

/// `PrivacyFilter`'s words of customer texts in one language, each distinct piece analysed once and each word
/// numbered: 100,000 drafts repeat a few ten thousand pieces millions of times, and breaking them into words was
/// most of a learning build. A piece stands between whitespace, where a word always ends, so alone it gives the
/// words it gives in its text. Not thread-safe: one per thread.
final class CustomerWordReader {
    /// A word as the customer typed it: `forms[id]`.
    struct Form {
        /// The key the index and the dictionaries use: `folded[word]`.
        let word: Int32
        /// As typed, lowercased: what `lotse learned` shows.
        let typed: String
    }

    private let analyzer: Analyzer
    private var pieces: [String: [Int32]] = [:]
    private var formNumbers: [String: Int32] = [:]
    private var wordNumbers: [String: Int32] = [:]
    private(set) var forms: [Form] = []
    private(set) var folded: [String] = []
    /// Drafts of one language rarely have more; beyond, the memo starts over (the numbers stay valid).
    static let maximumPieces = 200_000

    init(language: Language) { analyzer = Analyzer(language: language) }

    func fold(_ word: String) -> String? { analyzer.fold(word) }

    /// Calls `body` with the form number of each learnable word of `text`, in order.
    func forms(in text: String, _ body: (Int32) -> Void) {
        PrivacyFilter.forEachPiece(in: text) { piece in
            let key = String(piece)
            if let known = pieces[key] {
                known.forEach(body)
                return
            }
            let utf8 = Array(key.utf8)
            let numbers = analyzer.words(in: key).filter { PrivacyFilter.isLearnable($0.folded, language: analyzer.language) }.map {
                number(folded: $0.folded, typed: String(decoding: utf8[$0.start..<$0.end], as: UTF8.self).lowercased())
            }
            if pieces.count >= Self.maximumPieces { pieces.removeAll(keepingCapacity: true) }
            pieces[key] = numbers
            numbers.forEach(body)
        }
    }

    private func number(folded word: String, typed: String) -> Int32 {
        if let number = formNumbers[typed] { return number }
        let wordNumber = wordNumbers[word] ?? Int32(folded.count)
        if wordNumber == Int32(folded.count) {
            wordNumbers[word] = wordNumber
            folded.append(word)
        }
        let number = Int32(forms.count)
        forms.append(Form(word: wordNumber, typed: typed))
        formNumbers[typed] = number
        return number
    }
}
