import Foundation
import HTTPTypes
import Hummingbird
import LotseTickets

/// `/admin`: the sign-in form (admin token and the operator's name), the dashboard once signed in, sign-out,
/// and the page's script and style sheet (`Resources/admin`). Wrong tokens spend the admin API's failure budget.
struct AdminPageRoutes {
    let token: String?
    let failures: RateLimiter
    let sessions: AdminSessions

    static let assets = PortalRoutes.load(folder: "admin")
    /// A sign-in form is a token and a name.
    static let maximumFormBytes = 4 * 1024

    func register(on router: Router<LotseRequestContext>) {
        router.get("/admin") { request, _ in try await page(request) }
        router.post("/admin/anmelden") { request, context in try await signIn(request, context: context) }
        router.post("/admin/abmelden") { request, context in try await signOut(request, context: context) }
        router.get("/admin/dateien/{file}") { _, context in
            try PortalRoutes.response(for: context.parameters.require("file"), in: Self.assets)
        }
    }

    private func page(_ request: Request) async throws -> Response {
        guard let token, !token.isEmpty else { return AdminPages.response(AdminPages.disabled) }
        guard let (_, session) = try await sessions.resume(request) else {
            let problem = FormQuery.parse(request.uri.query)["fehler"].flatMap { Self.signInProblems[$0] }
            return AdminPages.response(AdminPages.signIn(message: problem?.message, field: problem?.field))
        }
        return AdminPages.response(AdminPages.dashboard(actor: session.actor, csrfToken: session.csrfToken))
    }

    /// Why the form is shown again (`/admin?fehler=…`) and which of its fields to mark: the sign-in answers 303 either
    /// way (post/redirect/get).
    static let signInProblems: [String: (message: String, field: String?)] = [
        "token": ("Das Admin-Token stimmt nicht. Bitte geben Sie es genau so ein, wie es eingerichtet ist "
            + "(Groß- und Kleinschreibung zählt).", "token"),
        "name": ("Bitte geben Sie Ihren Namen an.", "name"),
        "schreibrichtung": ("Ihr Name enthält Steuerzeichen für die Schreibrichtung. Bitte geben Sie ihn ohne sie ein.", "name"),
        "gesperrt": ("Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es in einer Minute noch einmal.", nil),
        "aus": ("Die Verwaltung ist ausgeschaltet.", nil),
    ]

    private func signIn(_ request: Request, context: LotseRequestContext) async throws -> Response {
        guard let token, !token.isEmpty else { return Self.redirect(problem: "aus") }
        guard !CrossSite.isCrossSite(request) else { throw CrossSite.refused }
        if failures.exhausted(context.clientKey) != nil { return Self.redirect(problem: "gesperrt") }
        let form = try await Self.form(request)
        guard AdminAuthMiddleware.constantTimeEqual(Array((form["token"] ?? "").utf8), Array(token.utf8)) else {
            return Self.redirect(problem: failures.check(context.clientKey) == nil ? "token" : "gesperrt")
        }
        let name = StatusChange.cleanActor(form["name"] ?? "")
        guard !name.isEmpty else { return Self.redirect(problem: "name") }
        // The name stands in every activity entry the operator makes: it must not turn the text around it.
        guard !name.unicodeScalars.contains(where: SingleLineText.isBidiControl) else { return Self.redirect(problem: "schreibrichtung") }
        return Self.redirect(cookie: try await sessions.start(actor: name, request: request, context: context))
    }

    /// Ends the session (CSRF-checked, so another site cannot sign the operator out) and removes the cookie.
    private func signOut(_ request: Request, context: LotseRequestContext) async throws -> Response {
        guard let (cookieToken, session) = try await sessions.resume(request) else {
            return Self.redirect(cookie: try await sessions.end(token: "", request: request, context: context))
        }
        // The page's script sends the header; a plain form may send the field instead.
        let isForm = request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
        let form = request.headers[AdminSessions.csrfHeader] == nil && isForm ? try await Self.form(request) : [:]
        guard AdminSessions.hasValidCSRFToken(request, session, formValue: form["csrf"]) else {
            throw APIError(.forbidden, code: .csrfInvalid)
        }
        return Self.redirect(cookie: try await sessions.end(token: cookieToken, request: request, context: context))
    }

    private static func redirect(cookie: String) -> Response {
        Response(status: .seeOther, headers: [.location: "/admin", .setCookie: cookie, .cacheControl: "no-store"])
    }

    private static func redirect(problem: String) -> Response {
        Response(status: .seeOther, headers: [.location: "/admin?fehler=\(problem)", .cacheControl: "no-store"])
    }

    /// An `application/x-www-form-urlencoded` body, bounded.
    private static func form(_ request: Request) async throws -> [String: String] {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            throw JSONBody.unsupportedMediaType(accepted: ["application/x-www-form-urlencoded"])
        }
        return FormQuery.parse(String(buffer: try await JSONBody.collect(request, limit: maximumFormBytes)))
    }
}
