import Hummingbird
import Logging
import NIOHTTP1
import LotseTickets

/// Turns every failure into the JSON error shape: Hummingbird's own errors (404, 413, bad JSON) are re-rendered,
/// anything unexpected becomes a logged 500 without details.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            return try translate(error).response(from: request, context: context)
        } catch is HTTPParserError {
            // A body that breaks HTTP framing (bad chunk sizes) surfaces only when a route reads it.
            return try APIError(.badRequest, code: "malformed_request", message: "the request is not valid HTTP/1.1")
                .response(from: request, context: context)
        } catch let error as TicketStoreError {
            context.logger.error("ticket storage unavailable", metadata: ["error": "\(error)"])
            return try APIError(.serviceUnavailable, code: "storage_unavailable",
                                message: "tickets cannot be stored right now; please try again later")
                .response(from: request, context: context)
        } catch is DecodingError {
            return try APIError(.badRequest, code: "invalid_json", message: "the body is not valid JSON for this endpoint")
                .response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return try APIError(.internalServerError, code: "internal", message: "internal error").response(from: request, context: context)
        }
    }

    private func translate(_ error: HTTPError) -> APIError {
        switch error.status {
        case .notFound: return .notFound
        case .contentTooLarge: return APIError(.contentTooLarge, code: "body_too_large", message: "request body is too large")
        default:
            return APIError(error.status, code: error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_"),
                            message: error.body ?? error.status.reasonPhrase)
        }
    }
}
