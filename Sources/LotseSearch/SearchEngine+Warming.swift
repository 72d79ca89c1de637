/// A freshly opened engine reads each term's postings from SQLite on first use (a common term of a large
/// index takes milliseconds); warming reads the likely ones ahead, so the first queries after a start or a
/// reload are answered from memory like later ones.
extension SearchEngine {
    /// Terms whose postings this engine used most recently, newest first: what the next engine should read
    /// before it takes over.
    public func recentTerms(limit: Int) -> [String] {
        // Phrases and compound-part groups are derived from their terms' postings, not read: skipped.
        postings.recentKeys(limit: limit * 2).filter { !Self.isDerived($0) }.prefix(limit).map { $0 }
    }

    /// The `limit` terms in the most articles: the costliest postings to read and the likeliest to be asked for.
    public func commonTerms(limit: Int) -> [String] {
        statistics.documentFrequency.mostFrequent(limit: limit)
    }

    /// Reads the postings of `terms` (those not cached yet) into the cache, a few at a time, until `deadline`.
    /// Returns how many terms were read. A failed read is left to the query that needs the term.
    @discardableResult
    public func warm(terms: [String], until deadline: ContinuousClock.Instant) async -> Int {
        let cached = postings.values(for: terms)
        var read = 0
        for batch in terms.filter({ cached[$0] == nil }).chunked(into: 16) {
            guard ContinuousClock.now < deadline, !Task.isCancelled else { break }
            guard (try? await load(Array(batch))) != nil else { continue }
            read += batch.count
        }
        return read
    }
}

private extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
