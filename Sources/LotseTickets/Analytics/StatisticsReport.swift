import Foundation

/// The admin statistics (`GET /api/v1/admin/stats`, `lotse stats`): a period's activity joined with the
/// index's articles. Deflection rate = deflected ÷ (deflected + submitted).
public struct StatisticsReport: Codable, Sendable, Equatable {
    public struct ArticleCount: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var count: Int
    }

    public struct ArticleVotes: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var helpful: Int
        public var notHelpful: Int
    }

    public struct QueryCount: Codable, Sendable, Equatable {
        public var query: String
        public var count: Int
    }

    public struct Article: Codable, Sendable, Equatable {
        public var id: String
        public var title: String

        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }

    public static let topCount = 10
    public static let zeroResultCount = 20

    public var since: String
    public var submitted: Int
    public var deflected: Int
    public var deflectionRate: Double
    public var submittedAfterSuggestions: Int
    public var topDeflectingArticles: [ArticleCount]
    public var topHelpfulArticles: [ArticleVotes]
    public var zeroResultQueries: [QueryCount]
    public var neverSuggested: [Article]

    /// `articles`: every article of the index (for titles and for "never suggested"). `masking` is applied to each
    /// zero-result query before it is counted and shown (queries that mask alike count together): customers type
    /// customer numbers and e-mail addresses into the search box, and the operator needs the topic, not the person.
    public init(activity: TicketActivity, since: Date, articles: [Article], masking: (String) -> String = { $0 }) {
        let titles = Dictionary(articles.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        self.since = since.formatted(.iso8601)
        submitted = activity.submitted
        deflected = activity.deflectionsByArticle.values.reduce(0, +)
        deflectionRate = deflected + submitted == 0 ? 0 : (Double(deflected) / Double(deflected + submitted) * 10_000).rounded() / 10_000
        submittedAfterSuggestions = activity.submittedAfterSuggestions
        topDeflectingArticles = activity.deflectionsByArticle.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(Self.topCount)
            .map { ArticleCount(id: $0.key, title: titles[$0.key] ?? $0.key, count: $0.value) }
        topHelpfulArticles = activity.feedbackByArticle
            .sorted { ($1.value.helpful, $0.value.notHelpful, $0.key) < ($0.value.helpful, $1.value.notHelpful, $1.key) }
            .prefix(Self.topCount)
            .map { ArticleVotes(id: $0.key, title: titles[$0.key] ?? $0.key, helpful: $0.value.helpful, notHelpful: $0.value.notHelpful) }
        let zeroResults = Dictionary(activity.zeroResultQueries.map { (masking($0.key), $0.value) }, uniquingKeysWith: +)
        zeroResultQueries = zeroResults.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(Self.zeroResultCount)
            .map { QueryCount(query: $0.key, count: $0.value) }
        neverSuggested = articles.filter { !activity.suggestedArticles.contains($0.id) }.sorted { $0.id < $1.id }
    }
}

extension StatisticsReport {
    /// The report of `GET /api/v1/admin/stats` and `lotse stats`: the store's activity since `since`, joined
    /// with every article of the index (`SearchEngine.articleTitles()`).
    public static func load(from store: any TicketStore, articles: [(id: String, title: String)], since: Date,
                            masking: (String) -> String = { $0 }) async throws -> StatisticsReport
    {
        let activity = try await store.activity(since: since)
        return StatisticsReport(activity: activity, since: since, articles: articles.map { Article(id: $0.id, title: $0.title) },
                                masking: masking)
    }
}
