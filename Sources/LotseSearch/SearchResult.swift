import LotseAnalysis

/// One suggested article, as the API and the CLI return it.
public struct SearchResult: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var url: String?
    public var category: String
    /// HTML-escaped passage with matched words in `<mark>`.
    public var snippet: String
    /// 0…1: weighted share of the query matched, saturated by term frequency.
    public var score: Double
    /// The topic must stay a ticket (`ticket_only` in the front matter): shown, never counted as solved.
    public var ticketOnly: Bool = false
}

/// One query's results as cached per engine.
struct CachedResults: MemoryCosted {
    var results: [SearchResult]
    var keyBytes: Int

    var byteCount: Int {
        keyBytes
            + results.reduce(64) { $0 + 96 + $1.id.utf8.count + $1.title.utf8.count + $1.snippet.utf8.count + ($1.url?.utf8.count ?? 0) }
    }
}

/// Limits and filters of one search.
public struct SearchOptions: Sendable, Equatable {
    public var limit: Int
    public var language: Language?
    public var category: String?
    /// nil: `AnswerDecision` decides whether the query is answered at all ("none" queries return nothing rather
    /// than noise). A number: a fixed minimum score instead (0 shows every match; for tuning and comparison).
    public var minimumScore: Double?
    /// Search-box text asked keystroke by keystroke (the portal's, which names a session): with semantic ranking it may
    /// be ranked with an earlier word's embedding while the encoder catches up. False: a question asked once waits
    /// for its own embedding, so it gets the full hybrid answer the first time.
    public var typing = true

    /// Drafts spread their weight over many words (greetings, context), so matching a fair share of them is
    /// already strong evidence: a fixed threshold counts this fraction of `minimumScore` for them.
    public static let draftThresholdFactor = 0.3
    public static let maximumLimit = 50

    public init(limit: Int = 5, language: Language? = nil, category: String? = nil, minimumScore: Double? = nil) {
        self.limit = max(1, min(limit, Self.maximumLimit))
        self.language = language
        self.category = category
        self.minimumScore = minimumScore
    }
}
