extension TopicGrouping {
    /// Cosine at which two topics count as one by meaning ("Domain Umzug" and "Domain umziehen" share only "domain").
    static let meaningThreshold: Float = 0.8
    /// Topics compared by meaning: the first ones (the most frequent seeds), as each needs encoder runs.
    static let meaningTopics = 60

    /// `GapReport`'s merge step with `embed` (a text's unit vector): the first `meaningTopics` topics compared by the
    /// centroid of their example texts.
    static func meaningMerge(_ embed: @escaping (String) -> [Float]) -> (_ topics: [[Int]], _ examples: [[String]]) -> [[Int]] {
        { topics, examples in
            let vectors = examples.enumerated().map { index, texts in index < meaningTopics ? centroid(texts.map(embed)) : nil }
            return mergedByMeaning(topics, vectors: vectors)
        }
    }

    /// Joins each later topic into the first earlier one whose vector (the normalised mean of its example texts'
    /// unit vectors; nil: not compared) has a cosine of at least `threshold` with its own. Order is kept.
    static func mergedByMeaning(_ topics: [[Int]], vectors: [[Float]?], threshold: Float = meaningThreshold) -> [[Int]] {
        var merged: [[Int]] = []
        var kept: [(index: Int, vector: [Float])] = []
        for (topic, vector) in zip(topics, vectors) {
            if let vector, let target = kept.first(where: { cosine($0.vector, vector) >= threshold }) {
                merged[target.index] += topic
                continue
            }
            if let vector { kept.append((merged.count, vector)) }
            merged.append(topic)
        }
        return merged
    }

    /// The normalised mean of unit vectors (nil for none).
    static func centroid(_ vectors: [[Float]]) -> [Float]? {
        guard var sum = vectors.first else { return nil }
        for vector in vectors.dropFirst() {
            for index in sum.indices { sum[index] += vector[index] }
        }
        let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? sum.map { $0 / norm } : nil
    }

    private static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
