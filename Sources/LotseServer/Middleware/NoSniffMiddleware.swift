import HTTPTypes
import Hummingbird

/// `X-Content-Type-Options: nosniff` on every answer, errors included: a browser must take JSON, `/metrics` and
/// `/openapi.yaml` for what their `Content-Type` says, never sniff a script or a page out of text a client put in them.
struct NoSniffMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext

    static let header = HTTPField.Name("X-Content-Type-Options")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[Self.header] = "nosniff"
        return response
    }
}
