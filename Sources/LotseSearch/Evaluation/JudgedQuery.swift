/// One query of the judged relevance set: what the user typed and the articles that answer it, best first.
public struct JudgedQuery: Codable, Sendable, Equatable {
    public var id: String
    public var kind: String
    public var query: String?
    public var subject: String?
    public var description: String?
    public var relevant: [String]

    public var isAnswerable: Bool { !relevant.isEmpty }
    /// The whole text, for engines that take a single string.
    public var text: String { [query, subject, description].compactMap { $0 }.joined(separator: "\n") }
}
