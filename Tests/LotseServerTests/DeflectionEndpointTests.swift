import Foundation
import Hummingbird
import HummingbirdTesting
import LotseServer
import LotseTestSupport
import NIOCore
import Testing

@Suite("Deflections, feedback and statistics")
struct DeflectionEndpointTests {
    @Test("a deflection is recorded (201 with an id); an unknown article is 422 naming articleId")
    func deflections() async throws {
        try await TicketFixture().test { client in
            let first = try await client.post("/api/v1/deflections",
                json: #"{"session":"s-ä","articleId":"kundennummer","subject":"Kundennummer","description":"Wo steht sie?"}"#)
            #expect(first.status == .created)
            #expect(first.json["id"] as? Int == 1)
            let second = try await client.post("/api/v1/deflections", json: #"{"articleId":"passwort-zuruecksetzen"}"#)
            #expect(second.json["id"] as? Int == 2)
            // A field naming no article, not an address that does not exist.
            let unknown = try await client.post("/api/v1/deflections", json: #"{"articleId":"gibt-es-nicht"}"#)
            #expect(unknown.status == .unprocessableContent && unknown.details.map(\.code) == ["unknown_article"])
            #expect(unknown.error?.fields == ["articleId": "Diesen Artikel gibt es nicht."], "\(unknown.text)")
            for (body, field) in [(#"{"articleId":" "}"#, "articleId"), (#"{"session":"s"}"#, "articleId"),
                                  (#"{"articleId":"kundennummer","subject":"\#(String(repeating: "ü", count: 201))"}"#, "subject"),
                                  (#"{"articleId":"kundennummer","session":"\#(String(repeating: "s", count: 129))"}"#, "session")] {
                let response = try await client.post("/api/v1/deflections", json: body)
                #expect(response.status == .unprocessableContent, "\(body.prefix(60))")
                #expect(response.error?.fields?.keys.sorted() == [field])
            }
        }
    }

    @Test("feedback: 201 ok, 404 for an unknown article, 422 without helpful")
    func feedback() async throws {
        try await TicketFixture().test { client in
            let yes = try await client.post("/api/v1/articles/kundennummer/feedback", json: #"{"helpful":true,"session":"s"}"#)
            #expect(yes.status == .created && yes.json["ok"] as? Bool == true)
            let unknown = try await client.post("/api/v1/articles/gibt-es-nicht/feedback", json: #"{"helpful":true}"#)
            #expect(unknown.status == .notFound && unknown.error?.code == "not_found")
            for body in ["{}", #"{"helpful":null}"#, #"{"session":"s"}"#] {
                let missing = try await client.post("/api/v1/articles/kundennummer/feedback", json: body)
                #expect(missing.status == .unprocessableContent && missing.error?.fields?.keys.sorted() == ["helpful"], "\(body)")
            }
            let wrongType = try await client.post("/api/v1/articles/kundennummer/feedback", json: #"{"helpful":"ja"}"#)
            #expect(wrongType.status == .unprocessableContent && wrongType.error?.fields?.keys.sorted() == ["helpful"])
        }
    }

    @Test("stats on a known sequence: rate, tickets after suggestions, top articles, zero-result queries, never suggested")
    func statistics() async throws {
        try await TicketFixture().test { client in
            // Session 1 sees suggestions, then submits; session 2 submits without any.
            _ = try await client.post("/api/v1/suggest", json: #"{"subject":"Kundennummer finden","session":"eins"}"#)
            #expect(try await client.submitTicket(ticketJSON(["session": "eins"])).status == .created)
            #expect(try await client.submitTicket(ticketJSON(["session": "zwei"])).status == .created)
            for article in ["kundennummer", "kundennummer", "passwort-zuruecksetzen"] {
                #expect(
                    try await client.post("/api/v1/deflections", json: #"{"articleId":"\#(article)","session":"drei"}"#).status == .created)
            }
            for helpful in [true, true, false] {
                _ = try await client.post("/api/v1/articles/passwort-zuruecksetzen/feedback", json: #"{"helpful":\#(helpful)}"#)
            }
            _ = try await client.post("/api/v1/articles/kundennummer/feedback", json: #"{"helpful":false}"#)
            // A query holding an e-mail address and a number is shown masked.
            for query in ["Xylophonreparatur", "xylophonreparatur", "Öffnungszeiten%20Filiale", "xylophon%20anna@example.org%204711"] {
                let search = try await client.execute(uri: "/api/v1/search?q=\(query)", method: .get)
                #expect((search.json["results"] as? [Any])?.isEmpty == true, "\(query) should find nothing")
            }
            let response = try await client.admin("/api/v1/admin/stats?since=24h")
            #expect(response.status == .ok)
            let stats = response.json
            #expect(stats["submitted"] as? Int == 2)
            #expect(stats["deflected"] as? Int == 3)
            #expect(stats["deflectionRate"] as? Double == 0.6)
            #expect(stats["submittedAfterSuggestions"] as? Int == 1)
            let deflecting = (stats["topDeflectingArticles"] as? [[String: Any]])?.map { "\($0["id"]!):\($0["count"]!)" }
            #expect(deflecting == ["kundennummer:2", "passwort-zuruecksetzen:1"])
            #expect((stats["topDeflectingArticles"] as? [[String: Any]])?.first?["title"] as? String == "Kundennummer finden")
            let helpful = (stats["topHelpfulArticles"] as? [[String: Any]])?.map { "\($0["id"]!):\($0["helpful"]!)/\($0["notHelpful"]!)" }
            #expect(helpful == ["passwort-zuruecksetzen:2/1", "kundennummer:0/1"])
            let zero = (stats["zeroResultQueries"] as? [[String: Any]])?.map { "\($0["query"]!):\($0["count"]!)" }
            #expect(zero == ["xylophonreparatur:2", "xylophon ***:1", "öffnungszeiten filiale:1"])
            let never = (stats["neverSuggested"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
            #expect(never?.contains("kundennummer") == false)
            #expect(never?.contains("postfach-einrichten") == true)

            let bad = try await client.admin("/api/v1/admin/stats?since=letzte-woche")
            #expect(bad.status == .badRequest && bad.error?.fields?.keys.sorted() == ["since"])
            let future = try await client.admin("/api/v1/admin/stats?since=2100-01-01")
            #expect(future.json["submitted"] as? Int == 0 && future.json["deflectionRate"] as? Double == 0)
        }
    }
}
