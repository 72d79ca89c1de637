import Foundation

/// One text the help center had no answer for (the search module's view of the ticket store's `GapInput`).
public struct GapText: Sendable, Equatable {
    public var text: String
    public var time: Date
    /// Articles shown to its session that did not help.
    public var unhelpfulArticles: [String]

    public init(text: String, time: Date, unhelpfulArticles: [String] = []) {
        self.text = text
        self.time = time
        self.unhelpfulArticles = unhelpfulArticles
    }
}

/// "Themen ohne Artikel" (`GET /api/v1/admin/gaps`): the texts of a window grouped into topics, ordered by
/// `score` = size × 0.5^(days since last seen ÷ 7) — a topic last seen a week ago counts half as much as one seen now.
public struct GapReport: Codable, Sendable, Equatable {
    public struct ShownArticle: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var count: Int
    }

    public struct Topic: Codable, Sendable, Equatable {
        public var label: String
        public var terms: [String]
        /// How many texts (queries and tickets) belong to it.
        public var size: Int
        /// Texts per week of the window, oldest first; the last week ends at `to`.
        public var trend: [Int]
        public var lastSeen: String
        public var examples: [String]
        public var shownArticles: [ShownArticle]
        public var score: Double
    }

    public var days: Int
    public var from: String
    public var to: String
    /// How many texts were read (at most the cap of the newest, see `SearchEngine.contentGaps`).
    public var inputs: Int
    public var topics: [Topic]

    public static let maximumTopics = 50
    public static let maximumExamples = 3
    public static let maximumExampleCharacters = 200
    public static let maximumShownArticles = 5
    /// A topic needs this many texts: one text is not yet a pattern.
    public static let minimumSize = 2
    /// Days after which a topic's last appearance halves its score.
    public static let recencyHalfLife = 7.0
}
