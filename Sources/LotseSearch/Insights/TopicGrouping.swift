/// Groups texts into topics by their shared informative terms, deterministically. Each text is represented by its
/// `signatureSize` most informative terms that at least one other text shares (a term found once links nothing),
/// weighted by inverse frequency. Texts are visited most frequent first; each joins the topic whose accumulated
/// term weights are closest to its own (cosine, at least `threshold`), or starts a topic of its own.
struct TopicGrouping {
    static let signatureSize = 4
    static let threshold = 0.5
    /// Topics a term leads to at most (the first, largest ones): bounds the comparisons a text costs when a term is
    /// common, for 10,000 texts with thousands of one-text topics.
    static let topicsPerTerm = 32

    /// Per topic: the indices of its texts, the first one the text that started it.
    private(set) var topics: [[Int]] = []

    init(terms: TopicTerms, counts: [Int]) {
        let signatures = terms.texts.map { Self.signature($0, terms) }
        // Frequent texts seed the topics; among equally frequent ones the shorter (more general) first.
        let order = signatures.indices.filter { !signatures[$0].isEmpty }.sorted { a, b in
            (counts[b], signatures[a].count, a) < (counts[a], signatures[b].count, b)
        }
        var centroids: [[String: Double]] = []
        var norms: [Double] = []  // squared
        var postings: [String: [Int]] = [:]
        for text in order {
            let signature = signatures[text]
            var best: (topic: Int, similarity: Double)?
            for topic in Set(signature.flatMap { postings[$0.term] ?? [] }).sorted() {
                let dot = signature.reduce(0) { $0 + $1.weight * (centroids[topic][$1.term] ?? 0) }
                let similarity = dot / (Self.norm(signature) * norms[topic].squareRoot())
                if similarity > (best?.similarity ?? 0) { best = (topic, similarity) }
            }
            let topic: Int
            if let best, best.similarity >= Self.threshold {
                topic = best.topic
                topics[topic].append(text)
            } else {
                topic = topics.count
                topics.append([text])
                centroids.append([:])
                norms.append(0)
            }
            for (term, weight) in signature {
                let old = centroids[topic][term] ?? 0
                if old == 0, postings[term, default: []].count < Self.topicsPerTerm { postings[term, default: []].append(topic) }
                let new = old + weight * Double(counts[text])
                centroids[topic][term] = new
                norms[topic] += new * new - old * old
            }
        }
    }

    /// The text's most informative terms that another text shares, heaviest first (ties by term).
    private static func signature(_ text: TopicTerms.Text, _ terms: TopicTerms) -> [(term: String, weight: Double)] {
        text.terms.filter { (terms.frequency[$0] ?? 0) >= 2 }
            .map { (term: $0, weight: terms.weight($0)) }
            .sorted { ($1.weight, $0.term) < ($0.weight, $1.term) }
            .prefix(signatureSize).map { $0 }
    }

    private static func norm(_ signature: [(term: String, weight: Double)]) -> Double {
        signature.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
    }
}
