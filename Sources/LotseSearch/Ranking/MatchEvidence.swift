/// How well one article matches a query beyond its score: computed for the best article only (a few postings
/// look-ups), as input to `AnswerDecision`.
struct MatchEvidence {
    /// Words apart that still count as "together".
    static let window: UInt32 = 12

    var wordCoverage = 0.0
    var windowCoverage = 0.0

    init(document: Int32, matchers: [[ConceptFrequencies.Matcher]], weights: [Double]) {
        let total = weights.reduce(0, +)
        guard total > 0 else { return }
        var matched = 0.0
        // (position, concept), position = column << shift | word offset, so one sort groups columns.
        var occurrences: [(position: UInt32, concept: Int)] = []
        for (concept, alternatives) in matchers.enumerated() {
            var best = 0.0
            for matcher in alternatives {
                guard let index = matcher.postings.index(of: document) else { continue }
                best = max(best, matcher.weight)
                for position in matcher.postings.positions(at: index).prefix(64) { occurrences.append((position, concept)) }
            }
            // Stems, synonyms and completions (0.9 and up) are the word as meant; corrections and parts are guesses.
            matched += weights[concept] * min(1, best / 0.9)
        }
        wordCoverage = matched / total
        windowCoverage = Self.bestWindow(occurrences.sorted { $0.position < $1.position }, weights: weights) / total
    }

    /// The largest Σ weight of distinct concepts within `window` words of one column (a sliding window).
    private static func bestWindow(_ occurrences: [(position: UInt32, concept: Int)], weights: [Double]) -> Double {
        var counts = [Int](repeating: 0, count: weights.count)
        var inside = 0.0, best = 0.0, first = 0
        for (last, occurrence) in occurrences.enumerated() {
            while occurrences[first].position >> Postings.columnShift != occurrence.position >> Postings.columnShift
                    || occurrence.position - occurrences[first].position > window {
                counts[occurrences[first].concept] -= 1
                if counts[occurrences[first].concept] == 0 { inside -= weights[occurrences[first].concept] }
                first += 1
            }
            if counts[occurrence.concept] == 0 { inside += weights[occurrence.concept] }
            counts[occurrence.concept] += 1
            best = max(best, inside)
            _ = last
        }
        return best
    }
}
