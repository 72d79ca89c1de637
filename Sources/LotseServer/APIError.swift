import Foundation
import Hummingbird

/// Every 4xx/5xx response body: `{"error":{"code","message","fields"?}}` — never a stack trace or SQL.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    /// Invalid fields by name, for 400 and 422.
    public var fields: [String: String]?
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, code: String, message: String, fields: [String: String]? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
    }

    static func badRequest(field: String, _ message: String) -> APIError {
        APIError(.badRequest, code: "invalid_parameter", message: message, fields: [field: message])
    }

    static func invalidFields(_ fields: [String: String]) -> APIError {
        let names = fields.keys.sorted().joined(separator: ", ")
        return APIError(.unprocessableContent, code: "invalid_fields", message: "invalid fields: \(names)", fields: fields)
    }

    static let notFound = APIError(.notFound, code: "not_found", message: "no such resource")

    private struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var fields: [String: String]?
        }

        var error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Body(error: .init(code: code, message: message, fields: fields)))
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
