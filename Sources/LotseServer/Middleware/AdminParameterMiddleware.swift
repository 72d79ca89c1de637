import Foundation
import Hummingbird
import LotseTickets

/// Refuses control characters in every query and path parameter of the admin API with 400 `control_characters` naming
/// the parameter, as the search parameters are: SQLite cuts a bound text at a NUL, so an erasure of
/// `opfer@example.com%00zzz` reached opfer@example.com. Path parameters are checked percent-decoded, as an escaped
/// control character names one just as well. Behind `AdminAuthMiddleware`, so only a signed-in caller learns of it.
struct AdminParameterMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let name = Self.parameterWithControlCharacters(query: request.uri.query, path: context.parameters) {
            throw APIError.badRequest(field: name, .controlCharacters)
        }
        return try await next(request, context)
    }

    /// The first parameter holding a control character. A query key no route reads (not a field name) is never echoed.
    static func parameterWithControlCharacters(query: String?, path: Parameters) -> String? {
        for (name, value) in FormQuery.parse(query).sorted(by: { $0.key < $1.key })
        where JSONBody.isFieldName(name) && ControlCharacters.contains(value) {
            return name
        }
        for (name, value) in path {
            let decoded = String(value).removingPercentEncoding ?? String(value)
            if ControlCharacters.contains(decoded) { return String(name) }
        }
        return nil
    }
}
