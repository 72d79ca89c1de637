/// Corrects misspelt words against the index vocabulary (folded words with document frequencies):
/// one edit from 5 letters, two from 9 (Damerau: a swap of neighbours is one edit).
struct TypoCorrector: Sendable {
    /// Words by length in characters, each with its document frequency.
    private let byLength: [Int: [(word: [Unicode.Scalar], text: String, frequency: Int)]]

    static let minimumLength = 5
    static let twoEditLength = 9

    init(vocabulary: [String: Int]) {
        var byLength: [Int: [(word: [Unicode.Scalar], text: String, frequency: Int)]] = [:]
        for (word, frequency) in vocabulary where word.unicodeScalars.count >= Self.minimumLength - 2 {
            let scalars = Array(word.unicodeScalars)
            guard scalars.allSatisfy({ $0.properties.isAlphabetic }) else { continue }
            byLength[scalars.count, default: []].append((scalars, word, frequency))
        }
        self.byLength = byLength
    }

    static func maximumEdits(forLength length: Int) -> Int {
        length >= twoEditLength ? 2 : (length >= minimumLength ? 1 : 0)
    }

    /// The most frequent vocabulary words closest to `word` (fewest edits first), at most `limit`.
    /// With `prefix`, `word` is compared against the beginnings of vocabulary words (an unfinished word).
    func corrections(for word: String, prefix: Bool = false, limit: Int = 2) -> [String] {
        let scalars = Array(word.unicodeScalars)
        let allowed = Self.maximumEdits(forLength: scalars.count)
        guard allowed > 0 else { return [] }
        var found: [(text: String, distance: Int, frequency: Int)] = []
        let lengths = prefix ? Array((scalars.count - allowed)...(scalars.count + 12)) : Array((scalars.count - allowed)...(scalars.count + allowed))
        for length in lengths {
            for candidate in byLength[length] ?? [] {
                let target = prefix ? Array(candidate.word.prefix(scalars.count)) : candidate.word
                guard let distance = Self.distance(scalars, target, limit: allowed) else { continue }
                found.append((candidate.text, distance, candidate.frequency))
            }
        }
        found.sort { ($0.distance, -$0.frequency, $0.text) < ($1.distance, -$1.frequency, $1.text) }
        var result: [String] = []
        for candidate in found where !result.contains(candidate.text) {
            result.append(candidate.text)
            if result.count == limit { break }
        }
        return result
    }

    /// Optimal string alignment distance, or nil when it exceeds `limit` (early exit per row).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
