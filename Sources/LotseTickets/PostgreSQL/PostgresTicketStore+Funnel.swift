import Foundation
import PostgresNIO

/// Article opens and the deflection funnel's rollups (`AnalyticsSchema`).
extension PostgresTicketStore {
    public func recordArticleView(_ view: ArticleView) async throws {
        try await transaction { connection in
            try await connection.query("""
                INSERT INTO article_views(session, article_id, day, first_at, last_at)
                VALUES (\(view.session), \(view.articleID), \(Int32(StageMarks.day(view.time))), \(view.time), \(view.time))
                ON CONFLICT (session, article_id, day) DO UPDATE SET last_at = GREATEST(article_views.last_at, excluded.last_at)
                """, logger: self.logger)
            let opened = StageMarks(session: view.session, article: view.articleID, stage: .opened, time: view.time)
            try await Self.record(opened, connection, self.logger)
        }
    }

    /// Adds the marks a session reaches for the first time, and counts each once on the day it was reached: one
    /// statement, counts updated in key order (two instances cannot deadlock on them).
    static func record(_ marks: StageMarks, _ connection: PostgresConnection, _ logger: Logger) async throws {
        guard !marks.isEmpty else { return }
        let rows = marks.marks
        try await connection.query("""
            WITH reached AS (
                INSERT INTO session_stages(session, article_id, stage, day, reached_at)
                SELECT * FROM unnest(\(rows.map(\.mark.session))::text[], \(rows.map(\.mark.article))::text[],
                                     \(rows.map(\.mark.stage))::text[], \(rows.map { Int32(StageMarks.day($0.time)) })::integer[],
                                     \(rows.map(\.time))::timestamptz[])
                ON CONFLICT DO NOTHING RETURNING day, stage, article_id)
            INSERT INTO stage_counts(day, stage, article_id, sessions)
            SELECT day, stage, article_id, COUNT(*) FROM reached GROUP BY day, stage, article_id ORDER BY day, stage, article_id
            ON CONFLICT (day, stage, article_id) DO UPDATE SET sessions = stage_counts.sessions + excluded.sessions
            """, logger: logger)
    }

    public func funnel(days: ClosedRange<Int>) async throws -> [Int: FunnelCounts] {
        let (first, last) = (Int32(days.lowerBound), Int32(days.upperBound))
        var counts: [Int: FunnelCounts] = [:]
        for row in try await rows("""
            SELECT day, stage, sessions FROM stage_counts WHERE day BETWEEN \(first) AND \(last) AND article_id = ''
            """) {
            let (day, stage, sessions) = try row.decode((Int32, String, Int32).self)
            guard let stage = FunnelStage(rawValue: stage) else { continue }
            counts[Int(day), default: FunnelCounts()].add(stage, Int(sessions))
        }
        // The partial index tickets_after_suggestions covers this scan.
        for row in try await rows("""
            SELECT \(unescaped: AnalyticsSchema.postgresDay("created_at")) AS day, COUNT(*) FROM tickets
            WHERE jsonb_array_length(suggested_articles) > 0 AND created_at >= \(Self.start(of: days.lowerBound))
                AND created_at < \(Self.start(of: days.upperBound + 1))
            GROUP BY day
            """) {
            let (day, tickets) = try row.decode((Int32, Int).self)
            counts[Int(day), default: FunnelCounts()].ticketsAfterSuggestions = tickets
        }
        return counts
    }

    public func articleFunnel(days: ClosedRange<Int>) async throws -> [String: ArticleCounts] {
        var counts: [String: ArticleCounts] = [:]
        for row in try await rows("""
            SELECT article_id, stage, SUM(sessions)::bigint FROM stage_counts
            WHERE day BETWEEN \(Int32(days.lowerBound)) AND \(Int32(days.upperBound)) AND article_id <> ''
            GROUP BY article_id, stage
            """) {
            let (article, stage, sessions) = try row.decode((String, String, Int).self)
            guard let stage = FunnelStage(rawValue: stage) else { continue }
            counts[article, default: ArticleCounts()].add(stage, sessions)
        }
        for row in try await rows("""
            SELECT article_id, COUNT(*) FILTER (WHERE helpful), COUNT(*) FILTER (WHERE NOT helpful) FROM feedback
            WHERE created_at >= \(Self.start(of: days.lowerBound)) AND created_at < \(Self.start(of: days.upperBound + 1))
            GROUP BY article_id
            """) {
            let (article, helpful, notHelpful) = try row.decode((String, Int, Int).self)
            counts[article, default: ArticleCounts()].helpful = helpful
            counts[article, default: ArticleCounts()].notHelpful = notHelpful
        }
        return counts
    }

    /// Midnight UTC starting day number `day`.
    private static func start(of day: Int) -> Date { Date(timeIntervalSince1970: Double(day) * 86_400) }
}
