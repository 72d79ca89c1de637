import Foundation
import HTTPTypes
import Hummingbird
import LotseTickets

/// The `/admin` sign-in: a random 256-bit token in an HttpOnly, SameSite=Strict cookie, the session itself in the
/// ticket store (by the token's hash), so every instance sharing the database accepts it and sign-out ends it on all.
/// A cookie-authenticated change must carry the session's synchronizer token in `X-CSRF-Token`.
struct AdminSessions: Sendable {
    let store: any TicketStore
    let expiry: AdminSessionExpiry
    let trustedProxies: [CIDR]

    static let cookieName = "lotse_admin"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    /// The actor of changes made with the bearer token (no operator name is known).
    static let bearerActor = "API"

    /// The session a request's cookie names, if it has not expired (its idle time starts again).
    func resume(_ request: Request) async throws -> (token: String, session: AdminSession)? {
        guard let token = Self.cookieToken(request.headers) else { return nil }
        return try await store.resumeAdminSession(token: token, at: Date(), expiry: expiry).map { (token, $0) }
    }

    /// A new session for `actor`; the `Set-Cookie` value that carries it.
    func start(actor: String, request: Request, context: LotseRequestContext) async throws -> String {
        let token = Self.randomToken()
        let now = Date()
        try await store.startAdminSession(token: token, AdminSession(actor: actor, csrfToken: Self.randomToken(), createdAt: now,
                                                                     lastSeenAt: now), expiry: expiry)
        return cookie(token, maxAge: Int(expiry.absolute), secure: isHTTPS(request, context: context))
    }

    /// Ends the session of `token`; the `Set-Cookie` value that removes the cookie.
    func end(token: String, request: Request, context: LotseRequestContext) async throws -> String {
        try await store.endAdminSession(token: token)
        return cookie("", maxAge: 0, secure: isHTTPS(request, context: context))
    }

    /// `Path=/`: the page at `/admin` and the JSON API under `/api/v1/admin` share no longer prefix.
    private func cookie(_ value: String, maxAge: Int, secure: Bool) -> String {
        "\(Self.cookieName)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// `lotse serve` speaks plain HTTP; HTTPS ends at a `--trusted-proxy`, which says so in `X-Forwarded-Proto`.
    func isHTTPS(_ request: Request, context: LotseRequestContext) -> Bool {
        guard let peer = context.remoteAddress?.ipAddress, trustedProxies.contains(where: { $0.contains(peer) }) else { return false }
        return request.headers[Self.forwardedProto]?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased()
            == "https"
    }

    /// Whether a change carries the session's CSRF token (compared in constant time).
    static func hasValidCSRFToken(_ request: Request, _ session: AdminSession, formValue: String? = nil) -> Bool {
        guard let sent = request.headers[csrfHeader] ?? formValue else { return false }
        return AdminAuthMiddleware.constantTimeEqual(Array(sent.utf8), Array(session.csrfToken.utf8))
    }

    static func cookieToken(_ headers: HTTPFields) -> String? {
        for header in headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == cookieName {
                    let value = parts[1].trimmingCharacters(in: .whitespaces)
                    return value.isEmpty ? nil : value
                }
            }
        }
        return nil
    }

    /// 32 bytes from the system's generator (getrandom), as 64 hex digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }
}
