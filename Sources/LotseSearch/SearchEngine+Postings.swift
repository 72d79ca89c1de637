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
                return ConceptFrequencies.Matcher(postings: postings, weight: alternative.weight, corrected: alternative.corrected)
            }
        }
    }

    /// Reads postings from the index, each term once however many queries miss it at the same time (a cold
    /// engine under load would otherwise read the same common terms once per waiting request). The terms no other
    /// request is reading are read together, in one read transaction: a hop onto the connection's queue, a
    /// BEGIN/COMMIT and FTS5's per-transaction setup per query instead of per term.
    func load(_ terms: [String]) async throws -> [String: Postings] {
        let table = documents
        let (batch, mine, waiting) = loading.withLock { loading in
            var mine: [String] = [], waiting: [(term: String, task: Task<[String: Postings], any Error>)] = []
            for term in terms {
                if let task = loading[term] { waiting.append((term, task)) } else if !mine.contains(term) { mine.append(term) }
            }
            guard !mine.isEmpty else { return (nil as Task<[String: Postings], any Error>?, mine, waiting) }
            let connection = self.connection, reading = mine
            let task = Task {
                try await connection.read { db in
                    var read: [String: Postings] = [:]
                    for term in reading { read[term] = try Postings.load(term: term, db, table: table) }
                    return read
                }
            }
            for term in mine { loading[term] = task }
            return (task, mine, waiting)
        }
        defer { loading.withLock { loading in for term in mine { loading[term] = nil } } }
        var loaded = try await batch?.value ?? [:]
        postings.insert(loaded)
        for (term, task) in waiting { loaded[term] = try await task.value[term] }
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
