import Foundation
import GRDB
import LotseAnalysis
import LotseIndex

/// Answers search-box queries and ticket drafts from one index file.
/// Thread-safe: reads go through a small pool of read-only connections; per-query state is local.
public final class SearchEngine: Sendable {
    public let indexPath: String
    private let connections: [DatabaseQueue]
    private let next = Atomic<Int>(0)
    let statistics: IndexStatistics
    private let synonyms: Synonyms
    private let corrector: TypoCorrector

    /// Opens `indexPath` with `connectionCount` read-only connections; `synonymsText` overrides the bundled list.
    public init(indexPath: String, connectionCount: Int = 2, synonymsText: String? = nil) throws {
        self.indexPath = indexPath
        connections = try (0..<max(1, connectionCount)).map { _ in
            try IndexStore.openReadOnly(path: indexPath) { db in try ScoringFunction.register(on: db) }
        }
        statistics = try connections[0].read { db in try IndexStatistics.load(db) }
        let text = synonymsText ?? Synonyms.bundledPath.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
        synonyms = Synonyms(text: text, analyzer: Analyzer())
        corrector = TypoCorrector(vocabulary: statistics.words)
    }

    public var articleCount: Int { statistics.documentCount }
    public var analyzerVersion: String { statistics.analyzerVersion }
    public var categories: [String: Int] { statistics.categories }

    /// The search box: short queries AND first, relaxed to OR; long ones ranked like drafts.
    public func search(_ query: String, options: SearchOptions = SearchOptions()) async throws -> [SearchResult] {
        let planner = makePlanner()
        let concepts = planner.concepts(query: query, prefixLastWord: true)
        let mode: QueryMode = concepts.count > 6 ? .draft : .short
        return try await run(concepts, mode: mode, options: options, planner: planner)
    }

    /// Suggestions for a ticket being written: subject weighted above the description.
    public func suggest(subject: String, description: String, options: SearchOptions = SearchOptions()) async throws -> [SearchResult] {
        let planner = makePlanner()
        let concepts = planner.concepts(subject: subject, description: description, prefixLastWord: true)
        let mode: QueryMode = concepts.count > 6 || !description.isEmpty ? .draft : .short
        return try await run(concepts, mode: mode, options: options, planner: planner)
    }

    // MARK: - Internals

    private func makePlanner() -> QueryPlanner {
        QueryPlanner(statistics: statistics, synonyms: synonyms, corrector: corrector)
    }

    var connection: DatabaseQueue {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return connections[index % connections.count]
    }

    private struct Candidate {
        var rowid: Int64
        var score: Double
    }

    private func run(_ concepts: [Concept], mode: QueryMode, options: SearchOptions, planner: QueryPlanner) async throws -> [SearchResult] {
        guard !concepts.isEmpty else { return [] }
        let weights = concepts.map { $0.weight * $0.idf }
        var options = options
        if mode == .draft { options.minimumScore *= SearchOptions.draftThresholdFactor }
        guard let any = QueryBuilder.build(concepts, combining: .any) else { return [] }
        var candidates: [Candidate] = []
        if mode == .short, concepts.count > 1, let all = QueryBuilder.build(concepts, combining: .all) {
            candidates = try await rank(all, weights: weights, exponent: 1.5, options: options)
        }
        if candidates.count < options.limit {
            let more = try await rank(any, weights: weights, exponent: mode == .draft ? 1.0 : 1.5, options: options)
            let seen = Set(candidates.map(\.rowid))
            candidates += more.filter { !seen.contains($0.rowid) }
        }
        candidates = Array(candidates.prefix(options.limit))
        guard !candidates.isEmpty else { return [] }
        return try await results(for: candidates, match: any.match, analyzer: planner.analyzers[.de]!)
    }

    private func rank(_ query: QueryBuilder.Query, weights: [Double], exponent: Double, options: SearchOptions) async throws -> [Candidate] {
        let plan = ScoringPlan(phraseConcepts: query.phraseConcepts, phraseWeights: query.phraseWeights,
                               conceptWeights: weights, coverageExponent: exponent)
        var filters = ["fts MATCH ?"]
        var filterArguments: StatementArguments = [query.match]
        var join = ""
        if options.language != nil || options.category != nil {
            join = " JOIN articles ON articles.rowid = fts.rowid"
            if let language = options.language {
                filters.append("articles.lang = ?")
                filterArguments += [language.rawValue]
            }
            if let category = options.category {
                filters.append("articles.category = ?")
                filterArguments += [category]
            }
        }
        let sql = """
            SELECT fts.rowid, lotse_score(fts, ?) AS score FROM fts\(join)
            WHERE \(filters.joined(separator: " AND ")) ORDER BY score DESC LIMIT ?
            """
        var arguments: StatementArguments = [plan.encoded]
        arguments += filterArguments
        arguments += [options.limit]
        let (statement, values) = (sql, arguments)
        return try await connection.read { db in
            // Cached per connection: the same few statement shapes repeat for every query.
            try Row.fetchAll(db.cachedStatement(sql: statement), arguments: values).compactMap { row in
                let score: Double = row[1]
                return score >= options.minimumScore ? Candidate(rowid: row[0], score: score) : nil
            }
        }
    }

    /// Metadata and snippets of the final results; match positions come from the index (every concept's hits).
    private func results(for candidates: [Candidate], match: String, analyzer: Analyzer) async throws -> [SearchResult] {
        let placeholders = Array(repeating: "?", count: candidates.count).joined(separator: ",")
        let rows = try await connection.read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT articles.rowid, articles.id, articles.title, articles.url, articles.category, articles.body,
                       lotse_positions(fts, 3)
                FROM fts JOIN articles ON articles.rowid = fts.rowid
                WHERE fts MATCH ? AND fts.rowid IN (\(placeholders))
                """), arguments: [match] + StatementArguments(candidates.map(\.rowid)))
        }
        var byRowid: [Int64: Row] = [:]
        for row in rows { byRowid[row[0]] = row }
        return candidates.compactMap { candidate in
            guard let row = byRowid[candidate.rowid] else { return nil }
            return SearchResult(id: row[1], title: row[2], url: row[3], category: row[4],
                                snippet: SnippetBuilder.snippet(of: row[5], matched: SnippetBuilder.positions(row[6]), analyzer: analyzer),
                                score: (candidate.score * 1000).rounded() / 1000)
        }
    }
}

import Synchronization

/// One article as the API returns it.
public struct ArticleDetail: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var category: String
    public var tags: [String]
    public var lang: String
    public var url: String?
    public var updated: String?
    public var html: String
}

extension SearchEngine {
    public func article(id: String) async throws -> ArticleDetail? {
        try await connection.read { db in
            try Row.fetchOne(db, sql: "SELECT id, title, category, tags, lang, url, updated, html FROM articles WHERE id = ?", arguments: [id])
        }.map { row in
            let tags: String = row[3]
            return ArticleDetail(id: row[0], title: row[1], category: row[2],
                                 tags: tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                                 lang: row[4], url: row[5], updated: row[6], html: row[7])
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
