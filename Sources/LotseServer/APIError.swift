import Foundation
import Hummingbird
import LotseAnalysis
import LotseTickets

/// Every 4xx/5xx response body: `{"error":{"code","message","fields"?,"details"?}}` — never a stack trace or SQL.
/// It holds codes and parameters only; the words are chosen when the answer is written, in the language the request
/// asks for (`Accept-Language`, German by default), with `Content-Language` and `Vary: Accept-Language`.
public struct APIError: HTTPResponseError, Sendable {
    /// The machine-readable reason for the whole request.
    public enum Code: String, CaseIterable, Sendable {
        case invalidParameter = "invalid_parameter"
        case invalidFields = "invalid_fields"
        case invalidJSON = "invalid_json"
        case invalidMultipart = "invalid_multipart"
        case bodyTooLarge = "body_too_large"
        case headersTooLarge = "headers_too_large"
        case unsupportedMediaType = "unsupported_media_type"
        case idempotencyKeyReused = "idempotency_key_reused"
        case notFound = "not_found"
        case methodNotAllowed = "method_not_allowed"
        case unauthorized
        case adminDisabled = "admin_disabled"
        case tooManyFailedAuthentications = "too_many_failed_authentications"
        case csrfInvalid = "csrf_invalid"
        case crossSite = "cross_site"
        case rateLimited = "rate_limited"
        case busy
        case uploadsBusy = "uploads_busy"
        case deadlineExceeded = "deadline_exceeded"
        case uploadTooSlow = "upload_too_slow"
        case storageUnavailable = "storage_unavailable"
        case malformedRequest = "malformed_request"
        case badRequest = "bad_request"
        case requestRejected = "request_rejected"
        case `internal`
    }

    public var status: HTTPResponse.Status
    public var code: Code
    /// Values the top-level message needs (the methods of a 405).
    public var parameters: [String: FieldProblem.Parameter]
    /// Each invalid field with its code, in the order found; a field may appear more than once (several bad files).
    public var invalid: [InvalidField]
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, code: Code, parameters: [String: FieldProblem.Parameter] = [:],
                invalid: [InvalidField] = []) {
        self.status = status
        self.code = code
        self.parameters = parameters
        self.invalid = invalid
    }

    static func badRequest(field: String, _ problem: FieldProblem) -> APIError {
        APIError(.badRequest, code: .invalidParameter, invalid: [InvalidField(field, problem)])
    }

    static func invalidFields(_ invalid: [InvalidField]) -> APIError {
        APIError(.unprocessableContent, code: .invalidFields, invalid: invalid)
    }

    /// A problem with the body as a whole (not JSON, too large, broken multipart), named as the field `body`.
    static func body(_ status: HTTPResponse.Status, code: Code, _ problem: FieldProblem) -> APIError {
        APIError(status, code: code, invalid: [InvalidField("body", problem)])
    }

    static let notFound = APIError(.notFound, code: .notFound)

    struct Body: Encodable {
        struct Detail: Encodable {
            var field: String
            var code: String
            var message: String
            var params: [String: FieldProblem.Parameter]?
        }

        struct Content: Encodable {
            var code: String
            var message: String
            /// Field → message (several problems of one field joined), as before `details` existed.
            var fields: [String: String]?
            var details: [Detail]?
        }

        var error: Content
    }

    /// The body in `language`.
    func body(in language: LotseAnalysis.Language) -> Body {
        let text = ErrorText(language)
        let details = invalid.map { invalid in
            Body.Detail(field: invalid.field, code: invalid.problem.code.rawValue, message: text.message(invalid),
                        params: invalid.problem.parameters.isEmpty ? nil : invalid.problem.parameters)
        }
        var fields: [String: String] = [:]
        for detail in details {
            fields[detail.field] = fields[detail.field].map { "\($0) \(detail.message)" } ?? detail.message
        }
        return Body(error: .init(code: code.rawValue, message: text.message(code, parameters: parameters, invalid: invalid),
                                 fields: details.isEmpty ? nil : fields, details: details.isEmpty ? nil : details))
    }

    /// The JSON body in `language`.
    func encoded(in language: LotseAnalysis.Language) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(body(in: language))
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let language = MessageLanguage.negotiate(request.headers[.acceptLanguage])
        let data = try encoded(in: language)
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLanguage] = language.rawValue
        headers[.vary] = "Accept-Language"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
