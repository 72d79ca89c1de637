import Foundation
import Hummingbird
import LotseSearch
import LotseTickets

/// `GET /api/v1/admin/tickets/{id}`: the ticket document, who changed its status when, and the articles shown
/// before it was submitted with their titles and addresses (an article gone from the index keeps its id only).
struct TicketDetail: ResponseEncodable {
    struct Activity: Encodable {
        var at: String
        var actor: String
        var from: String
        var to: String
        var fromLabel: String
        var toLabel: String
    }

    struct ShownArticle: Encodable {
        var id: String
        var title: String?
        var url: String?
    }

    var ticket: TicketDocument
    var activity: [Activity]
    var shownArticles: [ShownArticle]

    init(_ ticket: Ticket, changes: [StatusChange], engine: SearchEngine) async throws {
        self.ticket = TicketDocument(ticket)
        activity = changes.map { change in
            Activity(at: change.time.formatted(.iso8601), actor: change.actor, from: change.from.rawValue, to: change.to.rawValue,
                     fromLabel: change.from.label, toLabel: change.to.label)
        }
        var shown: [ShownArticle] = []
        for id in ticket.suggestedArticles {
            let article = try await engine.article(id: id)
            shown.append(ShownArticle(id: id, title: article?.title, url: article?.url))
        }
        shownArticles = shown
    }

    private enum Keys: String, CodingKey {
        case activity, shownArticles
    }

    /// The document's fields and these two beside them, in one object.
    func encode(to encoder: any Encoder) throws {
        try ticket.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(activity, forKey: .activity)
        try container.encode(shownArticles, forKey: .shownArticles)
    }
}
