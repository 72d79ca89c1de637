import Hummingbird

/// CORS for the configured portal origins only (an origin not on the list gets no CORS headers);
/// answers preflight requests itself.
struct PortalCORSMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext
    let origins: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], origins.contains(origin) else {
            return try await next(request, context)
        }
        var response: Response
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            response = Response(status: .noContent)
            response.headers[.accessControlAllowMethods] = "GET, POST, PATCH, DELETE, OPTIONS"
            response.headers[.accessControlAllowHeaders] = "Content-Type, Authorization, Idempotency-Key"
            response.headers[.accessControlMaxAge] = "600"
        } else {
            response = try await next(request, context)
        }
        response.headers[.accessControlAllowOrigin] = origin
        // Error answers already vary by Accept-Language (their words): keep that.
        response.headers[.vary] = response.headers[.vary].map { "\($0), Origin" } ?? "Origin"
        return response
    }
}
