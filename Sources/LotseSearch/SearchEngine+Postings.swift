import GRDB

extension SearchEngine {
    /// Each concept's alternatives with their postings: from the cache, else read from the index in one
    /// read; phrases and compound parts that must co-occur are combined from their terms' postings (and cached).
    func matchers(for query: QueryBuilder.Query) async throws -> [[ConceptFrequencies.Matcher]] {
        let terms = query.terms
        var found = postings.values(for: terms)
        let missing = terms.filter { found[$0] == nil }
        if !missing.isEmpty { found.merge(try await load(missing)) { old, _ in old } }
        let combined = query.alternatives.joined().filter { $0.terms.count > 1 }
        var derived = postings.values(for: combined.map(Self.cacheKey))
        var made: [String: Postings] = [:]
        for alternative in combined where derived[Self.cacheKey(alternative)] == nil {
            let parts = alternative.terms.map { found[$0] ?? .empty }
            let result = alternative.allOf ? Postings.allOf(parts) : Postings.phrase(parts)
            made[Self.cacheKey(alternative)] = result
            derived[Self.cacheKey(alternative)] = result
        }
        postings.insert(made)
        return query.alternatives.map { alternatives in
            alternatives.compactMap { alternative in
                let postings = alternative.terms.count > 1 ? derived[Self.cacheKey(alternative)] : found[alternative.terms[0]]
                guard let postings, !postings.isEmpty else { return nil }
                return ConceptFrequencies.Matcher(postings: postings, weight: alternative.weight)
            }
        }
    }

    /// Reads postings from the index, each term once however many queries miss it at the same time (a cold
    /// engine under load would otherwise read the same common terms once per waiting request).
    func load(_ terms: [String]) async throws -> [String: Postings] {
        let table = documents
        let tasks = loading.withLock { loading in
            terms.map { term in
                if let task = loading[term] { return (term, task) }
                let connection = self.connection
                let task = Task { try await connection.read { db in try Postings.load(term: term, db, table: table) } }
                loading[term] = task
                return (term, task)
            }
        }
        defer { loading.withLock { loading in for (term, _) in tasks { loading[term] = nil } } }
        var loaded: [String: Postings] = [:]
        for (term, task) in tasks { loaded[term] = try await task.value }
        postings.insert(loaded)
        return loaded
    }

    /// Each concept's frequencies (nil for a concept with nothing to look up), cached per concept.
    func frequencies(for query: QueryBuilder.Query, matchers: [[ConceptFrequencies.Matcher]]) -> [ConceptFrequencies?] {
        let keys = query.alternatives.map { $0.map { "\(Self.cacheKey($0))@\($0.weight)" }.joined(separator: "|") }
        var cached = conceptFrequencies.values(for: keys)
        var made: [String: ConceptFrequencies] = [:]
        let result = zip(query.alternatives, zip(keys, matchers)).map { alternatives, keyed -> ConceptFrequencies? in
            let (key, matchers) = keyed
            guard !alternatives.isEmpty else { return nil }
            if let frequencies = cached[key] { return frequencies }
            let frequencies = ConceptFrequencies(matchers, table: documents)
            made[key] = frequencies
            cached[key] = frequencies
            return frequencies
        }
        conceptFrequencies.insert(made)
        return result
    }

    /// Cache keys: terms never contain spaces or control characters, so these cannot collide.
    private static func cacheKey(_ alternative: Concept.Alternative) -> String {
        alternative.terms.count == 1 && !alternative.allOf
            ? alternative.terms[0]
            : (alternative.allOf ? derivedMarker + "all " : derivedMarker + "phrase ") + alternative.terms.joined(separator: " ")
    }

    private static let derivedMarker = "\u{1}"

    /// Whether a postings cache key names combined postings (a phrase or compound parts), not one term's.
    static func isDerived(_ key: String) -> Bool { key.hasPrefix(derivedMarker) }
}
