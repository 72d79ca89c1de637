import LotseAnalysis

/// One help-center article as parsed from `articles/`: the fields the index searches and the metadata it returns.
public struct Article: Equatable, Sendable {
    public var id: String
    public var title: String
    public var headings: [String]
    public var body: String
    public var category: String
    public var tags: [String]
    public var language: Language
    /// Where the article is served (`ArticleAddress`): given and valid, or derived from category and id.
    public var url: String
    public var updated: String?
    /// A topic that must stay a ticket whatever the article says (a hacked account, a refund): suggested, but
    /// never counted as solved.
    public var ticketOnly: Bool
    /// Rendered, sanitised HTML of the article content (no boilerplate, no scripts).
    public var html: String

    public init(id: String, title: String, headings: [String], body: String, category: String, tags: [String],
                language: Language, url: String, updated: String?, ticketOnly: Bool = false, html: String) {
        self.id = id
        self.title = title
        self.headings = headings
        self.body = body
        self.category = category
        self.tags = tags
        self.language = language
        self.url = url
        self.updated = updated
        self.ticketOnly = ticketOnly
        self.html = html
    }
}
