import Foundation
import GRDB
import LotseTestSupport
import PostgresNIO
import Testing

@testable import LotseTickets

/// The deflection funnel and article numbers over a hand-built log, on every store (`StoreFactory.all`).
@Suite("Funnel store")
struct FunnelStoreTests {
    /// Day number 20,775 is 2026-11-18 (UTC).
    static let day = 20_775

    static func time(_ day: Int, hour: Double) -> Date { Date(timeIntervalSince1970: Double(day) * 86_400 + hour * 3_600) }

    static func shown(_ session: String?, _ articles: [String], _ day: Int, hour: Double = 10) -> QueryLogEntry {
        QueryLogEntry(endpoint: "suggest", query: "Rechnung", resultCount: articles.count, session: session, articleIDs: articles,
                      time: time(day, hour: hour))
    }

    /// Session a: shown x and y on day D, x again on D+1 (across midnight), opens and solves x on D+1.
    /// Session b: shown y on D, opens y on D (twice), votes it not helpful, submits a ticket on D.
    /// Session c: shown x on D+3, solves x without opening. A sessionless search shows z. D+2 has nothing.
    static func fixture(_ store: any TicketStore) async throws {
        let d = day
        try await store.recordQueries([
            shown("a", ["x", "y"], d, hour: 23.5), shown("b", ["y"], d), shown(nil, ["z"], d),
            shown("a", ["x"], d + 1, hour: 0.5), shown("c", ["x"], d + 3),
        ])
        try await store.recordArticleView(ArticleView(session: "b", articleID: "y", time: time(d, hour: 11)))
        try await store.recordArticleView(ArticleView(session: "b", articleID: "y", time: time(d, hour: 12)))
        try await store.recordArticleView(ArticleView(session: "a", articleID: "x", time: time(d + 1, hour: 1)))
        _ = try await store.recordDeflection(DeflectionRecord(session: "a", articleID: "x", time: time(d + 1, hour: 2)))
        _ = try await store.recordDeflection(DeflectionRecord(session: "c", articleID: "x", time: time(d + 3, hour: 11)))
        _ = try await store.recordDeflection(DeflectionRecord(session: nil, articleID: "x", time: time(d + 3, hour: 12)))
        try await store.recordFeedback(FeedbackRecord(articleID: "y", helpful: false, session: "b", time: time(d, hour: 12)))
        try await store.recordFeedback(FeedbackRecord(articleID: "x", helpful: true, session: "a", time: time(d + 1, hour: 3)))
        _ = try await store.createTicket(sampleTicket("b@beispiel.de", session: "b"), idempotencyKey: nil, forward: false,
                                         at: time(d, hour: 13))
        _ = try await store.createTicket(sampleTicket("ohne@beispiel.de"), idempotencyKey: nil, forward: false, at: time(d + 1, hour: 9))
    }

    @Test("each session counts once per stage, on the day it first reached it; tickets after suggestions per day",
          arguments: StoreFactory.all)
    func funnelPerDay(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        try await Self.fixture(store)
        let d = Self.day
        let funnel = try await store.funnel(days: d...(d + 3))
        #expect(funnel[d] == FunnelCounts(shown: 2, opened: 1, solved: 0, ticketsAfterSuggestions: 1))
        #expect(funnel[d + 1] == FunnelCounts(shown: 0, opened: 1, solved: 1, ticketsAfterSuggestions: 0))
        #expect(funnel[d + 2] == nil)
        #expect(funnel[d + 3] == FunnelCounts(shown: 1, opened: 0, solved: 1, ticketsAfterSuggestions: 0))
        #expect(try await store.funnel(days: (d + 1)...(d + 2)).keys.sorted() == [d + 1], "a range sees only its days")
        withExtendedLifetime(keep) {}
    }

    @Test("per article: sessions suggested, opened, solved, and votes; sessionless events count for no session",
          arguments: StoreFactory.all)
    func articleCounts(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        try await Self.fixture(store)
        let d = Self.day
        let all = try await store.articleFunnel(days: d...(d + 3))
        #expect(all["x"] == ArticleCounts(suggested: 2, opened: 1, solved: 2, helpful: 1, notHelpful: 0))
        #expect(all["y"] == ArticleCounts(suggested: 2, opened: 1, solved: 0, helpful: 0, notHelpful: 1))
        #expect(all["z"] == nil)
        let later = try await store.articleFunnel(days: (d + 1)...(d + 3))
        #expect(later["x"] == ArticleCounts(suggested: 1, opened: 1, solved: 2, helpful: 1, notHelpful: 0))
        #expect(later["y"] == nil)
        withExtendedLifetime(keep) {}
    }

    @Test("the series over the store: 7 days, zeros included, one week bucket, the rate's definition", arguments: StoreFactory.all)
    func series(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        try await Self.fixture(store)
        let now = Self.time(Self.day + 3, hour: 18)
        let daily = try await DeflectionSeries.load(from: store, days: 7, bucket: .day, now: now)
        #expect(daily.from == "2026-11-15" && daily.to == "2026-11-21")
        #expect(daily.series.map(\.start) == ["2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20",
                                               "2026-11-21"])
        #expect(daily.series.map(\.shown) == [0, 0, 0, 2, 0, 0, 1])
        #expect(daily.series.map(\.deflectionRate) == [nil, nil, nil, 0, nil, nil, 1])
        let weekly = try await DeflectionSeries.load(from: store, days: 7, bucket: .week, now: now)
        #expect(weekly.series.count == 1)
        let week = try #require(weekly.series.first)
        #expect((week.shown, week.opened, week.solved, week.ticketsAfterSuggestions) == (3, 2, 2, 1))
        #expect(week.deflectionRate == 0.6667 && weekly.totals.deflectionRate == 0.6667)
        withExtendedLifetime(keep) {}
    }

    @Test("retention removes article opens and session stages; erasure removes a requester's; the anonymous counts stay",
          arguments: StoreFactory.all)
    func retentionAndErasure(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        try await Self.fixture(store)
        let d = Self.day
        // Erasure of b's tickets: b's rows go, so b opening y again later is a first time again; a's stay.
        _ = try await store.deleteTickets(email: "b@beispiel.de")
        #expect(try await Self.rows(store, "article_views", session: "b") == 0)
        #expect(try await Self.rows(store, "session_stages", session: "b") == 0)
        #expect(try await Self.rows(store, "article_views", session: "a") == 1)
        #expect(try await Self.rows(store, "session_stages", session: "a") == 7)
        try await store.recordArticleView(ArticleView(session: "b", articleID: "y", time: Self.time(d + 5, hour: 9)))
        try await store.recordArticleView(ArticleView(session: "a", articleID: "x", time: Self.time(d + 5, hour: 9)))
        #expect(try await store.funnel(days: (d + 5)...(d + 5))[d + 5]?.opened == 1)
        #expect(try await store.funnel(days: d...d)[d]?.opened == 1, "counts of erased sessions stay (no session id in them)")

        // Retention: everything of a (reached before d + 2) goes; a's open at d + 5 (last_at) keeps that view row only.
        _ = try await store.purge(closedBefore: Self.time(d, hour: 0), logsBefore: Self.time(d + 2, hour: 0))
        #expect(try await Self.rows(store, "article_views", session: "a") == 1, "the view of d + 1 is gone, the one of d + 5 stays")
        #expect(try await Self.rows(store, "session_stages", session: "a") == 0)
        #expect(try await Self.rows(store, "session_stages", session: "c") == 4)
        try await store.recordQueries([Self.shown("a", ["x"], d + 6), Self.shown("c", ["x"], d + 6)])
        let day6 = try await store.funnel(days: (d + 6)...(d + 6))[d + 6]
        #expect(day6?.shown == 1, "a's shown stage was purged and counts again; c's (reached d + 3) was kept")
        #expect(try await store.funnel(days: d...d)[d]?.shown == 2)
        withExtendedLifetime(keep) {}
    }

    @Test("migration v4 counts the suggestions and deflections stored before it")
    func backfill() async throws {
        let directory = try TemporaryDirectory(prefix: "lotse-backfill")
        let path = directory.path("data.sqlite")
        let queue = try DatabaseQueue(path: path)
        try TicketSchema.migrator.migrate(queue, upTo: "v2 request fingerprints, query-log sessions")
        let d = Double(Self.day) * 86_400
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO suggestions(session, article_id, day, first_at, last_at) VALUES
                    ('a', 'x', \(Self.day), \(d + 100), \(d + 200)), ('a', 'x', \(Self.day + 1), \(d + 86_500), \(d + 86_500)),
                    ('a', 'y', \(Self.day + 1), \(d + 86_600), \(d + 86_600)), ('', 'z', \(Self.day), \(d), \(d));
                INSERT INTO deflections(session, article_id, created_at) VALUES ('a', 'y', \(d + 86_700)), (NULL, 'y', \(d));
                """)
        }
        try queue.close()
        let store = try SQLiteTicketStore(path: path)
        let funnel = try await store.funnel(days: Self.day...(Self.day + 1))
        #expect(funnel[Self.day] == FunnelCounts(shown: 1) && funnel[Self.day + 1] == FunnelCounts(solved: 1))
        let articles = try await store.articleFunnel(days: Self.day...(Self.day + 1))
        #expect(articles["x"] == ArticleCounts(suggested: 1) && articles["y"] == ArticleCounts(suggested: 1, solved: 1))
        #expect(articles["z"] == nil)
    }

    /// Rows of `table` holding `session`, read past the contract (which has no reader for them).
    static func rows(_ store: any TicketStore, _ table: String, session: String) async throws -> Int {
        if let sqlite = store as? SQLiteTicketStore {
            return try await sqlite.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE session = ?", arguments: [session]) ?? 0
            }
        }
        let postgres = try #require(store as? PostgresTicketStore)
        return try await postgres.rows("SELECT COUNT(*) FROM \(unescaped: table) WHERE session = \(session)").first?.decode(Int.self) ?? 0
    }
}
