/// Corrects misspelt words against the index vocabulary (folded words with document frequencies):
/// one edit from 5 letters, two from 9 (Damerau: a swap of neighbours is one edit).
struct TypoCorrector: Sendable {
    private struct Entry: Sendable {
        var word: [Unicode.Scalar]
        var text: String
        var frequency: Int
    }

    /// Words by length in characters.
    private let byLength: [Int: [Entry]]
    /// All vocabulary words with their frequencies, sorted: prefix look-ups by binary search.
    private let sorted: [(word: String, frequency: Int)]

    static let minimumLength = 5
    static let twoEditLength = 9

    init(vocabulary: [String: Int]) {
        var byLength: [Int: [Entry]] = [:]
        for (word, frequency) in vocabulary where word.unicodeScalars.count >= Self.minimumLength - 2 {
            let scalars = Array(word.unicodeScalars)
            guard scalars.allSatisfy({ $0.properties.isAlphabetic }) else { continue }
            byLength[scalars.count, default: []].append(Entry(word: scalars, text: word, frequency: frequency))
        }
        self.byLength = byLength
        sorted = vocabulary.map { ($0.key, $0.value) }.sorted { $0.word < $1.word }
    }

    static func maximumEdits(forLength length: Int) -> Int {
        length >= twoEditLength ? 2 : (length >= minimumLength ? 1 : 0)
    }

    /// Whether some vocabulary word starts with `prefix` (then an unfinished word needs no correction).
    func hasWord(withPrefix prefix: String) -> Bool {
        let first = lowerBound(prefix)
        return first < sorted.count && sorted[first].word.hasPrefix(prefix)
    }

    /// The `limit` most frequent vocabulary words starting with `prefix` (scanning at most `maximumScan`).
    func completions(of prefix: String, limit: Int, maximumScan: Int = 5_000) -> [String] {
        var found: [(word: String, frequency: Int)] = []
        var index = lowerBound(prefix)
        while index < sorted.count, index - lowerBound(prefix) < maximumScan, sorted[index].word.hasPrefix(prefix) {
            found.append(sorted[index])
            index += 1
        }
        return found.sorted { ($0.frequency, $1.word) > ($1.frequency, $0.word) }.prefix(limit).map(\.word)
    }

    private func lowerBound(_ key: String) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].word < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The most frequent vocabulary words closest to `word` (fewest edits first), at most `limit`.
    /// With `prefix`, `word` is compared against the beginnings of vocabulary words (an unfinished word).
    func corrections(for word: String, prefix: Bool = false, limit: Int = 2) -> [String] {
        let scalars = Array(word.unicodeScalars)
        let allowed = Self.maximumEdits(forLength: scalars.count)
        guard allowed > 0 else { return [] }
        var found: [(text: String, distance: Int, frequency: Int)] = []
        let lengths = (scalars.count - allowed)...(scalars.count + (prefix ? 12 : allowed))
        var rows = [Int](repeating: 0, count: 3 * (scalars.count + allowed + 2))
        rows.withUnsafeMutableBufferPointer { scratch in
            for length in lengths {
                for candidate in byLength[length] ?? [] {
                    let target = prefix ? candidate.word.prefix(scalars.count) : candidate.word[...]
                    guard let distance = Self.distance(scalars[...], target, limit: allowed, scratch: scratch) else { continue }
                    found.append((candidate.text, distance, candidate.frequency))
                }
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
