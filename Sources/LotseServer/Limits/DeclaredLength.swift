import HTTPTypes
import Hummingbird

/// The body a request may declare: `--max-multipart-bytes` for a multipart form, the JSON limit for anything else.
/// A `Content-Length` past it is refused right after the head (413 `body_too_large`), before an upload slot is taken
/// and without `100 Continue`: a client sending 1 GB to the ticket form need not send any of it, nor hold a slot
/// while doing so. Routes with smaller limits of their own (the sign-in form) still enforce them when they read.
struct DeclaredLength: Sendable {
    let json: Int
    let multipart: Int

    func limit(contentType: String?) -> Int {
        MultipartForm.boundary(contentType: contentType ?? "") != nil ? multipart : json
    }

    /// The limit the head's declared length exceeds, or nil (no `Content-Length`, or within it).
    func exceededLimit(_ fields: HTTPFields) -> Int? {
        let limit = limit(contentType: fields[.contentType])
        guard let declared = fields[.contentLength].flatMap({ Int($0) }), declared > limit else { return nil }
        return limit
    }
}

/// 413 for a declared length past `DeclaredLength`, before any route reads the body.
struct DeclaredLengthMiddleware: RouterMiddleware {
    typealias Context = LotseRequestContext
    let lengths: DeclaredLength

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let limit = lengths.exceededLimit(request.headers) {
            throw APIError.body(.contentTooLarge, code: .bodyTooLarge, .tooLarge(maximumBytes: limit))
        }
        return try await next(request, context)
    }
}
