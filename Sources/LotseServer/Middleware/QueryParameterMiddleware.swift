import Hummingbird

/// On the API, a query parameter given twice or whose percent escapes do not decode to UTF-8 is 400 naming it
/// (`duplicate`, `invalid_encoding`), as a key twice in a JSON body is: a proxy or filter in front may have read the
/// other of two values, and a value that is no text was searched for as its raw escapes. The pages take what they can.
struct QueryParameterMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if RateLimitMiddleware.isAPI(request), let (name, problem) = FormQuery.problem(request.uri.query) {
            throw APIError.badRequest(field: name, problem)
        }
        return try await next(request, context)
    }
}
