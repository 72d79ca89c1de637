import Hummingbird

/// 429 with `Retry-After` once a client exceeds its request budget on the public API or sends more writes (the
/// help pages' helpfulness votes) than it may. Decided on the path's
/// segments, as the router matches them: `//api/v1/search` is the same route as `/api/v1/search`.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isAPI(request.uri.path) || request.method == .post, let wait = limiter.check(context.clientKey) else {
            return try await next(request, context)
        }
        var error = APIError(.tooManyRequests, code: .rateLimited)
        error.headers[.retryAfter] = RateLimiter.retryAfter(wait)
        throw error
    }

    /// Whether the first non-empty segment is `api` (the router ignores empty segments, so this must too).
    static func isAPI(_ path: String) -> Bool {
        path.split(separator: "/", omittingEmptySubsequences: true).first == "api"
    }
}
