import Foundation
import LotseSearch
import LotseTickets

/// The statistics report of the admin API and of `lotse stats`: the store's activity since a date, joined
/// with the index's articles (titles, and which were never suggested).
public enum AdminStatistics {
    public static func report(store: any TicketStore, engine: SearchEngine, since: Date) async throws -> StatisticsReport {
        let activity = try await store.activity(since: since)
        let articles = try await engine.articleTitles().map { StatisticsReport.Article(id: $0.id, title: $0.title) }
        return StatisticsReport(activity: activity, since: since, articles: articles)
    }
}
