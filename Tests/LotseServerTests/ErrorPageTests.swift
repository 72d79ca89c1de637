import HTTPTypes
import HummingbirdTesting
@testable import LotseServer
import Testing

/// Failures of what a browser opened or posted itself are pages in its language, with the JSON error's status and
/// headers; API clients keep JSON.
struct ErrorPageTests {
    static let browser: HTTPFields = [.accept: TicketFormPageTests.browserAccept, .acceptLanguage: "en-GB,en;q=0.9"]

    @Test("a rate-limited search page is a page saying so, with 429 and Retry-After; the same for an API client is JSON")
    func rateLimitedSearchPage() async throws {
        try await ServerFixture(rateLimit: 1).test { client in
            #expect(try await client.execute(uri: "/hilfe?q=Passwort", method: .get, headers: Self.browser).status == .ok)
            let limited = try await client.execute(uri: "/hilfe?q=Passwort", method: .get, headers: Self.browser)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
            #expect(limited.headers[.contentType] == "text/html; charset=utf-8")
            #expect(limited.headers[.contentLanguage] == "en")
            #expect(limited.headers[.cacheControl] == "no-cache", "an error page is not kept")
            #expect(limited.text.contains("<html lang=\"en\">") && limited.text.contains("<h1 id=\"fehler\">"))
            #expect(limited.text.contains("href=\"/hilfe\""), "the way back")
            let json = try await client.execute(uri: "/hilfe?q=Passwort", method: .get, headers: [.accept: "application/json"])
            #expect(json.status == .tooManyRequests && json.error?.code == "rate_limited")
        }
    }

    @Test("a search page with a query too long names the problem on the page, in the browser's language")
    func invalidSearchPage() async throws {
        try await ServerFixture().test { client in
            let long = String(repeating: "a", count: SearchRoutes.maximumQueryCharacters + 1)
            var german = Self.browser
            german[.acceptLanguage] = "de-DE,de"
            let page = try await client.execute(uri: "/hilfe?q=\(long)", method: .get, headers: german)
            #expect(page.status == .badRequest)
            #expect(page.headers[.contentLanguage] == "de")
            let json = try await client.execute(uri: "/hilfe?q=\(long)", method: .get, headers: [.acceptLanguage: "de-DE,de"])
            let message = try #require(json.error?.fields?["q"]), top = try #require(json.error?.message)
            #expect(page.text.contains("<h1 id=\"fehler\">\(top)</h1>"))
            if top == message {
                #expect(!page.text.contains("<ul class=\"problems\">"), "one problem in the heading's words is said once")
            } else {
                #expect(page.text.contains("<li>\(message)</li>"), "the field's problem as the JSON names it")
            }
        }
    }

    @Test("the ticket form posted without script past the rate limit: the problems page with 429 and Retry-After")
    func rateLimitedTicketForm() async throws {
        var fixture = try TicketFixture()
        fixture.server.configuration.rateLimit = 1
        try await fixture.test { client in
            #expect(try await client.execute(uri: "/hilfe?q=Passwort", method: .get).status == .ok)
            let body = MultipartBody.validTicket()
            let posted = try await client.execute(uri: "/api/v1/tickets", method: .post,
                                                  headers: TicketFormPageTests.headers(body, language: "fr"), body: body.finished())
            #expect(posted.status == .tooManyRequests)
            #expect(posted.headers[.retryAfter] != nil && posted.headers[.contentLanguage] == "fr")
            #expect(posted.text.contains("Votre demande n’a pas encore été envoyée"))
            #expect(!posted.text.contains("\"error\""), "no JSON")
        }
    }

    @Test("an API address opened in a browser keeps the JSON error: only pages answer with pages")
    func apiStaysJSON() async throws {
        try await ServerFixture().test { client in
            let answer = try await client.execute(uri: "/api/v1/search?q=a&limit=0", method: .get, headers: Self.browser)
            #expect(answer.status == .badRequest)
            #expect(answer.headers[.contentType] == "application/json; charset=utf-8")
        }
    }
}
