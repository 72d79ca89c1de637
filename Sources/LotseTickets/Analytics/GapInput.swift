import Foundation

/// One customer text the help center had no answer for, as the content-gap topics ("Themen ohne Artikel") are
/// grouped from: a search or suggest query without a result, or a ticket submitted although articles were
/// suggested (its subject and description). Raw customer text: it is masked before any of it is shown.
public struct GapInput: Sendable, Equatable {
    /// The query log's endpoint (`search`, `suggest`) or `ticket`.
    public var kind: String
    public var text: String
    public var session: String?
    public var time: Date
    /// Articles shown to the session (a ticket: suggested before it) that it neither marked solved nor voted
    /// helpful, and those it voted not helpful.
    public var unhelpfulArticles: [String]

    public static let ticketKind = "ticket"
    /// Characters of a ticket's subject and description read for its topic.
    public static let maximumTicketCharacters = 600

    public init(kind: String, text: String, session: String?, time: Date, unhelpfulArticles: [String] = []) {
        self.kind = kind
        self.text = text
        self.session = session
        self.time = time
        self.unhelpfulArticles = unhelpfulArticles
    }
}

/// The rows both stores read for `gapInputs`, joined the same way.
struct GapRows {
    /// Zero-result queries and tickets after suggestions; a ticket's shown articles are its `suggested_articles`.
    var inputs: [(input: GapInput, shown: [String])] = []
    /// Per session: articles shown to it, those that helped (deflection or helpful vote), those voted not helpful.
    var shown: [String: [String]] = [:]
    var helped: [String: Set<String>] = [:]
    var notHelpful: [String: [String]] = [:]

    /// The sessions whose articles the second round of reads fetches.
    var sessions: [String] { Array(Set(inputs.compactMap(\.input.session).filter { !$0.isEmpty })).sorted() }

    /// Newest first; each input with the articles that did not help its session.
    func joined() -> [GapInput] {
        inputs.map { row in
            var input = row.input
            let session = input.session ?? ""
            let shownArticles = input.kind == GapInput.ticketKind ? row.shown : shown[session] ?? []
            let helpedArticles = helped[session] ?? []
            var seen = Set<String>()
            input.unhelpfulArticles = (shownArticles.filter { !helpedArticles.contains($0) } + (notHelpful[session] ?? []))
                .filter { seen.insert($0).inserted }
            return input
        }
        .sorted { $0.time > $1.time }
    }
}

/// The SQL both stores run for the per-session articles (the same text works on SQLite and PostgreSQL once the
/// session list is bound: SQLite reads it with `json_each`, PostgreSQL with `unnest`).
enum GapQueries {
    static func shown(_ sessions: String) -> String {
        "SELECT session, article_id FROM suggestions WHERE session IN (\(sessions)) ORDER BY session, first_at, article_id"
    }

    static func helped(_ sessions: String) -> String {
        """
        SELECT session, article_id FROM deflections WHERE session IN (\(sessions))
        UNION SELECT session, article_id FROM feedback WHERE helpful AND session IN (\(sessions))
        """
    }

    static func notHelpful(_ sessions: String) -> String {
        "SELECT session, article_id FROM feedback WHERE NOT helpful AND session IN (\(sessions)) ORDER BY session, id"
    }
}
