import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import LotseServer
import NIOCore
import Testing

/// The portal's ticket form posted by the browser itself (no script): pages, never raw JSON.
struct TicketFormPageTests {
    /// What a browser sends with a form submission.
    static let browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

    static func headers(_ body: MultipartBody, language: String = "de-DE,de;q=0.9") -> HTTPFields {
        var headers = body.headers
        headers[.accept] = browserAccept
        headers[.acceptLanguage] = language
        return headers
    }

    @Test("a stored ticket sends the browser to its confirmation (303), which shows the number and the response time")
    func storedTicketRedirectsToTheConfirmation() async throws {
        let fixture = try TicketFixture { $0.responseTime = "zwei Werktagen" }
        try await fixture.test { client in
            let body = MultipartBody.validTicket()
            let posted = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: Self.headers(body), body: body.finished())
            #expect(posted.status == .seeOther)
            let location = try #require(posted.headers[.location])
            #expect(location == "/anfrage/eingegangen?nummer=LT-000001")
            let page = try await client.execute(uri: location, method: .get, headers: [.acceptLanguage: "de"])
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(page.text.contains("Vielen Dank, Ihre Anfrage ist eingegangen."))
            #expect(page.text.contains("Ihre Ticketnummer lautet LT-000001."))
            #expect(page.text.contains("in der Regel innerhalb von zwei Werktagen"))
            let stored = try await client.admin("/api/v1/admin/tickets")
            #expect((stored.json["tickets"] as? [[String: Any]])?.count == 1, "stored once")
            let english = try await client.execute(uri: location, method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.8"])
            #expect(english.text.contains("Your ticket number is LT-000001."))
        }
    }

    @Test("an invalid ticket is a page in the customer's language listing every problem, with the JSON error's status")
    func invalidTicketListsTheProblems() async throws {
        try await TicketFixture().test { client in
            var body = MultipartBody()
            body.field("email", "kaputt")
            body.field("subject", "Hilfe")
            let posted = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: Self.headers(body, language: "fr"),
                                                  body: body.finished())
            #expect(posted.status == .unprocessableContent)
            #expect(posted.headers[.contentType] == "text/html; charset=utf-8")
            #expect(posted.headers[.contentLanguage] == "fr")
            #expect(posted.text.contains("Votre demande n’a pas encore été envoyée"))
            #expect(posted.text.contains("<li>"), "each problem listed")
            #expect(!posted.text.contains("\"error\""), "no JSON")
            #expect(posted.text.contains("<a href=\"/#anfrage\">Aller au formulaire de demande</a>"), "the way back to the form")
            let stored = try await client.admin("/api/v1/admin/tickets")
            #expect((stored.json["tickets"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test("the portal's script and API clients still get JSON", arguments: ["application/json", "*/*", nil])
    func otherClientsGetJSON(accept: String?) async throws {
        try await TicketFixture().test { client in
            var headers = jsonHeaders
            headers[.accept] = accept
            let created = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: headers, body: .json(ticketJSON()))
            #expect(created.status == .created)
            #expect(created.json["id"] as? String == "LT-000001")
        }
    }

    @Test("the confirmation shows a number only when it looks like one: text from the address is never markup")
    func confirmationNumberIsChecked() {
        #expect(TicketPages.ticketNumber("LT-000042") == "LT-000042")
        #expect(TicketPages.ticketNumber("<script>alert(1)</script>") == nil)
        #expect(TicketPages.ticketNumber("") == nil)
        #expect(TicketPages.ticketNumber(String(repeating: "1", count: 41)) == nil)
        #expect(TicketPages.ticketNumber("LT-00004ä") == nil)
        let page = TicketPages(layout: PageLayout()).received(number: "\"><img src=x>", responseTime: "<b>1 Tag</b>", in: .de)
        #expect(!page.contains("<img") && !page.contains("<b>"))
        #expect(page.contains("&lt;b&gt;1 Tag&lt;/b&gt;"))
    }
}
