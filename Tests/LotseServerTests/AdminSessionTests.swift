import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LotseServer
import NIOCore
import Testing

/// The `/admin` sign-in: cookie flags, expiry, sign-out, CSRF on changes, the bearer API untouched, the failure budget.
@Suite("Admin sessions")
struct AdminSessionTests {
    @Test("sign-in sets an HttpOnly SameSite=Strict cookie for / (Secure only via HTTPS from a trusted proxy); the page knows the operator")
    func signIn() async throws {
        let fixture = try TicketFixture(customize: { $0.trustedProxies = [CIDR("127.0.0.0/8")!, CIDR("::1/128")!] })
        try await fixture.server.test(mode: .live) { client in
            let form = try await client.execute(uri: "/admin", method: .get)
            #expect(form.status == .ok && form.text.contains("action=\"/admin/anmelden\"") && form.text.contains("Admin-Token"))
            #expect(form.headers[HTTPField.Name("Content-Security-Policy")!] != nil)
            let plain = try await client.signIn(name: "Anna <Schmidt>")
            #expect(plain.status == .seeOther && plain.headers[.location] == "/admin")
            let cookie = try #require(plain.headers[.setCookie])
            for flag in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"] { #expect(cookie.contains(flag), "\(flag)") }
            #expect(!cookie.contains("Secure"))
            let secure = try await client.signIn(extra: [AdminSessionsHeader.forwardedProto: "https"])
            #expect(secure.headers[.setCookie]?.hasSuffix("; Secure") == true)
            let page = try await client.execute(uri: "/admin", method: .get, headers: [.cookie: try sessionCookie(plain)])
            #expect(page.text.contains("Anna &lt;Schmidt&gt;") && page.text.contains("name=\"lotse-csrf\""))
            #expect(page.headers[.cacheControl] == "no-store")
        }
    }

    @Test("a wrong token or a missing name sends back to the form with the reason; wrong tokens spend the admin failure budget")
    func signInFailures() async throws {
        try await TicketFixture().test { client in
            let noName = try await client.signIn(name: " \n ")
            #expect(noName.status == .seeOther && noName.headers[.location] == "/admin?fehler=name" && noName.headers[.setCookie] == nil)
            let reason = try await client.execute(uri: "/admin?fehler=name", method: .get)
            #expect(reason.text.contains("Bitte geben Sie Ihren Namen an.") && reason.text.contains("action=\"/admin/anmelden\""))
            // The field the reason names takes the focus and points at the reason; the other stays as it was.
            let marked = #" required autofocus aria-invalid="true" aria-describedby="sign-in-error">"#
            #expect(reason.text.contains(#"maxlength="100""# + marked))
            // A name that would turn the activity list around it is refused the same way, the name field marked.
            let reversed = try await client.signIn(name: "Anna \u{202E}tdimhcS")
            #expect(reversed.headers[.location] == "/admin?fehler=schreibrichtung" && reversed.headers[.setCookie] == nil)
            let bidi = try await client.execute(uri: "/admin?fehler=schreibrichtung", method: .get)
            #expect(bidi.text.contains("Steuerzeichen für die Schreibrichtung") && bidi.text.contains(#"maxlength="100""# + marked))
            #expect(reason.text.contains(#"autocomplete="current-password" required>"#))
            let wrongToken = try await client.execute(uri: "/admin?fehler=token", method: .get)
            #expect(wrongToken.text.contains(#"autocomplete="current-password""# + marked))
            #expect(wrongToken.text.contains("Groß- und Kleinschreibung zählt"))
            let unknownReason = try await client.execute(uri: "/admin?fehler=%3Cscript%3E", method: .get)
            #expect(!unknownReason.text.contains("<script>") && !unknownReason.text.contains("role=\"alert\""))
            for attempt in 1...10 {
                let wrong = try await client.signIn(token: "falsch-\(attempt)")
                #expect(wrong.headers[.location] == "/admin?fehler=token" && wrong.headers[.setCookie] == nil, "attempt \(attempt)")
            }
            let blocked = try await client.signIn()
            #expect(blocked.headers[.location] == "/admin?fehler=gesperrt" && blocked.headers[.setCookie] == nil, "even the right token")
            #expect(try await client.admin("/api/v1/admin/tickets").status == .tooManyRequests, "one budget for the form and the API")
        }
    }

    @Test("an operator signed in before someone spent the failure budget keeps working: a session cookie is not a guess")
    func signedInDuringLockout() async throws {
        try await TicketFixture().test { client in
            _ = try await client.submitTicket()
            let cookie = try sessionCookie(try await client.signIn(name: "Anna"))
            let csrf = try await client.csrfToken(cookie: cookie)
            // Behind a proxy without --trusted-proxy every client is one address: anyone's wrong tokens count here.
            for attempt in 1...11 { _ = try await client.signIn(token: "falsch-\(attempt)") }
            #expect(try await client.admin("/api/v1/admin/tickets").status == .tooManyRequests, "the bearer token waits")
            let queue = try await client.execute(uri: "/api/v1/admin/tickets", method: .get, headers: [.cookie: cookie])
            #expect(queue.status == .ok, "\(queue.text)")
            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/json", AdminSessionsHeader.csrf: csrf]
            let change = try await client.execute(uri: "/api/v1/admin/tickets/LT-000001", method: .patch, headers: headers,
                                                  body: ByteBuffer(string: #"{"status":"closed"}"#))
            #expect(change.status == .ok, "\(change.text)")
            let stale = try await client.execute(uri: "/api/v1/admin/tickets", method: .get, headers: [.cookie: "lotse_admin=abc"])
            #expect(stale.status == .tooManyRequests, "an unknown cookie is still refused while the budget is spent")
        }
    }

    @Test("the cookie opens the JSON API; changes need the session's CSRF token (403 JSON without or with a wrong one)")
    func csrf() async throws {
        try await TicketFixture().test { client in
            _ = try await client.submitTicket()
            let cookie = try sessionCookie(try await client.signIn(name: "Anna Schmidt"))
            let csrf = try await client.csrfToken(cookie: cookie)
            let queue = try await client.execute(uri: "/api/v1/admin/tickets", method: .get, headers: [.cookie: cookie])
            #expect(queue.status == .ok && queue.json["total"] as? Int == 1)
            for token in [nil, "falsch", String(csrf.dropLast())] {
                var headers: HTTPFields = [.cookie: cookie, .contentType: "application/json"]
                if let token { headers[AdminSessionsHeader.csrf] = token }
                let refused = try await client.execute(uri: "/api/v1/admin/tickets/LT-000001", method: .patch, headers: headers,
                                                       body: ByteBuffer(string: #"{"status":"closed"}"#))
                #expect(refused.status == .forbidden && refused.error?.code == "csrf_invalid", "\(token ?? "none")")
            }
            #expect(try await client.admin("/api/v1/admin/tickets/LT-000001").json["status"] as? String == "open", "nothing changed")
            let changed = try await client.execute(
                uri: "/api/v1/admin/tickets/LT-000001", method: .patch,
                headers: [.cookie: cookie, .contentType: "application/json", AdminSessionsHeader.csrf: csrf],
                body: ByteBuffer(string: #"{"status":"in_progress"}"#))
            #expect(changed.status == .ok && changed.json["status"] as? String == "in_progress")
            // The bearer token needs no CSRF token and is recorded as "API".
            #expect(try await client.admin("/api/v1/admin/tickets/LT-000001", method: .patch, body: #"{"status":"closed"}"#).status == .ok)
            let detail = try await client.admin("/api/v1/admin/tickets/LT-000001")
            let activity = try #require(detail.json["activity"] as? [[String: Any]])
            #expect(activity.map { $0["actor"] as? String } == ["Anna Schmidt", "API"])
            #expect(activity.map { "\($0["from"] ?? "")>\($0["to"] ?? "")" } == ["open>in_progress", "in_progress>closed"])
            #expect(detail.json["subject"] as? String == "Kundennummer nicht gefunden", "the ticket document's fields beside the activity")
        }
    }

    @Test("sign-out (CSRF-checked) ends the session: the old cookie opens neither the page nor the API")
    func signOut() async throws {
        try await TicketFixture().test { client in
            let cookie = try sessionCookie(try await client.signIn())
            let csrf = try await client.csrfToken(cookie: cookie)
            let forged = try await client.execute(uri: "/admin/abmelden", method: .post, headers: [.cookie: cookie])
            #expect(forged.status == .forbidden && forged.error?.code == "csrf_invalid")
            #expect(try await client.execute(uri: "/api/v1/admin/tickets", method: .get, headers: [.cookie: cookie]).status == .ok)
            let out = try await client.execute(uri: "/admin/abmelden", method: .post,
                                               headers: [.cookie: cookie, AdminSessionsHeader.csrf: csrf])
            #expect(out.status == .seeOther && out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let api = try await client.execute(uri: "/api/v1/admin/tickets", method: .get, headers: [.cookie: cookie])
            #expect(api.status == .unauthorized && api.error?.code == "unauthorized")
            let page = try await client.execute(uri: "/admin", method: .get, headers: [.cookie: cookie])
            #expect(page.text.contains("action=\"/admin/anmelden\"") && !page.text.contains("lotse-csrf"))
            #expect(try await client.admin("/api/v1/admin/tickets").status == .ok, "the bearer token is unaffected")
        }
    }

    @Test("the configured idle and absolute limits end a session (here at once: the store tests time them exactly)",
          arguments: [true, false])
    func expiry(idle: Bool) async throws {
        try await TicketFixture(customize: { idle ? ($0.adminSessionIdle = 0) : ($0.adminSessionLifetime = 0) }).test { client in
            let signedIn = try await client.signIn()
            #expect(signedIn.headers[.location] == "/admin")
            let cookie = try sessionCookie(signedIn)
            let expired = try await client.execute(uri: "/api/v1/admin/tickets", method: .get, headers: [.cookie: cookie])
            #expect(expired.status == .unauthorized && expired.error?.code == "unauthorized")
            #expect(try await client.execute(uri: "/admin", method: .get, headers: [.cookie: cookie]).text.contains("/admin/anmelden"))
        }
    }

    @Test("without --admin-token /admin explains how to turn it on, and sign-in is refused")
    func disabled() async throws {
        try await TicketFixture(adminToken: nil).test { client in
            let page = try await client.execute(uri: "/admin", method: .get)
            #expect(page.status == .ok && page.text.contains("--admin-token") && page.text.contains("LOTSE_ADMIN_TOKEN"))
            let refused = try await client.signIn()
            #expect(refused.headers[.setCookie] == nil && refused.headers[.location] == "/admin?fehler=aus")
        }
    }
}

enum AdminSessionsHeader {
    static let csrf = HTTPField.Name("X-CSRF-Token")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
}

/// `lotse_admin=…` from a sign-in's `Set-Cookie`, as a `Cookie` header value.
func sessionCookie(_ response: TestResponse) throws -> String {
    try #require(response.headers[.setCookie]?.split(separator: ";").first.map(String.init))
}

extension TestClientProtocol {
    func signIn(token: String = TicketFixture.token, name: String = "Anna", extra: HTTPFields = [:]) async throws -> TestResponse {
        let body = "token=\(FormEncoding.value(token))&name=\(FormEncoding.value(name))"
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        headers.append(contentsOf: extra)
        return try await execute(uri: "/admin/anmelden", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// The CSRF token the dashboard page carries for `cookie`'s session.
    func csrfToken(cookie: String) async throws -> String {
        let page = try await execute(uri: "/admin", method: .get, headers: [.cookie: cookie]).text
        let marker = "name=\"lotse-csrf\" content=\""
        let start = try #require(page.range(of: marker)).upperBound
        return String(page[start...].prefix { $0 != "\"" })
    }
}

enum FormEncoding {
    static func value(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
