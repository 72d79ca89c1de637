import Foundation
import GRDB
import LotseAnalysis
import LotseIndex
import LotseSemantic
import Synchronization

/// Answers search-box queries and ticket drafts from one index file.
/// Thread-safe: reads go through a small pool of read-only connections; per-query state is local.
public final class SearchEngine: Sendable {
    public let indexPath: String
    private let connections: [DatabaseQueue]
    private let next = Atomic<Int>(0)
    let statistics: IndexStatistics
    let documents: DocumentTable
    /// Budgets: shares of the engine's `CacheMemory`.
    let postings: MemoryCache<String, Postings>
    let conceptFrequencies: MemoryCache<String, ConceptFrequencies>
    private let plans: MemoryCache<String, PlannedQuery>
    /// By rowid: what a result shows of its article, and the body's word ranges for snippets.
    private let resultSources: MemoryCache<Int64, ResultSource>
    /// nil when the engine was opened without a result cache (benchmarks of the ranking itself).
    private let answers: MemoryCache<String, CachedResults>?
    /// Lookups in `answers` that found / did not find the query (benchmarks report the hit rate).
    private let answerHits = Atomic<Int>(0), answerMisses = Atomic<Int>(0)
    /// Postings being read, by term: each term's task reads a batch of terms (see `load`).
    let loading = Mutex<[String: Task<[String: Postings], any Error>]>([:])
    /// The built-in synonyms with the operator's, the operator's pins, and their generation (part of every cache
    /// key, so a new curation never meets answers planned under the previous one).
    let curation = Mutex(CurationState(synonyms: .bundled, pins: .empty, generation: 0))
    private let corrector: TypoCorrector
    /// The articles' spellings of folded words, for what the encoder reads (`semanticText`).
    let spellings: ArticleSpellings
    /// Article vectors and the query encoder; nil: lexical-only (no model, or an index without vectors).
    let semantic: SemanticRanking?

    /// Opens `indexPath` with `connectionCount` read-only connections, with the built-in synonyms (`curate` adds an operator's).
    /// Without `cachesResults` a repeated query is ranked again (its postings, plan and snippets stay cached).
    /// With `semantic`, an index whose vectors that model made is searched hybrid (`SemanticRanking`).
    /// `embedsTypingInBackground` (`lotse serve`): a search-box text is never kept waiting for the encoder; it is
    /// ranked with its last finished words' embedding while its own is computed (without: always its own, as
    /// `lotse evaluate` needs). `learnedWeight` replaces the learned column's weight (for tuning it). `cacheMemory`
    /// bounds all caches together.
    public init(indexPath: String, connectionCount: Int = 2, cachesResults: Bool = true,
                semantic model: SemanticModel? = nil, fusion: FusionParameters = FusionParameters(),
                embedsTypingInBackground: Bool = false,
                learnedWeight: Double = SearchEngine.defaultLearnedWeight, cacheMemory: CacheMemory = .standard) throws {
        self.indexPath = indexPath
        postings = MemoryCache(budget: cacheMemory.postings)
        conceptFrequencies = MemoryCache(budget: cacheMemory.conceptFrequencies)
        plans = MemoryCache(budget: cacheMemory.plans)
        resultSources = MemoryCache(budget: cacheMemory.resultSources)
        answers = cachesResults ? MemoryCache(budget: cacheMemory.answers) : nil
        connections = try (0..<max(1, connectionCount)).map { _ in
            try IndexStore.openReadOnly(path: indexPath) { db in try db.execute(sql: Postings.instanceTableSQL) }
        }
        let words: [String: Int]
        (statistics, documents, words, spellings) = try connections[0].read { db in
            (try IndexStatistics.load(db), try DocumentTable.load(db, learnedWeight: learnedWeight), try IndexStatistics.words(db),
             model == nil ? ArticleSpellings([:]) : try ArticleSpellings.load(db))
        }
        let reader = connections[0], table = documents
        semantic = try model.flatMap { model in
            try reader.read { db in
                try SemanticRanking.load(db, model: model, documents: table, parameters: fusion, cacheBytes: cacheMemory.queryVectors,
                                         embedsTypingInBackground: embedsTypingInBackground)
            }
        }
        corrector = TypoCorrector(vocabulary: words)
    }

    /// The learned column's weight against the body's 1 (title 6).
    public static let defaultLearnedWeight = DocumentTable.defaultLearnedWeight
    public var articleCount: Int { statistics.documentCount }
    public var analyzerVersion: String { statistics.analyzerVersion }
    public var categories: [String: Int] { statistics.categories }
    /// True when queries are ranked hybrid (lexical and semantic).
    public var isSemantic: Bool { semantic != nil }
    /// Search-box texts ranked with their own embedding, an older text's, none yet (typing in the background;
    /// benchmarks report them).
    public var typedEmbeddingCounts: (exact: Int, older: Int, without: Int)? { semantic?.typedCounts }
    /// Categories with their number of articles in `language` (every language: nil).
    public func categories(language: Language?) -> [String: Int] {
        language.map { statistics.categoriesByLanguage[$0] ?? [:] } ?? statistics.categories
    }
    /// Each search cache's lookups so far and its bytes now, by name (benchmarks report them).
    public var cacheCounts: KeyValuePairs<String, CacheCounts> {
        ["postings": postings.counts, "concepts": conceptFrequencies.counts, "plans": plans.counts,
         "result sources": resultSources.counts, "answers": answers?.counts ?? CacheCounts(hits: 0, misses: 0, bytes: 0, budget: 0)]
    }
    /// Result-cache lookups of this engine so far (both 0 without `cachesResults`).
    public var resultCacheCounts: (hits: Int, misses: Int) { (answerHits.load(ordering: .relaxed), answerMisses.load(ordering: .relaxed)) }

    /// The search box: short queries AND first, relaxed to OR; long ones ranked like drafts.
    public func search(_ query: String, options: SearchOptions = SearchOptions()) async throws -> [SearchResult] {
        try await answer(.query(query), options: options)
    }

    /// Suggestions for a ticket being written: subject weighted above the description.
    public func suggest(subject: String, description: String, options: SearchOptions = SearchOptions()) async throws -> [SearchResult] {
        try await answer(.draft(subject: subject, description: description), options: options)
    }

    /// The one entry point behind `search` and `suggest`, for callers that hold either kind of input.
    public func answer(_ input: SearchInput, options: SearchOptions = SearchOptions()) async throws -> [SearchResult] {
        let curation = curation.withLock { $0 }
        return try await cached(Self.key(input, curation), options, typed: input.isTyped && options.typing,
                                early: { earlySimilarities(input) }) {
            plannedWithPins(input, curation)
        }
    }

    /// An input's ranking with every match (no answer decision) and the evidence the decision would weigh:
    /// what `lotse evaluate --features` writes for tuning it.
    public func explain(_ input: SearchInput, limit: Int) async throws -> (ids: [String], evidence: AnswerEvidence?) {
        let (concepts, mode, encoderText) = planned(input)
        guard let ranked = try await rank(concepts, mode: mode, encoderText: encoderText,
                                          options: SearchOptions(limit: limit, minimumScore: 0)) else {
            return ([], nil)
        }
        var evidence = ranked.evidence
        // Only tuning reads a draft's standout (a pass over every article's cosine): computed here, not per request.
        if evidence.draft, let cosines = ranked.cosines, let similarity = evidence.similarity {
            evidence.standout = MatchEvidence.standout(of: similarity, among: cosines)
        }
        return (try await results(for: ranked.candidates, matchers: ranked.matchers).map(\.id), evidence)
    }

    private static func key(_ input: SearchInput, _ curation: CurationState) -> String {
        switch input {
        case .query(let query): "\(curation.generation)search\u{0}" + query
        case .draft(let subject, let description): "\(curation.generation)suggest\u{0}" + subject + "\u{0}" + description
        }
    }

    /// The input's concepts, how to rank them and what the encoder reads, under `curation` (the engine's current one
    /// when nil): a search-box query with many concepts, and every draft with a description, is ranked like a draft.
    func planned(_ input: SearchInput, _ curation: CurationState? = nil) -> ([Concept], QueryMode, encoderText: String?) {
        let planned = plannedWithPins(input, curation ?? self.curation.withLock { $0 })
        return (planned.concepts, planned.mode, planned.encoderText)
    }

    /// The same and the articles `curation`'s pins place for the input.
    private func plannedWithPins(_ input: SearchInput, _ curation: CurationState)
        -> (concepts: [Concept], mode: QueryMode, encoderText: String?, pinned: [PinTable.Placement])
    {
        let planned = planned(Self.key(input, curation), curation) { planner in
            switch input {
            case .query(let query): planner.concepts(query: query, prefixLastWord: true)
            case .draft(let subject, let description): planner.concepts(subject: subject, description: description, prefixLastWord: true)
            }
        } pinned: { planner in
            curation.pins.placements(for: input, analyzer: planner.german)
        } encoderText: { planner, concepts in
            semanticText(input.semanticText, mode: Self.mode(input, concepts), analyzer: planner.german)
        }
        return (planned.concepts, Self.mode(input, planned.concepts), planned.encoderText, planned.pinned)
    }

    private static func mode(_ input: SearchInput, _ concepts: [Concept]) -> QueryMode {
        switch input {
        case .query: concepts.count > 6 ? .draft : .short
        case .draft(_, let description): concepts.count > 6 || !description.isEmpty ? .draft : .short
        }
    }

    // MARK: - Internals

    /// Results per query text and options while they stay in the cache: the index file never changes under an
    /// engine (a reload opens a new engine, with empty caches), so a cached answer is the answer.
    private func cached(_ key: String, _ options: SearchOptions, typed: Bool, early: () -> EarlySimilarities?,
                        plan: () -> (concepts: [Concept], mode: QueryMode, encoderText: String?, pinned: [PinTable.Placement]))
        async throws -> [SearchResult]
    {
        let resultKey = key + "\u{0}\(options.limit)\u{0}\(options.language?.rawValue ?? "")"
            + "\u{0}\(options.category ?? "")\u{0}\(options.minimumScore ?? -1)"
        if let hit = answers?.values(for: [resultKey])[resultKey] {
            answerHits.add(1, ordering: .relaxed)
            return hit.results
        }
        if answers != nil { answerMisses.add(1, ordering: .relaxed) }
        let early = early()
        let (concepts, mode, encoderText, pinned) = plan()
        let (results, exact) = try await run(concepts, mode: mode, encoderText: encoderText, typed: typed, options: options, pinned: pinned,
                                             started: early?.task(for: encoderText))
        // Ranked with an older text's embedding (typing in the background): the next ask gets the text's own.
        if exact { answers?.insert([resultKey: CachedResults(results: results, keyBytes: resultKey.utf8.count)]) }
        return results
    }

    /// The concepts of a text and its pinned articles, planned once per engine while they stay in the cache (the text
    /// and the curation's generation are the key, so a repeated query skips analysis, typo correction and completion).
    /// The pins are matched with the planner's analyzer, which has just folded and stemmed the same words.
    private func planned(_ key: String, _ curation: CurationState, _ plan: (QueryPlanner) -> [Concept],
                         pinned: (QueryPlanner) -> [PinTable.Placement],
                         encoderText: (QueryPlanner, [Concept]) -> String?) -> PlannedQuery {
        if let cached = plans.values(for: [key])[key] { return cached }
        let planner = QueryPlanner(statistics: statistics, synonyms: curation.synonyms, corrector: corrector)
        let concepts = misspellings(plan(planner))
        let planned = PlannedQuery(concepts: concepts, pinned: curation.pins.isEmpty ? [] : pinned(planner),
                                   encoderText: semantic == nil ? nil : encoderText(planner, concepts), keyBytes: key.utf8.count)
        plans.insert([key: planned])
        return planned
    }

    var connection: DatabaseQueue {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return connections[index % connections.count]
    }

    /// Stops between its stages once the request is cancelled (past its deadline, or the client went away),
    /// so abandoned work gives its compute slot back early. Pinned articles are shown even when the ranking would
    /// not answer (the operator answered for it); the ranking is asked for as many more as there are pins.
    private func run(_ concepts: [Concept], mode: QueryMode, encoderText: String?, typed: Bool, options: SearchOptions,
                     pinned: [PinTable.Placement], started: PendingSimilarities?) async throws -> (results: [SearchResult], exact: Bool) {
        try Task.checkCancellation()
        let accepts = filter(options), pinned = pinned.filter { accepts($0.document) }
        var ranking = options
        ranking.limit += pinned.count
        let ranked = try await rank(concepts, mode: mode, encoderText: encoderText, typed: typed, options: ranking, started: started)
        var candidates = ranked?.candidates ?? []
        if let ranked, options.minimumScore == nil, !AnswerDecision.answers(ranked.evidence) { candidates = [] }
        if !pinned.isEmpty { candidates = PinTable.place(pinned, in: candidates, limit: options.limit) }
        let exact = ranked?.exact ?? true
        guard !candidates.isEmpty else { return ([], exact) }
        try Task.checkCancellation()
        return (try await results(for: candidates, matchers: ranked?.matchers ?? []), exact)
    }

    /// A ranking: the best candidates, what the best matched, and whether the semantic half used the query's own
    /// embedding (false: an older text's, see `SemanticRanking.similarities(of:draft:)`).
    struct Ranked {
        var candidates: [Ranker.Candidate]
        var evidence: AnswerEvidence
        var matchers: [[ConceptFrequencies.Matcher]]
        var exact = true
        /// Every article's cosine with the text, when the ranking was fused (for `explain`'s draft standout).
        var cosines: Cosines? = nil
    }

    /// The best candidates (above a fixed minimum score when one is given, else all) and what the best matched;
    /// with the semantic ranking, the lexical ones fused with the articles closest to `encoderText` (`semanticText`;
    /// `typed`: search-box text, which may be ranked with an older embedding, `SemanticRanking.similarities(of:draft:typed:)`).
    func rank(_ concepts: [Concept], mode: QueryMode, encoderText: String? = nil, typed: Bool = false, options: SearchOptions,
              fuses: Bool = true, started early: PendingSimilarities? = nil) async throws -> Ranked? {
        let started = fuses ? early ?? startSimilarities(encoderText, mode: mode, typed: typed) : nil
        guard let query = QueryBuilder.build(concepts) else {
            return await semanticOnly(encoderText, mode: mode, typed: typed, options: options, started: started)
        }
        let matchers = try await matchers(for: query)
        try Task.checkCancellation()
        let weights = concepts.map { $0.weight * $0.idf }
        let ranker = Ranker(concepts: frequencies(for: query, matchers: matchers), weights: weights, optional: concepts.map(\.isSymptom),
                            documentCount: documents.count)
        let minimumScore = (options.minimumScore ?? 0) * (mode == .draft ? SearchOptions.draftThresholdFactor : 1)
        let accepts = filter(options)
        let limit = semantic.map { max(options.limit, $0.parameters.pool) } ?? options.limit
        var candidates: [Ranker.Candidate] = []
        if mode == .short, concepts.count > 1 {
            candidates = ranker.top(limit: limit, minimumScore: minimumScore, coverageExponent: 1.5, requireAll: true,
                                    where: accepts)
        }
        if candidates.count < limit {
            let more = ranker.top(limit: limit, minimumScore: minimumScore, coverageExponent: mode == .draft ? 1.0 : 1.5,
                                  requireAll: false, where: accepts)
            let seen = Set(candidates.map(\.document))
            candidates += more.filter { !seen.contains($0.document) }
        }
        guard let best = candidates.first else {
            return await semanticOnly(encoderText, mode: mode, typed: typed, options: options, started: started)
        }
        // The lexical evidence is the lexical best's; the hybrid ranking adds the cosine of its own best.
        let coverage = MatchEvidence.coverage(of: best.document, matchers: matchers, weights: weights,
                                              misspelt: concepts.map { $0.correction != nil })
        var evidence = AnswerEvidence(score: best.score, wordCoverage: coverage.words, draft: mode == .draft,
                                      misspeltCoverage: coverage.misspelt, unknownShare: coverage.unknown, concepts: concepts.count)
        var exact = true, cosines: Cosines?
        if fuses, let semantic, let text = encoderText {
            // No embedding of the text or an older one yet (typing in the background): lexical-only this once.
            exact = false
            if let similarity = await started?.value ?? semantic.similarities(of: text, draft: mode == .draft, typed: typed) {
                let fused = semantic.fuse(candidates, similarity: similarity.values, draft: mode == .draft, limit: options.limit,
                                          accepts: accepts)
                (candidates, evidence.similarity, evidence.agreement) = (fused.candidates, fused.similarity, fused.agreement)
                exact = similarity.exact
                cosines = similarity.values
            }
        }
        return Ranked(candidates: Array(candidates.prefix(fuses ? options.limit : limit)), evidence: evidence, matchers: matchers,
                      exact: exact, cosines: cosines)
    }

    func filter(_ options: SearchOptions) -> (Int32) -> Bool {
        let language = options.language?.rawValue, category = options.category, table = documents
        return { document in
            (language == nil || table.languages[Int(document)] == language)
                && (category == nil || table.categories[Int(document)] == category)
        }
    }

    /// Metadata and snippets of the final results; the highlighted positions are the body positions of every
    /// concept's matches in that article, straight from the postings. Articles shown before come from the cache,
    /// so a warm query reads nothing from SQLite.
    private func results(for candidates: [Ranker.Candidate], matchers: [[ConceptFrequencies.Matcher]]) async throws -> [SearchResult] {
        let rowids = candidates.map { documents.rowids[Int($0.document)] }
        var sources = resultSources.values(for: rowids)
        let missing = rowids.filter { sources[$0] == nil }
        if !missing.isEmpty {
            let loaded = try await ResultSource.load(rowids: missing, from: connection)
            resultSources.insert(loaded)
            sources.merge(loaded) { cached, _ in cached }
        }
        return zip(candidates, rowids).compactMap { candidate, rowid -> SearchResult? in
            guard let source = sources[rowid] else { return nil }
            let matched = Self.bodyPositions(of: candidate.document, in: matchers)
            return SearchResult(id: source.id, title: source.title, url: source.url, category: source.category,
                                snippet: SnippetBuilder.snippet(of: source.body, words: source.words, matched: matched),
                                score: (candidate.score * 1000).rounded() / 1000, ticketOnly: source.ticketOnly)
        }
    }

    /// Ascending and distinct.
    private static func bodyPositions(of document: Int32, in matchers: [[ConceptFrequencies.Matcher]]) -> [Int] {
        var positions: [Int] = []
        for matcher in matchers.joined() {
            guard let index = matcher.postings.index(of: document) else { continue }
            for position in matcher.postings.positions(at: index) where position >> Postings.columnShift == DocumentTable.bodyColumn {
                positions.append(Int(position & Postings.offsetMask))
            }
        }
        positions.sort()
        return positions.enumerated().filter { $0.offset == 0 || positions[$0.offset - 1] != $0.element }.map(\.element)
    }
}


/// One article as the API returns it.
public struct ArticleDetail: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var category: String
    public var tags: [String]
    public var lang: String
    public var url: String?
    public var updated: String?
    public var ticketOnly: Bool
    public var html: String
}

extension SearchEngine {
    public func article(id: String) async throws -> ArticleDetail? {
        try await article(where: "id", is: id)
    }
}

extension SearchEngine {
    /// What `id` learned from outcomes (README "Learning from outcomes"); nil when the index has no such article.
    public func learnedWords(articleID id: String) async throws -> [LearnedWord]? {
        try await connection.read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM articles WHERE id = ?", arguments: [id]) != nil else { return nil }
            return try LearnedTable.words(of: id, db)
        }
    }
}

extension SearchEngine {
    /// Every article's id and title, by id.
    public func articleTitles() async throws -> [(id: String, title: String)] {
        try await connection.read { db in
            try Row.fetchAll(db, sql: "SELECT id, title FROM articles ORDER BY id").map { (id: $0[0], title: $0[1]) }
        }
    }
}
