import Foundation
import Hummingbird
import HummingbirdTesting
import LotseServer
import LotseTestSupport
import NIOCore
import Testing

@Suite("Ticket endpoints")
struct TicketEndpointTests {
    @Test("GET /api/v1/ticket-form describes custom fields, attachment limits and the index's categories")
    func ticketForm() async throws {
        try await TicketFixture().test { client in
            let response = try await client.execute(uri: "/api/v1/ticket-form", method: .get)
            #expect(response.status == .ok)
            let fields = response.json["customFields"] as? [[String: Any]]
            #expect(fields?.first?["name"] as? String == "serverName")
            #expect(fields?.first?["pattern"] as? String == "^de-[0-9]{2}-srv-[0-9]{4}$")
            #expect(fields?.first?["required"] as? Bool == false)
            let attachments = response.json["attachments"] as? [String: Any]
            #expect(attachments?["maxCount"] as? Int == 3)
            #expect(attachments?["maxBytes"] as? Int == 5_242_880)
            #expect(attachments?["types"] as? [String] == ["image/png", "image/jpeg", "application/pdf", "text/plain"])
            #expect((response.json["categories"] as? [String])?.contains("Konto & Anmeldung") == true)
            for key in ["responseTime", "privacyUrl", "imprintUrl"] { #expect(response.json[key] == nil, "\(key) not configured") }
        }
        let configured = try TicketFixture {
            $0.responseTime = "2 Werktagen"
            $0.privacyURL = "https://www.beispiel.de/datenschutz"
            $0.imprintURL = "/impressum"
        }
        try await configured.test { client in
            let response = try await client.execute(uri: "/api/v1/ticket-form", method: .get)
            #expect(response.json["responseTime"] as? String == "2 Werktagen")
            #expect(response.json["privacyUrl"] as? String == "https://www.beispiel.de/datenschutz")
            #expect(response.json["imprintUrl"] as? String == "/impressum")
        }
    }

    @Test("--privacy-url and --imprint-url take http(s) URLs and paths only; --response-time short text")
    func operatorLinksAreChecked() {
        var configuration = ServerConfiguration()
        for good in ["https://www.beispiel.de/datenschutz", "http://beispiel.de", "/datenschutz", "/impressum?lang=de"] {
            configuration.privacyURL = good
            configuration.imprintURL = good
            #expect(configuration.problems().isEmpty, "\(good)")
        }
        for bad in ["javascript:alert(1)", "//evil.example/x", "datenschutz.html", "https://", "ftp://beispiel.de/x",
                    "https://beispiel.de/\" onmouseover=\"x", "data:text/html,<script>", " https://beispiel.de"] {
            configuration.privacyURL = bad
            #expect(configuration.problems().contains { $0.contains("--privacy-url") }, "\(bad)")
        }
        configuration.privacyURL = nil
        for bad in ["", String(repeating: "x", count: 101), "24\u{0}Stunden"] {
            configuration.responseTime = bad
            #expect(configuration.problems().contains { $0.contains("--response-time") })
        }
        configuration.responseTime = "24 Stunden"
        #expect(configuration.problems().isEmpty)
        configuration.attachmentPolicy.maximumBytes = configuration.maximumMultipartBytes + 1
        #expect(configuration.problems().contains { $0.contains("--attachments-max-bytes") && $0.contains("--max-multipart-bytes") })
    }

    @Test("a JSON ticket is created (201 LT-000001), verified against the contacts, with the articles suggested to its session")
    func createsTicket() async throws {
        try await TicketFixture().test { client in
            let suggest = try await client.execute(uri: "/api/v1/suggest", method: .post, headers: jsonHeaders,
                body: .json(#"{"subject":"Kundennummer","description":"Wo finde ich meine Kundennummer?","session":"sitzung-1"}"#))
            let shown = (suggest.json["results"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(shown.contains("kundennummer"))
            let response = try await client.submitTicket(ticketJSON(["session": "sitzung-1"]))
            #expect(response.status == .created)
            #expect(response.json["id"] as? String == "LT-000001")
            #expect(response.json["status"] as? String == "open")
            let createdAt = try #require(response.json["createdAt"] as? String)
            #expect((try? Date(createdAt, strategy: .iso8601)) != nil, "createdAt \(createdAt)")
            _ = try await client.submitTicket(ticketJSON(["email": "unbekannt@beispiel.de"]))

            let queue = try await client.admin("/api/v1/admin/tickets")
            #expect(queue.status == .ok)
            let tickets = try #require(queue.json["tickets"] as? [[String: Any]])
            #expect(tickets.count == 2)
            let first = tickets[0]
            #expect(first["id"] as? String == "LT-000001")
            #expect(first["name"] as? String == "Jürgen Müller")
            #expect(first["company"] as? String == "Bäckerei Groß GmbH")
            #expect(first["verified"] as? Bool == true)
            #expect(first["statusLabel"] as? String == "Offen")
            #expect(first["suggestedArticles"] as? [String] == shown)
            #expect(first["customFields"] as? [String: String] == ["serverName": "de-01-srv-1234"])
            #expect(tickets[1]["verified"] as? Bool == false)
            #expect(tickets[1]["suggestedArticles"] as? [String] == [])
            #expect(queue.json["total"] as? Int == 2 && queue.json["page"] as? Int == 1 && queue.json["pageSize"] as? Int == 50)
        }
    }

    static let invalidTickets: [(String, String, Set<String>)] = [
        ("email missing", ticketJSON(["email": nil]), ["email"]),
        ("email syntax", ticketJSON(["email": "jürgen.müller(at)beispiel.de"]), ["email"]),
        ("email longer than 254", ticketJSON(["email": String(repeating: "ä", count: 250) + "@b.de"]), ["email"]),
        ("name missing", ticketJSON(["name": nil]), ["name"]),
        ("name longer than 200", ticketJSON(["name": String(repeating: "Ö", count: 201)]), ["name"]),
        ("company longer than 200", ticketJSON(["company": String(repeating: "ß", count: 201)]), ["company"]),
        ("subject blank", ticketJSON(["subject": "   "]), ["subject"]),
        ("subject longer than 200", ticketJSON(["subject": String(repeating: "ü", count: 201)]), ["subject"]),
        ("description empty", ticketJSON(["description": ""]), ["description"]),
        ("description longer than 20000", ticketJSON(["description": String(repeating: "a", count: 20_001)]), ["description"]),
        ("consent missing", ticketJSON(["consent": nil]), ["consent"]),
        ("consent false", ticketJSON(["consent": false]), ["consent"]),
        ("customerNumber longer than 64", ticketJSON(["customerNumber": String(repeating: "9", count: 65)]), ["customerNumber"]),
        ("category longer than 100", ticketJSON(["category": String(repeating: "k", count: 101)]), ["category"]),
        ("session longer than 128", ticketJSON(["session": String(repeating: "s", count: 129)]), ["session"]),
        ("server name in the wrong format", ticketJSON(["customFields": ["serverName": "de-1-srv-1234"]]), ["customFields.serverName"]),
        ("email is a number", ticketJSON(["email": 42]), ["email"]),
        ("urgent is a string", ticketJSON(["urgent": "ja"]), ["urgent"]),
        (
            "several at once", ticketJSON(["email": "x", "subject": "", "consent": false, "name": nil]),
            ["email", "subject", "consent", "name"]
        )
    ]

    @Test("422 names every bad field", arguments: 0..<invalidTickets.count)
    func invalidTicket(_ index: Int) async throws {
        let (why, json, fields) = Self.invalidTickets[index]
        try await TicketFixture().test { client in
            let response = try await client.submitTicket(json)
            #expect(response.status == .unprocessableContent, "\(why)")
            #expect(response.error?.code == "invalid_fields")
            #expect(Set(response.error?.fields?.keys ?? [:].keys) == fields, "\(why): \(response.text)")
            let queue = try await client.admin("/api/v1/admin/tickets")
            #expect(queue.json["total"] as? Int == 0, "\(why): nothing stored")
        }
    }

    @Test("a required custom field missing is named")
    func requiredCustomField() async throws {
        let fixture = try TicketFixture { $0.ticketFields[0].required = true }
        try await fixture.test { client in
            let response = try await client.submitTicket(ticketJSON(["customFields": [String: String]()]))
            #expect(response.status == .unprocessableContent)
            #expect(response.error?.fields?.keys.sorted() == ["customFields.serverName"])
        }
    }

    @Test("wrong content type 415, broken JSON 400, body over the limit 413, overlong Idempotency-Key 400")
    func bodyErrors() async throws {
        try await TicketFixture().test { client in
            let text = try await client.execute(
                uri: "/api/v1/tickets", method: .post, headers: [.contentType: "text/plain"], body: .json(ticketJSON()))
            #expect(text.status == .unsupportedMediaType)
            #expect(text.error?.code == "unsupported_media_type")
            let broken = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: jsonHeaders, body: .json(#"{"email": "#))
            #expect(broken.status == .badRequest && broken.error?.code == "invalid_json")
            let large = try await client.submitTicket(ticketJSON(["description": String(repeating: "ä", count: 40_000)]))
            #expect(large.status == .contentTooLarge && large.error?.code == "body_too_large")
            let key = try await client.submitTicket(key: String(repeating: "k", count: 201))
            #expect(key.status == .badRequest && key.error?.fields?.keys.sorted() == ["Idempotency-Key"])
        }
    }

    @Test("the same Idempotency-Key twice: one ticket, the same id and 201 both times")
    func idempotentRetry() async throws {
        try await TicketFixture().test { client in
            let first = try await client.submitTicket(key: "wiederholung-ü-1")
            // The same request again (a changed one is refused: IdempotencyEndpointTests).
            let second = try await client.submitTicket(key: "wiederholung-ü-1")
            let other = try await client.submitTicket(key: "wiederholung-ü-2")
            #expect(first.status == .created && second.status == .created)
            #expect(second.json["id"] as? String == first.json["id"] as? String)
            #expect(second.json["createdAt"] as? String == first.json["createdAt"] as? String)
            #expect(other.json["id"] as? String == "LT-000002")
            let queue = try await client.admin("/api/v1/admin/tickets")
            #expect(queue.json["total"] as? Int == 2)
        }
    }
}
