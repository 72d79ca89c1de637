import HTTPTypes
import Hummingbird
import NIOCore

/// Requests that provoke each documented 4xx of the ticket and admin operations (405 and 429 are added
/// with the other operations' in `OpenAPISamples.errors`).
extension OpenAPISamples {
    static let ticketErrors: [OpenAPIErrorSample] = {
        let tickets = "POST /api/v1/tickets", deflections = "POST /api/v1/deflections", feedback = "POST /api/v1/articles/{id}/feedback"
        let queue = "GET /api/v1/admin/tickets", delete = "DELETE /api/v1/admin/tickets", patch = "PATCH /api/v1/admin/tickets/{id}"
        let stats = "GET /api/v1/admin/stats", download = "GET /api/v1/admin/tickets/{id}/attachments/{number}"
        let learned = "GET /api/v1/admin/articles/{id}/learned"
        let views = "POST /api/v1/articles/{id}/views", deflection = "GET /api/v1/admin/deflection"
        let articleStats = "GET /api/v1/admin/article-stats", gaps = "GET /api/v1/admin/gaps"
        let oversized = #"{"subject":""# + String(repeating: "x", count: maximumBodyBytes) + #""}"#
        func text(_ uri: String) -> OpenAPISampleRequest {
            OpenAPISampleRequest(method: .post, uri: uri, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "Hallo"))
        }
        var samples: [OpenAPIErrorSample] = [
            OpenAPIErrorSample(
                operation: tickets, status: 400, request: .json("/api/v1/tickets", #"{"email":"#), code: "invalid_json", fields: ["body"],
                why: "truncated JSON"),
            OpenAPIErrorSample(operation: tickets, status: 400,
                               request: OpenAPISampleRequest(method: .post, uri: "/api/v1/tickets",
                    headers: [.contentType: "application/json", HTTPField.Name("Idempotency-Key")!: String(repeating: "k", count: 201)],
                                                             body: ByteBuffer(string: "{}")),
                               code: "invalid_parameter", fields: ["Idempotency-Key"], why: "Idempotency-Key longer than 200 characters"),
            OpenAPIErrorSample(
                operation: tickets, status: 413, request: .json("/api/v1/tickets", oversized), code: "body_too_large", fields: ["body"],
                why: "JSON over 64 KiB"),
            OpenAPIErrorSample(operation: tickets, status: 403, request: crossSite(.json("/api/v1/tickets", "{}")), code: "cross_site",
                               fields: nil, why: "another website's page made the browser post it"),
            OpenAPIErrorSample(
                operation: tickets, status: 408,
                request: OpenAPISampleRequest(method: .post, uri: "/api/v1/tickets",
                                              headers: [.contentType: "multipart/form-data; boundary=XyZ"],
                                              body: ByteBuffer(string: "--XyZ\r\nContent-Disposition: form-data; name=\"name\""
                                                                           + "\r\n\r\nA\r\n--XyZ--\r\n")),
                code: "upload_too_slow", fields: nil, why: "a multipart body behind the pace (the test server allows none)"),
            OpenAPIErrorSample(
                operation: tickets, status: 415, request: text("/api/v1/tickets"), code: "unsupported_media_type", fields: ["Content-Type"],
                why: "text/plain"),
            OpenAPIErrorSample(
                operation: tickets, status: 422,
                request: .json("/api/v1/tickets", #"{"email":"kaputt","customFields":{"serverName":"x"}}"#),
                code: "invalid_fields", fields: ["email", "name", "subject", "description", "consent", "customFields.serverName"],
                               why: "every required field missing or wrong"),

            OpenAPIErrorSample(
                operation: deflections, status: 400, request: .json("/api/v1/deflections", "[1]"), code: "invalid_json", fields: ["body"],
                why: "an array"),
            OpenAPIErrorSample(
                operation: deflections, status: 413, request: .json("/api/v1/deflections", oversized), code: "body_too_large",
                fields: ["body"], why: "over 64 KiB"),
            OpenAPIErrorSample(
                operation: deflections, status: 415, request: text("/api/v1/deflections"), code: "unsupported_media_type",
                fields: ["Content-Type"], why: "text/plain"),
            OpenAPIErrorSample(operation: deflections, status: 422, request: .json("/api/v1/deflections", #"{"articleId":" "}"#),
                               code: "invalid_fields", fields: ["articleId"], why: "blank article id"),
            OpenAPIErrorSample(
                operation: deflections, status: 422, request: .json("/api/v1/deflections", #"{"articleId":"gibt-es-nicht"}"#),
                               code: "invalid_fields", fields: ["articleId"], why: "unknown article"),

            OpenAPIErrorSample(
                operation: feedback, status: 400, request: .json("/api/v1/articles/kundennummer/feedback", "{"), code: "invalid_json",
                fields: ["body"], why: "broken JSON"),
            OpenAPIErrorSample(
                operation: feedback, status: 404, request: .json("/api/v1/articles/gibt-es-nicht/feedback", #"{"helpful":true}"#),
                               code: "not_found", fields: nil, why: "unknown article"),
            OpenAPIErrorSample(
                operation: feedback, status: 413, request: .json("/api/v1/articles/kundennummer/feedback", oversized),
                code: "body_too_large", fields: ["body"], why: "over 64 KiB"),
            OpenAPIErrorSample(
                operation: feedback, status: 415, request: text("/api/v1/articles/kundennummer/feedback"), code: "unsupported_media_type",
                fields: ["Content-Type"], why: "text/plain"),
            OpenAPIErrorSample(operation: feedback, status: 422, request: .json("/api/v1/articles/kundennummer/feedback", "{}"),
                               code: "invalid_fields", fields: ["helpful"], why: "helpful missing"),

            OpenAPIErrorSample(
                operation: queue, status: 400, request: .admin("/api/v1/admin/tickets?status=erledigt"), code: "invalid_parameter",
                fields: ["status"], why: "unknown status"),
            OpenAPIErrorSample(
                operation: delete, status: 400, request: .admin("/api/v1/admin/tickets", method: .delete), code: "invalid_parameter",
                fields: ["email"], why: "email missing"),
            OpenAPIErrorSample(
                operation: stats, status: 400, request: .admin("/api/v1/admin/stats?since=gestern"), code: "invalid_parameter",
                fields: ["since"], why: "since not understood"),
            OpenAPIErrorSample(
                operation: gaps, status: 400, request: .admin("/api/v1/admin/gaps?days=14"), code: "invalid_parameter",
                fields: ["days"], why: "a window other than 7, 30 or 90 days"),
            OpenAPIErrorSample(
                operation: patch, status: 400, request: .admin("/api/v1/admin/tickets/LT-000001", method: .patch, body: "nicht json"),
                               code: "invalid_json", fields: ["body"], why: "broken JSON"),
            OpenAPIErrorSample(
                operation: patch, status: 404,
                request: .admin("/api/v1/admin/tickets/LT-999999", method: .patch, body: #"{"status":"closed"}"#),
                               code: "not_found", fields: nil, why: "unknown ticket"),
            OpenAPIErrorSample(
                operation: patch, status: 413, request: .admin("/api/v1/admin/tickets/LT-000001", method: .patch, body: oversized),
                               code: "body_too_large", fields: ["body"], why: "over 64 KiB"),
            OpenAPIErrorSample(operation: patch, status: 415,
                               request: OpenAPISampleRequest(method: .patch, uri: "/api/v1/admin/tickets/LT-000001",
                    headers: [.authorization: "Bearer \(OpenAPISamples.adminToken)"], body: ByteBuffer(string: "x")),
                               code: "unsupported_media_type", fields: ["Content-Type"], why: "no Content-Type"),
            OpenAPIErrorSample(
                operation: patch, status: 422,
                request: .admin("/api/v1/admin/tickets/LT-000001", method: .patch, body: #"{"status":"erledigt"}"#),
                               code: "invalid_fields", fields: ["status"], why: "unknown status"),
            OpenAPIErrorSample(operation: download, status: 404, request: .admin("/api/v1/admin/tickets/LT-000001/attachments/2"),
                               code: "not_found", fields: nil, why: "no second attachment"),
            OpenAPIErrorSample(operation: learned, status: 404, request: .admin("/api/v1/admin/articles/gibt-es-nicht/learned"),
                               code: "not_found", fields: nil, why: "unknown article"),
            OpenAPIErrorSample(operation: learned, status: 400, request: .admin("/api/v1/admin/articles/kunden%00nummer/learned"),
                               code: "invalid_parameter", fields: ["id"], why: "a NUL in the id"),
            OpenAPIErrorSample(operation: download, status: 400, request: .admin("/api/v1/admin/tickets/LT-000001/attachments/1%07"),
                               code: "invalid_parameter", fields: ["number"], why: "a control character in the number"),
            OpenAPIErrorSample(
                operation: views, status: 400, request: .json("/api/v1/articles/kundennummer/views", "{"), code: "invalid_json",
                fields: ["body"], why: "broken JSON"),
            OpenAPIErrorSample(
                operation: views, status: 404, request: .json("/api/v1/articles/gibt-es-nicht/views", #"{"session":"s"}"#),
                code: "not_found", fields: nil, why: "unknown article"),
            OpenAPIErrorSample(
                operation: views, status: 413, request: .json("/api/v1/articles/kundennummer/views", oversized),
                code: "body_too_large", fields: ["body"], why: "over 64 KiB"),
            OpenAPIErrorSample(
                operation: views, status: 415, request: text("/api/v1/articles/kundennummer/views"), code: "unsupported_media_type",
                fields: ["Content-Type"], why: "text/plain"),
            OpenAPIErrorSample(operation: views, status: 422, request: .json("/api/v1/articles/kundennummer/views", "{}"),
                               code: "invalid_fields", fields: ["session"], why: "session missing"),
            OpenAPIErrorSample(operation: deflection, status: 400, request: .admin("/api/v1/admin/deflection?bucket=monat"),
                               code: "invalid_parameter", fields: ["bucket"], why: "unknown bucket"),
            OpenAPIErrorSample(operation: articleStats, status: 400, request: .admin("/api/v1/admin/article-stats?days=14"),
                               code: "invalid_parameter", fields: ["days"], why: "days not 7, 30 or 90"),
        ]
        for (operation, uri, method, body) in [
            (queue, "/api/v1/admin/tickets", HTTPRequest.Method.get, nil), (delete, "/api/v1/admin/tickets?email=a%40b.de", .delete, nil),
            (patch, "/api/v1/admin/tickets/LT-000001", .patch, #"{"status":"closed"}"#), (stats, "/api/v1/admin/stats", .get, nil),
            (download, "/api/v1/admin/tickets/LT-000001/attachments/1", .get, nil),
            (learned, "/api/v1/admin/articles/kundennummer/learned", .get, nil), (deflection, "/api/v1/admin/deflection", .get, nil),
            (articleStats, "/api/v1/admin/article-stats", .get, nil), (gaps, "/api/v1/admin/gaps", .get, nil)
        ] {
            samples.append(
                OpenAPIErrorSample(
                    operation: operation, status: 401, request: .admin(uri, method: method, body: body, token: "falsch"),
                                              code: "unauthorized", fields: nil, why: "wrong token"))
        }
        return samples
    }()
}
