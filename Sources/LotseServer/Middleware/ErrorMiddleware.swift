import Hummingbird
import Logging
import NIOHTTP1
import LotseTickets

/// Turns every failure into the JSON error shape — or, for what a browser opened or posted by itself, a page
/// (`ErrorPages`): Hummingbird's own errors (404, 413, bad JSON) are re-rendered, anything unexpected becomes a logged
/// 500 without details.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext
    let pages: ErrorPages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let answer = Self.apiError(for: error, logger: context.logger)
            guard ErrorPages.answer(request) else { return try answer.response(from: request, context: context) }
            return pages.response(answer, for: request)
        }
    }

    static func apiError(for error: any Error, logger: Logger) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as HTTPError:
            return translate(error)
        case is HTTPParserError:
            // A body that breaks HTTP framing (bad chunk sizes) surfaces only when a route reads it.
            return APIError(.badRequest, code: .malformedRequest)
        case let error as TicketStoreError:
            logger.error("ticket storage unavailable", metadata: ["error": "\(error)"])
            return APIError(.serviceUnavailable, code: .storageUnavailable)
        case is DecodingError:
            return APIError.body(.badRequest, code: .invalidJSON, .invalidJSON)
        default:
            logger.error("request failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return APIError(.internalServerError, code: .internal)
        }
    }

    private static func translate(_ error: HTTPError) -> APIError {
        switch error.status {
        case .notFound: return .notFound
        case .contentTooLarge: return APIError(.contentTooLarge, code: .bodyTooLarge)
        case .badRequest: return APIError(.badRequest, code: .badRequest)
        // Hummingbird's own text is English: the code is kept apart, the words come from the catalogue.
        default: return APIError(error.status, code: .requestRejected)
        }
    }
}
