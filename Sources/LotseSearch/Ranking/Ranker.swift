import Glibc

/// Lotse's ranking over postings held in memory: BM25F over the columns with query terms grouped into
/// concepts (`ConceptFrequencies`), saturated per concept, weighted by query weight × idf, times weighted concept
/// coverage — so the article that matches the whole problem beats one that matches a single rare word.
///
/// One pass over the concepts' frequencies accumulates every matching document (concept at a time, into arrays
/// indexed by document number); `top` then selects the best few, for "all concepts" or "any concept".
struct Ranker {
    struct Candidate: Equatable {
        var document: Int32
        var score: Double
    }

    static let saturation = 1.2

    private let totalWeight: Double
    private let requiredConcepts: Int
    /// Per document: Σ concept weight × saturated frequency, Σ weight of the concepts matched, how many of the
    /// required ones matched.
    private var saturated: [Double]
    private var covered: [Double]
    private var matched: [UInt16]
    private var touched: [Int32] = []

    /// `concepts[c]` is concept c's frequencies (nil when nothing of it can match); `weights[c]` its weight.
    /// "All concepts" means every concept that occurs in some article, as in an AND of the concepts, except the
    /// `optional` ones (symptom words: "klappt").
    init(concepts: [ConceptFrequencies?], weights: [Double], optional: [Bool]? = nil, documentCount: Int) {
        totalWeight = weights.reduce(0, +)
        // An unknown word lowers every article's coverage, but must not make "all concepts" impossible.
        requiredConcepts = concepts.indices.filter { !(concepts[$0]?.documents.isEmpty ?? true) && optional?[$0] != true }.count
        saturated = [Double](repeating: 0, count: documentCount)
        covered = [Double](repeating: 0, count: documentCount)
        matched = [UInt16](repeating: 0, count: documentCount)
        var seen = [Bool](repeating: false, count: documentCount)
        for (concept, frequencies) in concepts.enumerated() {
            guard let frequencies else { continue }
            let weight = weights[concept]
            let counts: UInt16 = optional?[concept] == true ? 0 : 1
            for (document, stored) in zip(frequencies.documents, frequencies.frequencies) {
                let index = Int(document), frequency = Double(stored)
                if !seen[index] {
                    seen[index] = true
                    touched.append(document)
                }
                matched[index] += counts
                saturated[index] += weight * frequency / (frequency + Self.saturation)
                covered[index] += weight
            }
        }
    }

    /// The `limit` best documents scoring at least `minimumScore`, best first (ties: lower document number);
    /// with `requireAll`, only documents matching every concept.
    func top(limit: Int, minimumScore: Double, coverageExponent: Double, requireAll: Bool,
             where accepts: (Int32) -> Bool) -> [Candidate] {
        guard totalWeight > 0 else { return [] }
        var best: [Candidate] = []
        best.reserveCapacity(limit + 1)
        for document in touched {
            let index = Int(document)
            if requireAll, Int(matched[index]) < requiredConcepts { continue }
            // Coverage is at most 1: skip the power when even full coverage would not make the cut.
            let bound = saturated[index] / totalWeight
            guard bound >= minimumScore, best.count < limit || bound >= best[best.count - 1].score else { continue }
            let candidate = Candidate(document: document, score: bound * pow(covered[index] / totalWeight, coverageExponent))
            guard candidate.score >= minimumScore, best.count < limit || candidate.ranks(before: best[best.count - 1]),
                  accepts(document) else { continue }
            best.insert(candidate, at: best.firstIndex { candidate.ranks(before: $0) } ?? best.count)
            if best.count > limit { best.removeLast() }
        }
        return best
    }
}

extension Ranker.Candidate {
    func ranks(before other: Self) -> Bool {
        score > other.score || (score == other.score && document < other.document)
    }
}
