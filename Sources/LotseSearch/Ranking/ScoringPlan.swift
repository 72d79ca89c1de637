/// How the FTS5 phrases of one query map to concepts, and what each concept is worth.
/// Crosses into SQLite as text (a bound parameter), so it never depends on process-global state.
final class ScoringPlan: Sendable {
    let phraseConcepts: [Int32]
    let phraseWeights: [Double]
    let conceptWeights: [Double]
    let coverageExponent: Double
    let totalWeight: Double

    init(phraseConcepts: [Int32], phraseWeights: [Double], conceptWeights: [Double], coverageExponent: Double) {
        self.phraseConcepts = phraseConcepts
        self.phraseWeights = phraseWeights
        self.conceptWeights = conceptWeights
        self.coverageExponent = coverageExponent
        totalWeight = conceptWeights.reduce(0, +)
    }

    /// "concept:weight,…|conceptWeight,…|coverageExponent"
    var encoded: String {
        let phrases = zip(phraseConcepts, phraseWeights).map { "\($0):\($1)" }.joined(separator: ",")
        let concepts = conceptWeights.map { "\($0)" }.joined(separator: ",")
        return "\(phrases)|\(concepts)|\(coverageExponent)"
    }

    convenience init?(encoded: String) {
        let sections = encoded.split(separator: "|", omittingEmptySubsequences: false)
        guard sections.count == 3, let exponent = Double(sections[2]) else { return nil }
        var concepts: [Int32] = []
        var weights: [Double] = []
        for pair in sections[0].split(separator: ",") {
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let concept = Int32(parts[0]), let weight = Double(parts[1]) else { return nil }
            concepts.append(concept)
            weights.append(weight)
        }
        let conceptWeights = sections[1].split(separator: ",").compactMap { Double($0) }
        guard concepts.allSatisfy({ $0 >= 0 && Int($0) < conceptWeights.count }) else { return nil }
        self.init(phraseConcepts: concepts, phraseWeights: weights, conceptWeights: conceptWeights, coverageExponent: exponent)
    }
}
