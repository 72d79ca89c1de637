import Foundation
import HTTPTypes
import Hummingbird
import LotseAnalysis

/// A help-center page or the sitemap as a response: a strong `ETag` from the bytes (304 when `If-None-Match`
/// names it), cache headers, the portal's Content-Security-Policy.
enum PageResponse {
    /// Caches and browsers may keep a page five minutes; after that a revalidation costs a 304.
    static let cacheControl = "public, max-age=300"

    static func make(_ body: String, for request: Request, status: HTTPResponse.Status = .ok,
                     contentType: String = "text/html; charset=utf-8", variesByLanguage: Bool = false) -> Response {
        var headers: HTTPFields = [
            .contentType: contentType,
            HTTPField.Name("Content-Security-Policy")!: PortalRoutes.contentSecurityPolicy,
            HTTPField.Name("Referrer-Policy")!: "same-origin",
        ]
        if variesByLanguage { headers[.vary] = "Accept-Language" }
        guard status == .ok else {
            headers[.cacheControl] = "no-cache"
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        var hash = StableHash()
        hash.add(body)
        let tag = "\"\(hash.hex)-\(body.utf8.count)\""
        headers[.eTag] = tag
        headers[.cacheControl] = cacheControl
        if matches(request.headers[values: .ifNoneMatch], tag) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// `If-None-Match` compares weakly (RFC 9110 13.1.2): `W/"x"` matches `"x"`; `*` matches any.
    static func matches(_ values: [String], _ tag: String) -> Bool {
        values.flatMap { $0.split(separator: ",") }.contains { candidate in
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            return trimmed == "*" || (trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed) == tag
        }
    }
}
