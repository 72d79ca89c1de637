/// How well one article matches a query beyond its score, for `AnswerDecision`; computed for the best article
/// only (a look-up per alternative).
enum MatchEvidence {
    /// The share of the query's weight `document` matches by the words as typed (`words`: a concept matched only
    /// through a typo correction or a compound part counts at that alternative's weight), the share it matches
    /// only through corrections of words that look `misspelt` (per concept), which the encoder read as misspelt, and
    /// the share in words no article has in any form (`unknown`: not as typed, stemmed, split or corrected).
    static func coverage(of document: Int32, matchers: [[ConceptFrequencies.Matcher]], weights: [Double], misspelt: [Bool])
        -> (words: Double, misspelt: Double, unknown: Double)
    {
        let total = weights.reduce(0, +)
        guard total > 0 else { return (0, 0, 0) }
        var matched = 0.0, corrected = 0.0, unknown = 0.0
        for (concept, alternatives) in matchers.enumerated() {
            let best = alternatives.filter { $0.postings.index(of: document) != nil }.max { $0.weight < $1.weight }
            // Stems, synonyms and completions (0.9 and up) are the word as meant; corrections and parts are guesses.
            matched += weights[concept] * min(1, (best?.weight ?? 0) / 0.9)
            if best?.corrected == true, misspelt[concept] { corrected += weights[concept] }
            if alternatives.allSatisfy(\.postings.isEmpty) { unknown += weights[concept] }
        }
        return (matched / total, corrected / total, unknown / total)
    }

    /// How many standard deviations `similarity` (the hybrid ranking's first's cosine) stands above the mean cosine
    /// of every article: a draft whose meaning picks out no article has its first among the crowd.
    static func standout(of similarity: Double, among cosines: Cosines) -> Double {
        guard cosines.count > 1 else { return 0 }
        var sum = 0.0, squares = 0.0
        for document in 0..<cosines.count {
            let value = Double(cosines[document])
            sum += value
            squares += value * value
        }
        let mean = sum / Double(cosines.count)
        let deviation = max(squares / Double(cosines.count) - mean * mean, 0).squareRoot()
        return deviation > 0 ? (similarity - mean) / deviation : 0
    }
}
