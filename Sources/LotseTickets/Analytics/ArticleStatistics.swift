import Foundation

/// `GET /api/v1/admin/article-stats`: per article of the index, over the last 7, 30 or 90 days, the sessions it was
/// suggested to, that opened it, that marked it solved, its votes, and its solve rate (solved ÷ suggested) with a
/// 95 % Wilson interval. Articles with any activity, most suggested first; articles never suggested in the period.
public struct ArticleStatistics: Encodable, Sendable, Equatable {
    /// What the index says about an article.
    public struct IndexedArticle: Sendable, Equatable {
        public var id: String
        public var title: String
        public var url: String
        public var learnedWords: Int

        public init(id: String, title: String, url: String, learnedWords: Int) {
            self.id = id
            self.title = title
            self.url = url
            self.learnedWords = learnedWords
        }
    }

    public struct Row: Encodable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var url: String
        public var suggested: Int
        public var opened: Int
        public var solved: Int
        public var helpful: Int
        public var notHelpful: Int
        public var solveRate: Double?
        public var solveRateLow: Double?
        public var solveRateHigh: Double?
        public var learnedWords: Int

        init(_ article: IndexedArticle, _ counts: ArticleCounts) {
            id = article.id
            title = article.title
            url = article.url
            suggested = counts.suggested
            opened = counts.opened
            solved = counts.solved
            helpful = counts.helpful
            notHelpful = counts.notHelpful
            // A session can solve with an article it was not shown in the period (shown the day before the window).
            let solvedShown = min(counts.solved, counts.suggested)
            solveRate = Rate.rounded(solvedShown, of: counts.suggested)
            let interval = Rate.wilson(solvedShown, of: counts.suggested)
            solveRateLow = interval?.low
            solveRateHigh = interval?.high
            learnedWords = article.learnedWords
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(url, forKey: .url)
            try container.encode(suggested, forKey: .suggested)
            try container.encode(opened, forKey: .opened)
            try container.encode(solved, forKey: .solved)
            try container.encode(helpful, forKey: .helpful)
            try container.encode(notHelpful, forKey: .notHelpful)
            // null rather than absent: the field set is the same for every article.
            try container.encode(solveRate, forKey: .solveRate)
            try container.encode(solveRateLow, forKey: .solveRateLow)
            try container.encode(solveRateHigh, forKey: .solveRateHigh)
            try container.encode(learnedWords, forKey: .learnedWords)
        }

        enum CodingKeys: String, CodingKey {
            case id, title, url, suggested, opened, solved, helpful, notHelpful, solveRate, solveRateLow, solveRateHigh, learnedWords
        }
    }

    public struct Unsuggested: Encodable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var url: String
    }

    public var days: Int
    public var articles: [Row]
    public var neverSuggested: [Unsuggested]

    /// Counts of articles no longer in the index are left out: there is nothing to link to.
    public init(days: Int, articles: [IndexedArticle], counts: [String: ArticleCounts]) {
        self.days = days
        self.articles = articles.compactMap { article in
            guard let count = counts[article.id], count != ArticleCounts() else { return nil }
            return Row(article, count)
        }.sorted { ($1.suggested, $0.id) < ($0.suggested, $1.id) }
        neverSuggested = articles.filter { (counts[$0.id]?.suggested ?? 0) == 0 }.sorted { $0.id < $1.id }
            .map { Unsuggested(id: $0.id, title: $0.title, url: $0.url) }
    }

    public static func load(from store: any TicketStore, articles: [IndexedArticle], days: Int, now: Date = Date()) async throws
        -> ArticleStatistics
    {
        let today = DayNumber.of(now)
        return ArticleStatistics(days: days, articles: articles, counts: try await store.articleFunnel(days: (today - days + 1)...today))
    }
}
