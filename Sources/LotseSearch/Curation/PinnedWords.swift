import LotseAnalysis

/// A query as pins compare it: the analyzer's folded words (case, umlauts and their ae/oe/ue spellings, ß and
/// accents folded alike), German and English stop words dropped, so "Passwort vergessen", "passwort  Vergessen!"
/// and "Ich habe Passwort vergessen" are the same words. Each word also carries its German stem and letters
/// (compared with a typo's tolerance).
struct PinnedWords: Sendable, Equatable {
    struct Word: Sendable, Equatable {
        var folded: String
        var stem: String
        var letters: [Unicode.Scalar]

        init(_ folded: String, analyzer: Analyzer) {
            self.folded = folded
            stem = analyzer.stem(folded)
            letters = Array(folded.unicodeScalars)
        }

        /// The same word: the same stem ("Passwörter", "Passwort"), or a typo away (one edit from 5 letters,
        /// two from 9, as the typo corrector allows).
        func isSame(as other: Word) -> Bool {
            guard stem != other.stem else { return true }
            let edits = TypoCorrector.maximumEdits(forLength: other.letters.count)
            // The length check first: most pins' words are nowhere near, and the distance allocates its rows.
            return edits > 0 && abs(letters.count - other.letters.count) <= edits
                && TypoCorrector.distance(letters, other.letters, limit: edits) != nil
        }
    }

    var words: [Word]
    /// The last word is still being typed (the text ends in it): it may be the beginning of a pinned word, and,
    /// when it could still become a stop word, it may be ignored.
    var unfinished = false
    /// The unfinished last word is the beginning of a stop word ("m" of "mein"): the words before it may decide.
    private var mayBecomeStopWord = false

    /// A typed prefix shorter than this shows no pin ("p" would match too many).
    static let minimumLetters = 3

    init(_ text: String, analyzer: Analyzer, typing: Bool = false) {
        let all = analyzer.words(in: text)
        var words: [Word] = []
        for (index, word) in all.enumerated() {
            let isLast = index == all.count - 1
            let typed = typing && isLast && text.unicodeScalars.last.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) } == true
            if !typed, StopWords.contains(word.folded, language: .de) || StopWords.contains(word.folded, language: .en) { continue }
            words.append(Word(word.folded, analyzer: analyzer))
            unfinished = typed
        }
        self.words = words
        if unfinished, let last = words.last?.folded {
            mayBecomeStopWord = StopWords.hasStopWord(withPrefix: last, language: .de)
                || StopWords.hasStopWord(withPrefix: last, language: .en)
        }
    }

    /// How a typed query meets a pin's query: the whole query (`complete`), or only a beginning of it.
    enum Match: Comparable {
        case prefix
        case complete
    }

    /// Whether `self`, a typed query, is `pinned` or a beginning of it.
    func match(_ pinned: PinnedWords) -> Match? {
        if let match = Self.match(words, unfinished: unfinished, pinned.words) { return match }
        // "Passwort vergessen und m…": the unfinished "m" may become "mein", a stop word; the words before it decide.
        guard mayBecomeStopWord else { return nil }
        return Self.match(words.dropLast(), unfinished: false, pinned.words)
    }

    private static func match(_ typed: ArraySlice<Word>, unfinished: Bool, _ pinned: [Word]) -> Match? {
        guard let last = typed.last, typed.count <= pinned.count,
              typed.reduce(0, { $0 + $1.letters.count }) >= minimumLetters else { return nil }
        for (word, pinnedWord) in zip(typed.dropLast(), pinned) where !word.isSame(as: pinnedWord) { return nil }
        let target = pinned[typed.count - 1]
        if last.isSame(as: target) { return typed.count == pinned.count ? .complete : .prefix }
        return unfinished && target.folded.hasPrefix(last.folded) ? .prefix : nil
    }

    private static func match(_ typed: [Word], unfinished: Bool, _ pinned: [Word]) -> Match? {
        match(typed[...], unfinished: unfinished, pinned)
    }
}
