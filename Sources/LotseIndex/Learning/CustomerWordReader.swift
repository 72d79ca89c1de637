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

    /// A learnable word of a piece: its form and that form's word, and whether it was written with a capital
    /// followed by a small letter (not "VAT").
    struct Reading {
        let form: Int32
        let word: Int32
        var isCapitalized = false
    }

    private let analyzer: Analyzer
    private var pieces = PieceMemo<Reading>()
    private var formNumbers: [String: Int32] = [:]
    private var wordNumbers: [String: Int32] = [:]
    private(set) var forms: [Form] = []
    private(set) var folded: [String] = []
    /// Drafts of one language rarely have more; beyond, the memo starts over (the numbers stay valid).
    static let maximumPieces = 200_000

    init(language: Language) { analyzer = Analyzer(language: language) }

    func fold(_ word: String) -> String? { analyzer.fold(word) }

    /// Calls `body` with each learnable word of what `text` says about the problem (`DraftCleaner`: no greeting,
    /// signature or quote), in order, and whether it may be a name: written capitalised where no sentence starts.
    /// Names and passwords a draft introduces (`PersonalIntroduction`) are left out; `isNameLike` tells whether a word
    /// is known to neither the articles nor a dictionary, or to a dictionary only capitalised (and to no article).
    func read(_ text: String, isNameLike: (Int32) -> Bool, _ body: (Reading, _ mayBeName: Bool) -> Void) {
        var introductions = PersonalIntroduction()
        PrivacyFilter.forEachPiece(in: DraftCleaner.clean(text, cutsInlineSignOff: true)) { piece, startsSentence in
            let readings = self.readings(of: piece)
            let isCapitalized = PrivacyFilter.startsWithCapital(piece)
            let isPersonal = introductions.isPersonal(piece, isCapitalized: isCapitalized) {
                readings.first.map { isNameLike($0.word) } ?? true
            }
            guard !isPersonal else { return }
            for (offset, reading) in readings.enumerated() {
                body(reading, reading.isCapitalized && (offset > 0 || !startsSentence))
            }
        }
    }

    /// The learnable words of `piece`, analysed once per distinct piece.
    private func readings(of piece: UnsafeBufferPointer<UInt8>) -> ArraySlice<Reading> {
        if let known = pieces.values(of: piece) { return known }
        let readings = analyzer.words(in: String(decoding: piece, as: UTF8.self))
            .filter { PrivacyFilter.isLearnable($0.folded, language: analyzer.language) }
            .map { word in
                var reading = number(folded: word.folded, typed: String(decoding: piece[word.start..<word.end], as: UTF8.self).lowercased())
                reading.isCapitalized = PrivacyFilter.startsWithCapital(UnsafeBufferPointer(rebasing: piece[word.start..<word.end]))
                return reading
            }
        if pieces.count >= Self.maximumPieces { pieces.removeAll() }
        pieces.insert(piece, readings)
        return readings[...]
    }

    private func number(folded word: String, typed: String) -> Reading {
        if let number = formNumbers[typed] { return Reading(form: number, word: forms[Int(number)].word) }
        let wordNumber = wordNumbers[word] ?? Int32(folded.count)
        if wordNumber == Int32(folded.count) {
            wordNumbers[word] = wordNumber
            folded.append(word)
        }
        let number = Int32(forms.count)
        forms.append(Form(word: wordNumber, typed: typed))
        formNumbers[typed] = number
        return Reading(form: number, word: wordNumber)
    }
}
