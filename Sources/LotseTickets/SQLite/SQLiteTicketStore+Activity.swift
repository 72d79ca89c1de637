import Foundation
import GRDB

/// Deflections, feedback, the query log and the numbers the statistics are built from.
extension SQLiteTicketStore {
    public func recordDeflection(_ deflection: DeflectionRecord) async throws -> Int64 {
        try await write { db in
            try db.execute(sql: "INSERT INTO deflections(session, article_id, subject, description, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [deflection.session, deflection.articleID, deflection.subject, deflection.description,
                                       deflection.time.timeIntervalSince1970])
            let id = db.lastInsertedRowID
            let solved = StageMarks(session: deflection.session, article: deflection.articleID, stage: .solved, time: deflection.time)
            try Self.record(solved, db)
            return id
        }
    }

    public func recordFeedback(_ feedback: FeedbackRecord) async throws {
        try await write { db in
            try db.execute(sql: "INSERT INTO feedback(article_id, helpful, session, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [feedback.articleID, feedback.helpful, feedback.session, feedback.time.timeIntervalSince1970])
        }
    }

    public func recordQueries(_ entries: [QueryLogEntry]) async throws {
        guard !entries.isEmpty else { return }
        try await write { db in
            // Prepared once per connection: a batch runs these statements thousands of times.
            let logQuery = try db.cachedStatement(
                sql: "INSERT INTO query_log(endpoint, query, result_count, created_at, session) VALUES (?, ?, ?, ?, ?)")
            let showArticle = try db.cachedStatement(sql: """
                INSERT INTO suggestions(session, article_id, day, first_at, last_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(session, article_id, day) DO UPDATE
                SET first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)
                """)
            for entry in entries {
                let stamp = entry.time.timeIntervalSince1970
                try logQuery.execute(arguments: [entry.endpoint, entry.query, entry.resultCount, stamp, entry.session])
            }
            let shown = SuggestionRows(entries)
            for row in shown.sessions.indices {
                let (first, last) = (shown.firstTimes[row].timeIntervalSince1970, shown.lastTimes[row].timeIntervalSince1970)
                try showArticle.execute(arguments: [shown.sessions[row], shown.articles[row], Int(shown.days[row]), first, last])
            }
            try Self.record(StageMarks(shown: entries), db)
        }
    }

    public func suggestedArticles(session: String) async throws -> [String] {
        try await read { db in try Self.suggestedArticles(db, session: session) }
    }

    static func suggestedArticles(_ db: Database, session: String) throws -> [String] {
        guard !session.isEmpty else { return [] }
        return try String.fetchAll(db, sql: """
            SELECT article_id FROM suggestions WHERE session = ? GROUP BY article_id ORDER BY min(first_at), article_id
            """, arguments: [session])
    }

    public func learningOutcomes() async throws -> [LearningOutcome] {
        try await read { db in
            // Through a cursor: a 100,000-draft log as an array of rows first was a tenth of what learning added to a build.
            var outcomes: [LearningOutcome] = []
            for sql in [LearningQueries.deflections, LearningQueries.helpfulVotes] {
                let rows = try Row.fetchCursor(db, sql: sql)
                while let row = try rows.next() {
                    if let text = row[2] as String? { outcomes.append(LearningOutcome(session: row[0], articleID: row[1], text: text)) }
                }
            }
            return outcomes
        }
    }

    public func activity(since: Date) async throws -> TicketActivity {
        try await read { db in
            let stamp = since.timeIntervalSince1970
            var activity = TicketActivity()
            // Two counts from two indexes (tickets_created, tickets_after_suggestions): no ticket row is read.
            activity.submitted = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets WHERE created_at >= ?", arguments: [stamp]) ?? 0
            activity.submittedAfterSuggestions = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM tickets WHERE created_at >= ? AND suggested_articles <> '[]'", arguments: [stamp]) ?? 0
            for row in try Row.fetchAll(db, sql: "SELECT article_id, COUNT(*) FROM deflections WHERE created_at >= ? GROUP BY article_id",
                                        arguments: [stamp]) {
                activity.deflectionsByArticle[row[0]] = row[1]
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT article_id, SUM(helpful <> 0), SUM(helpful = 0) FROM feedback WHERE created_at >= ? GROUP BY article_id
                """, arguments: [stamp]) {
                activity.feedbackByArticle[row[0]] = FeedbackCounts(helpful: row[1], notHelpful: row[2])
            }
            // Grouped case-insensitively in Swift: SQLite's lower() folds ASCII only ("Übersicht" vs "übersicht").
            for row in try Row.fetchAll(db, sql: """
                SELECT query, COUNT(*) FROM query_log WHERE result_count = 0 AND query <> '' AND created_at >= ? GROUP BY query
                """, arguments: [stamp]) {
                let query: String = row[0]
                activity.zeroResultQueries[query.lowercased(), default: 0] += row[1] as Int
            }
            activity.suggestedArticles = Set(try String.fetchAll(db, sql: StatisticsIndexes.suggestedSince(":since"),
                                                                 arguments: ["since": stamp]))
            return activity
        }
    }
}
