import Foundation
import Hummingbird
import NIOCore

/// Reads a bounded JSON request body: 415 for another content type, 413 past the limit, 400 for broken JSON,
/// 422 naming the field whose value has the wrong type.
enum JSONBody {
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: LotseRequestContext, limit: Int) async throws -> T {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw APIError(.unsupportedMediaType, code: "unsupported_media_type", message: "send the body as application/json")
        }
        let buffer = try await collect(request, limit: limit)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            guard !field.isEmpty else {
                throw APIError(.badRequest, code: "invalid_json", message: "the body must be a JSON object")
            }
            throw APIError.invalidFields([field: "wrong type: \(context.debugDescription)"])
        } catch {
            throw APIError(.badRequest, code: "invalid_json", message: "the body is not valid JSON")
        }
    }

    /// The whole body, or 413 past `limit` bytes.
    static func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        var request = request
        do {
            return try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, code: "body_too_large", message: "request body is larger than \(limit) bytes")
        }
    }
}
