import Hummingbird

/// Guards `/api/v1/admin`: `Authorization: Bearer TOKEN`, compared in constant time, or (without that header) the
/// `/admin` session cookie, whose changes need the session's CSRF token. Without a configured token the admin API
/// is off and says so. Failed attempts are counted per client on their own, stricter budget (shared with the
/// sign-in form): once it is used up every attempt (right or wrong) is 429 until the window ends, so guessing stays slow;
/// a valid session cookie still works.
struct AdminAuthMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext
    let token: String?
    let failures: RateLimiter
    let sessions: AdminSessions

    /// Shortest token `lotse serve` accepts (a short one could be guessed despite the failure limit).
    static let minimumTokenBytes = 16

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await authorized(request, context: context, next: next)
        // Ticket data: never kept by a browser's cache (the dashboard fetches with the cookie) or one in between.
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    private func authorized(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let token, !token.isEmpty else {
            throw Self.unauthorized(.adminDisabled)
        }
        // A signed-in operator's cookie is checked first: its 256 random bits are no guess, so it keeps working while
        // others' failures have spent the budget of a shared address (every client behind a proxy without --trusted-proxy).
        if request.headers[.authorization] == nil, AdminSessions.cookieToken(request.headers) != nil {
            return try await withSession(request, context: context, next: next)
        }
        if let wait = failures.exhausted(context.clientKey) { throw Self.tooManyFailures(wait) }
        guard let presented = Self.bearerCredentials(request.headers[.authorization] ?? ""),
              Self.constantTimeEqual(Array(presented), Array(token.utf8)) else {
            if let wait = failures.check(context.clientKey) { throw Self.tooManyFailures(wait) }
            throw Self.unauthorized(.unauthorized)
        }
        return try await next(request, context)
    }

    /// A stale cookie is not a guess (its token has 256 random bits): 401 without spending the failure budget.
    private func withSession(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let (_, session) = try await sessions.resume(request) else {
            if let wait = failures.exhausted(context.clientKey) { throw Self.tooManyFailures(wait) }
            throw Self.unauthorized(.unauthorized)
        }
        if request.method != .get, request.method != .head, !AdminSessions.hasValidCSRFToken(request, session) {
            throw APIError(.forbidden, code: .csrfInvalid)
        }
        var context = context
        context.adminActor = session.actor
        return try await next(request, context)
    }

    /// What follows `Bearer` and its spaces in the header; the scheme in any case (`bearer`, `BEARER`), as RFC 9110 §11.1
    /// has it, and one or more spaces after it (§11.4).
    static func bearerCredentials(_ header: String) -> Substring.UTF8View? {
        guard let space = header.firstIndex(of: " "), header[..<space].lowercased() == "bearer" else { return nil }
        return header[space...].drop { $0 == " " }.utf8
    }

    static func tooManyFailures(_ wait: Duration) -> APIError {
        var error = APIError(.tooManyRequests, code: .tooManyFailedAuthentications)
        error.headers[.retryAfter] = RateLimiter.retryAfter(wait)
        return error
    }

    static func unauthorized(_ code: APIError.Code) -> APIError {
        var error = APIError(.unauthorized, code: code)
        error.headers[.wwwAuthenticate] = "Bearer"
        return error
    }

    /// Looks at every byte of the longer input whatever matches, so the time does not tell how much of a
    /// guess was right.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt(lhs.count ^ rhs.count)
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= UInt(left ^ right)
        }
        return difference == 0
    }
}
