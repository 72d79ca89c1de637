import Hummingbird

/// Counts requests and measures their latency per matched route (the route pattern, not the raw path,
/// so ids in paths don't explode the label space).
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let route = context.endpointPath ?? "unmatched"
        metrics.recordRequest(route: route, method: Self.label(request.method), status: response.status.code, duration: .now - started)
        return response
    }

    /// Any method a client invents would otherwise be a new label value (and series) forever.
    static func label(_ method: HTTPRequest.Method) -> String {
        switch method {
        case .get, .post, .put, .patch, .delete, .head, .options: method.rawValue
        default: "other"
        }
    }
}
