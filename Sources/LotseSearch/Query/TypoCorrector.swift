import LotseAnalysis

/// Corrects misspelt words against the index vocabulary (folded words with document frequencies):
/// one edit from 5 letters, two from 9 (Damerau: a swap of neighbours is one edit), and completes unfinished
/// words. Both are look-ups in `SortedVocabulary`, not scans of the vocabulary.
struct TypoCorrector: Sendable {
    private let vocabulary: SortedVocabulary
    /// Corrections per word: a customer typing a question sends every earlier word again with each keystroke,
    /// and the same misspellings recur across customers. A pure function of word and vocabulary.
    private let remembered = MemoryCache<String, Corrections>(budget: 4 << 20)

    private struct Corrections: MemoryCosted {
        var words: [String]
        var byteCount: Int { words.reduce(48) { $0 + 16 + $1.utf8.count } }
    }

    static let minimumLength = 5
    static let twoEditLength = 9

    /// Completions never offer a stop word: "Was war d" would search "der", "die", "das" (nearly every article's
    /// postings, ~30 ms at 10,000 articles) for a word the planner drops once typed in full.
    init(vocabulary: [String: Int]) {
        self.vocabulary = SortedVocabulary(vocabulary, notCompleted: StopWords.words(of: .de).union(StopWords.words(of: .en)))
    }

    static func maximumEdits(forLength length: Int) -> Int {
        length >= twoEditLength ? 2 : (length >= minimumLength ? 1 : 0)
    }

    /// Whether some vocabulary word starts with `prefix` (then an unfinished word needs no correction).
    func hasWord(withPrefix prefix: String) -> Bool {
        !vocabulary.range(of: prefix.unicodeScalars.map(\.value)).isEmpty
    }

    /// The `limit` most frequent vocabulary words starting with `prefix`, stop words left out.
    func completions(of prefix: String, limit: Int) -> [String] {
        vocabulary.completions(of: prefix.unicodeScalars.map(\.value), limit: limit).map(vocabulary.text)
    }

    /// The most frequent vocabulary words closest to `word` (fewest edits first), at most `limit`.
    /// With `prefix`, `word` is compared against the beginnings of vocabulary words (an unfinished word).
    func corrections(for word: String, prefix: Bool = false, limit: Int = 2) -> [String] {
        let key = (prefix ? "*" : "") + String(limit) + " " + word
        if let known = remembered.values(for: [key])[key] { return known.words }
        let found = search(word, prefix: prefix, limit: limit)
        remembered.insert([key: Corrections(words: found)])
        return found
    }

    private func search(_ word: String, prefix: Bool, limit: Int) -> [String] {
        let query = word.unicodeScalars.map(\.value)
        let allowed = Self.maximumEdits(forLength: query.count)
        guard allowed > 0 else { return [] }
        let found = vocabulary.near(query, maximumEdits: allowed, prefix: prefix, limit: limit, minimumLength: Self.minimumLength - 2)
        return found.sorted {
            ($0.distance, -vocabulary.frequencies[$0.word], $0.word) < ($1.distance, -vocabulary.frequencies[$1.word], $1.word)
        }.prefix(limit).map { vocabulary.text($0.word) }
    }

    /// Optimal string alignment distance, or nil when it exceeds `limit` (early exit per row).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        var rows = [Int](repeating: 0, count: 3 * (b.count + 1))
        return rows.withUnsafeMutableBufferPointer { distance(a[...], b[...], limit: limit, scratch: $0) }
    }

    /// The same over slices, with three rows of `scratch` (at least 3 × (b.count + 1)) instead of allocations.
    static func distance(_ a: ArraySlice<Unicode.Scalar>, _ b: ArraySlice<Unicode.Scalar>, limit: Int,
                         scratch: UnsafeMutableBufferPointer<Int>) -> Int? {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return nil }
        if n == 0 || m == 0 { return max(n, m) <= limit ? max(n, m) : nil }
        guard scratch.count >= 3 * (m + 1) else { return nil }
        let a0 = a.startIndex, b0 = b.startIndex
        var previousPrevious = 0, previous = m + 1, current = 2 * (m + 1)
        for j in 0...m { scratch[previous + j] = j }
        for i in 1...n {
            scratch[current] = i
            var rowMinimum = i
            for j in 1...m {
                let cost = a[a0 + i - 1] == b[b0 + j - 1] ? 0 : 1
                var value = min(scratch[previous + j] + 1, scratch[current + j - 1] + 1, scratch[previous + j - 1] + cost)
                if i > 1, j > 1, a[a0 + i - 1] == b[b0 + j - 2], a[a0 + i - 2] == b[b0 + j - 1] {
                    value = min(value, scratch[previousPrevious + j - 2] + 1)
                }
                scratch[current + j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return scratch[previous + m] <= limit ? scratch[previous + m] : nil
    }
}
