import Foundation
import GRDB

/// Article opens and the deflection funnel's rollups (`AnalyticsSchema`).
extension SQLiteTicketStore {
    public func recordArticleView(_ view: ArticleView) async throws {
        try await write { db in
            let stamp = view.time.timeIntervalSince1970
            try db.execute(sql: """
                INSERT INTO article_views(session, article_id, day, first_at, last_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(session, article_id, day) DO UPDATE SET last_at = max(last_at, excluded.last_at)
                """, arguments: [view.session, view.articleID, StageMarks.day(view.time), stamp, stamp])
            try Self.record(StageMarks(session: view.session, article: view.articleID, stage: .opened, time: view.time), db)
        }
    }

    /// Adds the marks a session reaches for the first time, and counts each once on the day it was reached.
    static func record(_ marks: StageMarks, _ db: Database) throws {
        guard !marks.isEmpty else { return }
        let reach = try db.cachedStatement(sql: """
            INSERT INTO session_stages(session, article_id, stage, day, reached_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        let count = try db.cachedStatement(sql: """
            INSERT INTO stage_counts(day, stage, article_id, sessions) VALUES (?, ?, ?, 1)
            ON CONFLICT(day, stage, article_id) DO UPDATE SET sessions = sessions + 1
            """)
        for (mark, time) in marks.marks {
            let day = StageMarks.day(time)
            try reach.execute(arguments: [mark.session, mark.article, mark.stage, day, time.timeIntervalSince1970])
            if db.changesCount > 0 { try count.execute(arguments: [day, mark.stage, mark.article]) }
        }
    }

    public func funnel(days: ClosedRange<Int>) async throws -> [Int: FunnelCounts] {
        try await read { db in
            var counts: [Int: FunnelCounts] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT day, stage, sessions FROM stage_counts WHERE day BETWEEN ? AND ? AND article_id = ''
                """, arguments: [days.lowerBound, days.upperBound]) {
                guard let stage = FunnelStage(rawValue: row[1]) else { continue }
                counts[row[0], default: FunnelCounts()].add(stage, row[2])
            }
            // The partial index tickets_after_suggestions covers this scan.
            for row in try Row.fetchAll(db, sql: """
                SELECT CAST(created_at / 86400 AS INTEGER) AS day, COUNT(*) FROM tickets
                WHERE suggested_articles <> '[]' AND created_at >= ? AND created_at < ? GROUP BY day
                """, arguments: [Double(days.lowerBound) * 86_400, Double(days.upperBound + 1) * 86_400]) {
                counts[row[0], default: FunnelCounts()].ticketsAfterSuggestions = row[1]
            }
            return counts
        }
    }

    public func articleFunnel(days: ClosedRange<Int>) async throws -> [String: ArticleCounts] {
        try await read { db in
            var counts: [String: ArticleCounts] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT article_id, stage, SUM(sessions) FROM stage_counts WHERE day BETWEEN ? AND ? AND article_id <> ''
                GROUP BY article_id, stage
                """, arguments: [days.lowerBound, days.upperBound]) {
                guard let stage = FunnelStage(rawValue: row[1]) else { continue }
                counts[row[0], default: ArticleCounts()].add(stage, row[2])
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT article_id, SUM(helpful <> 0), SUM(helpful = 0) FROM feedback WHERE created_at >= ? AND created_at < ?
                GROUP BY article_id
                """, arguments: [Double(days.lowerBound) * 86_400, Double(days.upperBound + 1) * 86_400]) {
                counts[row[0], default: ArticleCounts()].helpful = row[1]
                counts[row[0], default: ArticleCounts()].notHelpful = row[2]
            }
            return counts
        }
    }
}
