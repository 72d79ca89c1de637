/// How well one article matches a query beyond its score: computed for the best article only (a look-up per
/// alternative), as input to `AnswerDecision`.
struct MatchEvidence {
    var wordCoverage = 0.0

    init(document: Int32, matchers: [[ConceptFrequencies.Matcher]], weights: [Double]) {
        let total = weights.reduce(0, +)
        guard total > 0 else { return }
        var matched = 0.0
        for (concept, alternatives) in matchers.enumerated() {
            let best = alternatives.filter { $0.postings.index(of: document) != nil }.map(\.weight).max() ?? 0
            // Stems, synonyms and completions (0.9 and up) are the word as meant; corrections and parts are guesses.
            matched += weights[concept] * min(1, best / 0.9)
        }
        wordCoverage = matched / total
    }
}
