/// How well one article matches a query beyond its score, for `AnswerDecision`; computed for the best article
/// only (a look-up per alternative).
enum MatchEvidence {
    /// The share of the query's weight `document` matches by the words as typed: a concept matched only through a
    /// typo correction or a compound part counts at that alternative's weight.
    static func wordCoverage(of document: Int32, matchers: [[ConceptFrequencies.Matcher]], weights: [Double]) -> Double {
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        var matched = 0.0
        for (concept, alternatives) in matchers.enumerated() {
            let best = alternatives.filter { $0.postings.index(of: document) != nil }.map(\.weight).max() ?? 0
            // Stems, synonyms and completions (0.9 and up) are the word as meant; corrections and parts are guesses.
            matched += weights[concept] * min(1, best / 0.9)
        }
        return matched / total
    }
}
