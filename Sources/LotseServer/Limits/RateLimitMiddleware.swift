import Hummingbird

/// 429 with `Retry-After` once a client exceeds its request budget on the public API (and the help center's search
/// page `/hilfe?q=`, which runs the API's search) or sends more writes (the help pages' helpfulness votes) than it
/// may. Decided on the path's segments, as the router matches them: `//api/v1/search` is the same route as
/// `/api/v1/search`. The other help pages stay unlimited for crawlers: what they compute is the same for everyone
/// (and cached).
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isCounted(request), let wait = limiter.check(context.clientKey) else {
            return try await next(request, context)
        }
        var error = APIError(.tooManyRequests, code: .rateLimited)
        error.headers[.retryAfter] = RateLimiter.retryAfter(wait)
        throw error
    }

    static func isCounted(_ request: Request) -> Bool {
        request.method == .post || isAPI(request)
            || (request.uri.path.split(separator: "/") == ["hilfe"] && FormQuery.parse(request.uri.query)["q"] != nil)
    }

    /// A path the router maps under `/api/`, however many slashes it is written with.
    static func isAPI(_ request: Request) -> Bool {
        request.uri.path.split(separator: "/", omittingEmptySubsequences: true).first == "api"
    }
}
