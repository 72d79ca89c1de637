import Foundation
import Hummingbird
import HummingbirdTesting
import LotseTestSupport
import Testing
import LotseServer

/// `GET /api/v1/admin/gaps`: what was searched without a result and ticketed despite suggestions, as topics.
@Suite("Content-gap endpoint")
struct GapEndpointTests {
    @Test("zero-result searches and a ticket after suggestions form one topic; examples masked; shown articles with titles")
    func topics() async throws {
        try await TicketFixture().test { client in
            for query in ["Xylophonreparatur", "Xylophon%20Reparatur", "xylophon%20reparatur", "%C3%96ffnungszeiten%20Filiale"] {
                let search = try await client.execute(uri: "/api/v1/search?q=\(query)", method: .get)
                #expect((search.json["results"] as? [Any])?.isEmpty == true, "\(query) should find nothing")
            }
            _ = try await client.post("/api/v1/suggest", json: #"{"subject":"Kundennummer finden","session":"eins"}"#)
            let ticket = ticketJSON(["session": "eins", "subject": "Xylophon Reparatur",
                                     "description": "Mein Xylophon braucht eine Reparatur, Vertrag 123456, bitte an anna@beispiel.de."])
            #expect(try await client.submitTicket(ticket).status == .created)

            let response = try await client.admin("/api/v1/admin/gaps?days=30")
            #expect(response.status == .ok)
            #expect(response.json["days"] as? Int == 30 && response.json["inputs"] as? Int == 5)
            let topics = try #require(response.json["topics"] as? [[String: Any]])
            #expect(topics.count == 1, "the single Öffnungszeiten search is no topic")
            let topic = try #require(topics.first)
            #expect(topic["label"] as? String == "xylophon reparatur")
            #expect(topic["size"] as? Int == 4)
            #expect(topic["trend"] as? [Int] == [0, 0, 0, 0, 4])
            let examples = try #require(topic["examples"] as? [String])
            #expect(examples.count == 3 && examples.first == "xylophon reparatur", "the most frequent, as last written")
            let text = examples.joined(separator: " ")
            #expect(!text.contains("123456") && !text.contains("anna@") && !text.contains("beispiel.de"), "\(examples)")
            let shown = (topic["shownArticles"] as? [[String: Any]])?.map { "\($0["id"]!):\($0["title"]!):\($0["count"]!)" }
            #expect(shown == ["kundennummer:Kundennummer finden:1"])

            let week = try await client.admin("/api/v1/admin/gaps?days=7")
            #expect(((week.json["topics"] as? [[String: Any]])?.first?["trend"] as? [Int])?.count == 1)
            let quarter = try await client.admin("/api/v1/admin/gaps?days=90")
            #expect(((quarter.json["topics"] as? [[String: Any]])?.first?["trend"] as? [Int])?.count == 13)
        }
    }

    @Test("erasure by e-mail: the next report has none of the address's texts, though one was made a moment before")
    func erasure() async throws {
        try await TicketFixture().test { client in
            // A zero-result search still being typed (held back in memory) belongs to the session too.
            for query in ["Xylophonreparatur", "Xylophon%20Reparatur%20Termin"] {
                _ = try await client.execute(uri: "/api/v1/search?q=\(query)&session=eins", method: .get)
            }
            _ = try await client.post("/api/v1/suggest", json: #"{"subject":"Kundennummer finden","session":"eins"}"#)
            let ticket = ticketJSON(["session": "eins", "email": "anna@beispiel.de", "subject": "Xylophon Reparatur"])
            #expect(try await client.submitTicket(ticket).status == .created)
            let before = try await client.admin("/api/v1/admin/gaps")
            #expect((before.json["topics"] as? [Any])?.count == 1)

            #expect(try await client.admin("/api/v1/admin/tickets?email=anna%40beispiel.de", method: .delete).status == .ok)
            let after = try await client.admin("/api/v1/admin/gaps")
            #expect(after.json["inputs"] as? Int == 0 && (after.json["topics"] as? [Any])?.isEmpty == true, "\(after.json)")
            // Past the typing grace (5 s) a held search would have been written by now: erasure wrote and deleted it.
            try await Task.sleep(for: .seconds(6))
            let later = try await client.admin("/api/v1/admin/gaps?days=7")
            #expect(later.json["inputs"] as? Int == 0, "\(later.json)")
        }
    }

    @Test("?format=csv: a download with a German header row, every text quoted")
    func csv() async throws {
        try await TicketFixture().test { client in
            for _ in 0..<2 { _ = try await client.execute(uri: "/api/v1/search?q=Xylophon%20%22Reparatur%22", method: .get) }
            let response = try await client.admin("/api/v1/admin/gaps?format=csv")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(response.headers[.contentDisposition] == #"attachment; filename="themen-ohne-artikel-30d.csv""#)
            let lines = String(buffer: response.body).components(separatedBy: "\r\n")
            #expect(lines.first == #""Thema","Begriffe","Anzahl","Verlauf pro Woche","Zuletzt","Beispiele","Gezeigte Artikel ohne Erfolg""#)
            #expect(lines.count == 3 && lines.last == "")
            #expect(lines[1].hasPrefix(#""xylophon reparatur","xylophon, reparatur",2,"0 0 0 0 2","#))
            #expect(lines[1].contains(#""Xylophon ""Reparatur""""#), "quotes doubled: \(lines[1])")
        }
    }

    @Test("bad days or format: 400 naming the field")
    func badParameters() async throws {
        try await TicketFixture().test { client in
            let cases = [("days=14", "days"), ("days=abc", "days"), ("days=-7", "days"), ("days=", "days"),
                         ("format=xlsx", "format"), ("format=", "format")]
            for (query, field) in cases {
                let response = try await client.admin("/api/v1/admin/gaps?\(query)")
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.error?.code == "invalid_parameter" && response.error?.fields?.keys.sorted() == [field], "\(query)")
            }
        }
    }
}
