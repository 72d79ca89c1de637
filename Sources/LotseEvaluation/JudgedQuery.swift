import LotseSearch

/// One query of the judged relevance set: what the user typed and the articles that answer it, best first.
public struct JudgedQuery: Codable, Sendable, Equatable {
    public var id: String
    public var kind: String
    public var query: String?
    public var subject: String?
    public var description: String?
    public var relevant: [String]

    public init(id: String, kind: String, query: String?, subject: String?, description: String?, relevant: [String]) {
        (self.id, self.kind, self.query, self.subject, self.description, self.relevant) = (id, kind, query, subject, description, relevant)
    }

    public var isAnswerable: Bool { !relevant.isEmpty }
    /// The whole text, for engines that take a single string.
    public var text: String { [query, subject, description].compactMap { $0 }.joined(separator: "\n") }
    /// What Lotse is asked: the query in the search box, else the ticket draft.
    public var input: SearchInput { query.map(SearchInput.query) ?? .draft(subject: subject ?? "", description: description ?? "") }
}
