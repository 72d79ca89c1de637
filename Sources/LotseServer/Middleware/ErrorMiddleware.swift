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
            return try APIError(.badRequest, code: .malformedRequest).response(from: request, context: context)
        } catch let error as TicketStoreError {
            context.logger.error("ticket storage unavailable", metadata: ["error": "\(error)"])
            return try APIError(.serviceUnavailable, code: .storageUnavailable).response(from: request, context: context)
        } catch is DecodingError {
            return try APIError.body(.badRequest, code: .invalidJSON, .invalidJSON).response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return try APIError(.internalServerError, code: .internal).response(from: request, context: context)
        }
    }

    private func translate(_ error: HTTPError) -> APIError {
        switch error.status {
        case .notFound: return .notFound
        case .contentTooLarge: return APIError(.contentTooLarge, code: .bodyTooLarge)
        case .badRequest: return APIError(.badRequest, code: .badRequest)
        // Hummingbird's own text is English: the code is kept apart, the words come from the catalogue.
        default: return APIError(error.status, code: .requestRejected)
        }
    }
}
