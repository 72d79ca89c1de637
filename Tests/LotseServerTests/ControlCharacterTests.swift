import Foundation
import HummingbirdTesting
import LotseServer
import LotseTickets
import NIOCore
import Testing

/// Issue 15, item 3: control characters other than tab, CR and LF are refused in every text field, naming it.
@Suite("Control characters")
struct ControlCharacterTests {
    @Test("a ticket with NUL in name, subject and description is 422 naming each field, and nothing is stored")
    func ticketFields() async throws {
        try await TicketFixture().test { client in
            let response = try await client.submitTicket(ticketJSON(["name": "\u{0}M", "subject": "\u{0}", "description": "Teil1\u{0}Teil2",
                    "company": "Firma\u{1B}", "customFields": ["serverName": "de-01-srv-1234\u{7}"]
                ]))
            #expect(response.status == .unprocessableContent)
            #expect(
                Set(response.error?.fields?.keys.map { $0 } ?? []) == [
                    "name", "subject", "description", "company", "customFields.serverName"
                ])
            #expect(try await client.admin("/api/v1/admin/tickets").json["total"] as? Int == 0)
            // Tab, CR and LF are text.
            let fine = try await client.submitTicket(ticketJSON(["description": "Zeile 1\r\nZeile 2\tEnde"]))
            #expect(fine.status == .created)
        }
    }

    @Test("a multipart ticket with a control character is refused the same way")
    func multipartTicket() async throws {
        try await TicketFixture().test { client in
            var body = MultipartBody.validTicket()
            body.field("company", "Bäckerei\u{0}")
            let response = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: body.headers, body: body.finished())
            #expect(response.status == .unprocessableContent)
            #expect(response.error?.fields?["company"] != nil)
        }
    }

    @Test("line breaks and bidirectional controls in one-line fields are 422 naming each, JSON or multipart; the description keeps lines")
    func singleLineFields() async throws {
        try await TicketFixture().test { client in
            let injected = try await client.submitTicket(ticketJSON([
                "subject": "Hallo\r\nBcc: victim@example.org", "name": "Anna\nSchmidt", "company": "Firma\u{2028}GmbH",
                "customerNumber": "K-1\u{2066}", "category": "Rechnung \u{202E}fdp.exe",
                "customFields": ["serverName": "de-01-\u{202D}srv-1234"],
            ]))
            #expect(injected.status == .unprocessableContent)
            let oneLine: Set = ["subject", "name", "company", "customerNumber", "category", "customFields.serverName"]
            #expect(Set(injected.details.map(\.field)) == oneLine)
            #expect(Set(injected.details.map(\.code)) == ["control_characters"])
            var form = MultipartBody.validTicket()
            form.field("name", "Anna\r\nBcc: victim@example.org")
            form.field("subject", "Rechnung \u{202E}fdp.exe")
            let posted = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: form.headers, body: form.finished())
            #expect(posted.status == .unprocessableContent)
            #expect(Set(posted.details.map(\.field)) == ["name", "subject"])
            #expect(try await client.admin("/api/v1/admin/tickets").json["total"] as? Int == 0)
            // Line breaks around a one-line value are trimmed away; the description is many lines.
            let fine = try await client.submitTicket(ticketJSON(["subject": "Rechnung fehlt\r\n",
                                                                 "description": "Zeile 1\r\nZeile 2\u{2028}Ende"]))
            #expect(fine.status == .created)
        }
    }

    @Test("deflections, feedback and suggest refuse them with 422; search with 400 naming the parameter")
    func otherEndpoints() async throws {
        try await TicketFixture().test { client in
            let deflection = try await client.post(
                "/api/v1/deflections", json: #"{"articleId":"kundennummer","description":"a\u0000b","session":"s\u0001"}"#)
            #expect(deflection.status == .unprocessableContent)
            #expect(Set(deflection.error?.fields?.keys.map { $0 } ?? []) == ["description", "session"])
            let feedback = try await client.post("/api/v1/articles/kundennummer/feedback", json: #"{"helpful":true,"session":"\u0000"}"#)
            #expect(feedback.status == .unprocessableContent)
            #expect(feedback.error?.fields?["session"] != nil)
            let suggest = try await client.post("/api/v1/suggest", json: #"{"subject":"Pass\u0000wort","description":"ok"}"#)
            #expect(suggest.status == .unprocessableContent)
            #expect(suggest.error?.fields?["subject"] != nil)
            for uri in ["/api/v1/search?q=%00", "/api/v1/search?q=x&session=%07"] {
                let search = try await client.execute(uri: uri, method: .get)
                #expect(search.status == .badRequest)
                #expect(search.error?.fields?.count == 1)
            }
        }
    }
}

extension ControlCharacterTests {
    @Test("an erasure whose e-mail holds a NUL is 400 naming email and deletes nothing; other admin parameters likewise")
    func adminParameters() async throws {
        try await TicketFixture().test { client in
            #expect(try await client.submitTicket(ticketJSON(["email": "opfer@example.com"])).status == .created)
            // SQLite would bind the text cut at the NUL: opfer@example.com.
            let erasure = try await client.admin("/api/v1/admin/tickets?email=opfer%40example.com%00zzz", method: .delete)
            #expect(erasure.status == .badRequest)
            #expect(erasure.details.map(\.field) == ["email"] && erasure.details.map(\.code) == ["control_characters"])
            #expect(try await client.admin("/api/v1/admin/tickets").json["total"] as? Int == 1)
            let others = [("/api/v1/admin/articles/kunden%00nummer/learned", "id"), ("/api/v1/admin/stats?since=30d%07", "since"),
                          ("/api/v1/admin/tickets?status=open%1B", "status"), ("/api/v1/admin/tickets/LT-000001%C2%85", "id")]
            for (uri, parameter) in others {
                let response = try await client.admin(uri)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(response.details.map(\.field) == [parameter] && response.details.map(\.code) == ["control_characters"], "\(uri)")
            }
            // Still behind the token: without it the parameters are not looked at.
            let anonymous = try await client.execute(uri: "/api/v1/admin/tickets?email=a%00", method: .delete)
            #expect(anonymous.status == .unauthorized)
        }
    }
}

/// The same refusals on the server with each ticket store: SQLite, and PostgreSQL when `LOTSE_TEST_DATABASE_URL`
/// names one (`make test`), where a NUL would have failed the whole query-log batch.
@Suite("Control characters on each store")
struct ControlCharacterStoreTests {
    static var databases: [String?] {
        guard let url = ProcessInfo.processInfo.environment["LOTSE_TEST_DATABASE_URL"], !url.isEmpty else { return [nil] }
        let schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return [nil, url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"]
    }

    @Test("NUL in a ticket is 422 and stores nothing; the query log keeps logging around refused searches", arguments: databases)
    func refusedOnEveryStore(_ databaseURL: String?) async throws {
        let fixture = try TicketFixture { configuration in configuration.databaseURL = databaseURL }
        try await fixture.test { client in
            let refused = try await client.submitTicket(ticketJSON(["name": "\u{0}M", "description": "Teil1\u{0}Teil2"]))
            #expect(refused.status == .unprocessableContent)
            #expect(Set(refused.error?.fields?.keys.map { $0 } ?? []) == ["name", "description"])
            #expect(try await client.execute(uri: "/api/v1/search?q=%00", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/api/v1/search?q=Quokka", method: .get).status == .ok)
            let stored = try await client.submitTicket()
            #expect(stored.status == .created)
            // The ticket's flush wrote the batch: the zero-result search is in the statistics, nothing failed.
            let stats = try await client.admin("/api/v1/admin/stats")
            let queries = (stats.json["zeroResultQueries"] as? [[String: Any]])?.compactMap { $0["query"] as? String } ?? []
            #expect(queries.contains("quokka"), "\(stats.text)")
            #expect(try await client.admin("/api/v1/admin/tickets").json["total"] as? Int == 1)
        }
    }
}
