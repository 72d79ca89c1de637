/// One concept's frequency in every document it matches: Σ over the document's distinct matched positions of
/// the best matching alternative's weight × the column factor (each occurrence counts once per concept, so a
/// word and its colocated stem or compound part do not add up). Depends only on the concept's alternatives, so
/// it is cached per concept.
struct ConceptFrequencies: MemoryCosted {
    private(set) var documents: [Int32] = []
    /// Summed in `Double`, kept as `Float`: an entry takes 8 bytes a document instead of 12 in the second-largest
    /// cache, and a frequency needs no more than Float's seven digits (the ranking saturates it and sums a few concepts).
    private(set) var frequencies: [Float] = []

    var byteCount: Int { documents.count * 8 + 64 }

    /// One alternative of a concept: where it occurs and what an occurrence is worth.
    struct Matcher {
        var postings: Postings
        var weight: Double
        /// Through a typo correction (`Concept.Alternative.corrected`).
        var corrected = false
    }

    init(_ matchers: [Matcher], table: DocumentTable) {
        if matchers.count == 1, let only = matchers.first {
            // The common case: nothing to compare.
            documents = only.postings.documents
            frequencies = only.postings.documents.indices.map { Float(only.postings.gain(at: $0, table: table) * only.weight) }
            return
        }
        // Best weight first: at a position several alternatives share, the first one counts.
        let matchers = matchers.sorted { $0.weight > $1.weight }
        var cursors = [Int](repeating: 0, count: matchers.count)
        var present: [Int] = []
        var occurrences: [(position: UInt32, weight: Double)] = []
        let largest = matchers.map(\.postings.documents.count).max() ?? 0
        documents.reserveCapacity(largest)
        frequencies.reserveCapacity(largest)
        // A merge by document (the alternatives are few): only a document that several alternatives match
        // needs its positions compared, so no list of every occurrence is ever built.
        while true {
            var document = Int32.max
            for (index, matcher) in matchers.enumerated() where cursors[index] < matcher.postings.documents.count {
                document = min(document, matcher.postings.documents[cursors[index]])
            }
            guard document != .max else { break }
            present.removeAll(keepingCapacity: true)
            for (index, matcher) in matchers.enumerated()
            where cursors[index] < matcher.postings.documents.count && matcher.postings.documents[cursors[index]] == document {
                present.append(index)
            }
            var frequency = 0.0
            if present.count == 1 {
                let matcher = matchers[present[0]]
                frequency = matcher.postings.gain(at: cursors[present[0]], table: table) * matcher.weight
            } else {
                occurrences.removeAll(keepingCapacity: true)
                for index in present {
                    for position in matchers[index].postings.positions(at: cursors[index]) {
                        occurrences.append((position, matchers[index].weight))
                    }
                }
                occurrences.sort { $0.position < $1.position || ($0.position == $1.position && $0.weight > $1.weight) }
                let base = Int(document) * DocumentTable.columnCount
                var previous: UInt32?
                for occurrence in occurrences where occurrence.position != previous {
                    previous = occurrence.position
                    frequency += occurrence.weight * table.columnFactors[base + Int(occurrence.position >> Postings.columnShift)]
                }
            }
            for index in present { cursors[index] += 1 }
            documents.append(document)
            frequencies.append(Float(frequency))
        }
        // Cached: no spare capacity (a merge of several alternatives can outgrow the largest one's reservation).
        documents = documents.trimmed()
        frequencies = frequencies.trimmed()
    }
}
