import Foundation
import HummingbirdTesting
import LotseServer
import LotseTestSupport
import Testing

/// Topics that must stay tickets (`ticket_only: true`): suggested and shown, never counted as solved.
@Suite("Ticket-only articles")
struct TicketOnlyTests {
    static let refund = """
        ---
        title: Rückerstattung beantragen
        category: Rechnungen & Zahlungen
        ticket_only: true
        ---
        # Rückerstattung beantragen
        Eine Rückerstattung oder Gutschrift nach einer Doppelzahlung beantragen Sie mit einer Anfrage an den Support.
        """

    @Test("suggested with ticketOnly, the article says so, and a deflection for it is refused with 422")
    func refusedAsDeflection() async throws {
        var files = ArticleFixtures.markdownSet
        files["rueckerstattung-beantragen.md"] = Self.refund
        try await ServerFixture(articles: files).test { client in
            let suggested = try await client.execute(uri: "/api/v1/suggest", method: .post, headers: jsonHeaders,
                                                     body: .json(#"{"subject":"Doppelzahlung","description":"Ich habe doppelt "#
                                                                 + #"bezahlt und möchte mein Geld zurück."}"#))
            let results = suggested.json["results"] as? [[String: Any]] ?? []
            #expect(results.first?["id"] as? String == "rueckerstattung-beantragen")
            #expect(results.first?["ticketOnly"] as? Bool == true)
            #expect(results.dropFirst().allSatisfy { $0["ticketOnly"] as? Bool == false })
            let article = try await client.execute(uri: "/api/v1/articles/rueckerstattung-beantragen", method: .get)
            #expect(article.json["ticketOnly"] as? Bool == true)

            let refused = try await client.execute(uri: "/api/v1/deflections", method: .post, headers: jsonHeaders,
                                                   body: .json(#"{"articleId":"rueckerstattung-beantragen","session":"s1"}"#))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.error?.fields?.keys.sorted() == ["articleId"])
            let accepted = try await client.execute(uri: "/api/v1/deflections", method: .post, headers: jsonHeaders,
                                                    body: .json(#"{"articleId":"kundennummer","session":"s1"}"#))
            #expect(accepted.status == .created)
            // Feedback on it is still welcome: it says whether the article explained the way to a ticket.
            let feedback = try await client.execute(uri: "/api/v1/articles/rueckerstattung-beantragen/feedback", method: .post,
                                                    headers: jsonHeaders, body: .json(#"{"helpful":true}"#))
            #expect(feedback.status == .created)
        }
    }
}
