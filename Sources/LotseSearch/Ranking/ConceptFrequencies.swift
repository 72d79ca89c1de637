/// One concept's frequency in every document it matches: Σ over the document's distinct matched positions of
/// the best matching alternative's weight × the column factor (each occurrence counts once per concept, so a
/// word and its colocated stem or compound part do not add up). Depends only on the concept's alternatives, so
/// it is cached per concept.
struct ConceptFrequencies: MemoryCosted {
    private(set) var documents: [Int32] = []
    private(set) var frequencies: [Double] = []

    var byteCount: Int { documents.count * 12 + 64 }

    /// One alternative of a concept: where it occurs and what an occurrence is worth.
    struct Matcher {
        var postings: Postings
        var weight: Double
    }

    init(_ matchers: [Matcher], table: DocumentTable) {
        if matchers.count == 1, let only = matchers.first {
            // The common case: nothing to compare.
            documents = only.postings.documents
            frequencies = only.postings.gains.map { $0 * only.weight }
            return
        }
        // Best weight first: on equal occurrences the merge keeps the earlier one.
        var merged = Occurrences()
        for matcher in matchers.sorted(by: { $0.weight > $1.weight }) { merged = merged.merged(with: matcher) }
        var index = 0
        while index < merged.keys.count {
            let document = Int32(truncatingIfNeeded: merged.keys[index] >> 32)
            let base = Int(document) * DocumentTable.columnCount
            var frequency = 0.0
            while index < merged.keys.count, merged.keys[index] >> 32 == UInt64(document) {
                let position = UInt32(truncatingIfNeeded: merged.keys[index])
                frequency += merged.weights[index] * table.columnFactors[base + Int(position >> Postings.columnShift)]
                index += 1
            }
            documents.append(document)
            frequencies.append(frequency)
        }
    }

    /// Occurrences of several alternatives, as `document << 32 | position` ascending, each with its best weight.
    private struct Occurrences {
        var keys: [UInt64] = []
        var weights: [Double] = []

        /// A linear merge; an occurrence already present keeps its (higher or equal) weight.
        func merged(with matcher: Matcher) -> Occurrences {
            var result = Occurrences()
            let postings = matcher.postings
            result.keys.reserveCapacity(keys.count + postings.positions.count)
            result.weights.reserveCapacity(keys.count + postings.positions.count)
            var mine = 0
            for (index, document) in postings.documents.enumerated() {
                for position in postings.positions(at: index) {
                    let key = UInt64(UInt32(bitPattern: document)) << 32 | UInt64(position)
                    while mine < keys.count, keys[mine] < key {
                        result.keys.append(keys[mine])
                        result.weights.append(weights[mine])
                        mine += 1
                    }
                    if mine < keys.count, keys[mine] == key { continue }
                    result.keys.append(key)
                    result.weights.append(matcher.weight)
                }
            }
            result.keys += keys[mine...]
            result.weights += weights[mine...]
            return result
        }
    }
}
