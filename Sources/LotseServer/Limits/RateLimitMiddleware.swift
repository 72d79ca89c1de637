import Hummingbird

/// 429 with `Retry-After` once a client exceeds its request budget on the public API.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/"), let wait = limiter.check(context.clientKey) else {
            return try await next(request, context)
        }
        var error = APIError(.tooManyRequests, code: "rate_limited", message: "too many requests; retry later")
        error.headers[.retryAfter] = String(max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0)))
        throw error
    }
}
