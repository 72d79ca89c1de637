import Foundation
import PostgresNIO

/// Deflections, feedback, the query log and the numbers the statistics are built from.
extension PostgresTicketStore {
    public func recordDeflection(_ deflection: DeflectionRecord) async throws -> Int64 {
        try await transaction { connection in
            let rows = try await connection.query("""
                INSERT INTO deflections(session, article_id, subject, description, created_at)
                VALUES (\(deflection.session), \(deflection.articleID), \(deflection.subject), \(deflection.description),
                        \(deflection.time))
                RETURNING id
                """, logger: self.logger).collect()
            guard let id = try rows.first?.decode(Int64.self) else {
                throw TicketStoreError.storageUnavailable("deflection insert returned no row")
            }
            let solved = StageMarks(session: deflection.session, article: deflection.articleID, stage: .solved, time: deflection.time)
            try await Self.record(solved, connection, self.logger)
            return id
        }
    }

    public func recordFeedback(_ feedback: FeedbackRecord) async throws {
        _ = try await rows("""
            INSERT INTO feedback(article_id, helpful, session, created_at)
            VALUES (\(feedback.articleID), \(feedback.helpful), \(feedback.session), \(feedback.time))
            """)
    }

    /// One statement per table (arrays unnested). Suggestion rows are merged per key and written in key order,
    /// so two instances flushing overlapping batches lock the same rows in the same order and cannot deadlock.
    public func recordQueries(_ entries: [QueryLogEntry]) async throws {
        guard !entries.isEmpty else { return }
        let shown = SuggestionRows(entries)
        try await transaction { connection in
            try await connection.query("""
                INSERT INTO query_log(endpoint, query, result_count, created_at, session)
                SELECT endpoint, query, result_count, created_at, NULLIF(session, '')
                FROM unnest(\(entries.map(\.endpoint))::text[], \(entries.map(\.query))::text[],
                            \(entries.map { Int64($0.resultCount) })::bigint[], \(entries.map(\.time))::timestamptz[],
                            \(entries.map { $0.session ?? "" })::text[]) AS batch(endpoint, query, result_count, created_at, session)
                """, logger: self.logger)
            try await Self.record(StageMarks(shown: entries), connection, self.logger)
            guard !shown.isEmpty else { return }
            try await connection.query("""
                INSERT INTO suggestions(session, article_id, day, first_at, last_at)
                SELECT * FROM unnest(\(shown.sessions)::text[], \(shown.articles)::text[], \(shown.days)::integer[],
                                     \(shown.firstTimes)::timestamptz[], \(shown.lastTimes)::timestamptz[])
                ON CONFLICT (session, article_id, day) DO UPDATE
                SET first_at = LEAST(suggestions.first_at, excluded.first_at), last_at = GREATEST(suggestions.last_at, excluded.last_at)
                """, logger: self.logger)
        }
    }

    public func suggestedArticles(session: String) async throws -> [String] {
        try await run { [self] in try await client.withConnection { try await Self.suggestedArticles(session: session, $0, self.logger) } }
    }

    static func suggestedArticles(session: String, _ connection: PostgresConnection, _ logger: Logger) async throws -> [String] {
        guard !session.isEmpty else { return [] }
        return try await connection.query("""
            SELECT article_id FROM suggestions WHERE session = \(session) GROUP BY article_id ORDER BY min(first_at), article_id
            """, logger: logger).collect().map { try $0.decode(String.self) }
    }

    public func learningOutcomes() async throws -> [LearningOutcome] {
        let deflections = try await rows(PostgresQuery(unsafeSQL: LearningQueries.deflections))
        let votes = try await rows(PostgresQuery(unsafeSQL: LearningQueries.helpfulVotes))
        return try (deflections + votes).compactMap { row in
            let (session, article, text) = try row.decode((String, String, String?).self)
            return text.map { LearningOutcome(session: session, articleID: article, text: $0) }
        }
    }

    public func activity(since: Date) async throws -> TicketActivity {
        var activity = TicketActivity()
        // Two counts from two indexes (tickets_created, tickets_after_suggestions): no ticket row is read.
        activity.submitted = try await rows("SELECT COUNT(*) FROM tickets WHERE created_at >= \(since)").first?.decode(Int.self) ?? 0
        activity.submittedAfterSuggestions = try await rows("""
            SELECT COUNT(*) FROM tickets WHERE created_at >= \(since) AND jsonb_array_length(suggested_articles) > 0
            """).first?.decode(Int.self) ?? 0
        for row in try await rows("SELECT article_id, COUNT(*) FROM deflections WHERE created_at >= \(since) GROUP BY article_id") {
            let (article, count) = try row.decode((String, Int).self)
            activity.deflectionsByArticle[article] = count
        }
        for row in try await rows("""
            SELECT article_id, COUNT(*) FILTER (WHERE helpful), COUNT(*) FILTER (WHERE NOT helpful) FROM feedback
            WHERE created_at >= \(since) GROUP BY article_id
            """) {
            let (article, helpful, notHelpful) = try row.decode((String, Int, Int).self)
            activity.feedbackByArticle[article] = FeedbackCounts(helpful: helpful, notHelpful: notHelpful)
        }
        // Grouped case-insensitively in Swift, as in the SQLite store, so both fold "Übersicht" the same way.
        for row in try await rows("""
            SELECT query, COUNT(*) FROM query_log WHERE result_count = 0 AND query <> '' AND created_at >= \(since) GROUP BY query
            """) {
            let (query, count) = try row.decode((String, Int).self)
            activity.zeroResultQueries[query.lowercased(), default: 0] += count
        }
        var bindings = PostgresBindings()
        bindings.append(since)
        activity.suggestedArticles = Set(try await rows(PostgresQuery(unsafeSQL: StatisticsIndexes.suggestedSince("$1"), binds: bindings))
            .map { try $0.decode(String.self) })
        return activity
    }
}
