import HTTPTypes
import LotseServer
import NIOCore
import Testing

// MARK: - Requests

/// One request to send (Sendable, so it can cross into the test client's closure).
struct OpenAPISampleRequest: Sendable, CustomStringConvertible {
    var method: HTTPRequest.Method
    var uri: String
    var headers: HTTPFields = [:]
    var body: ByteBuffer?

    static func json(_ uri: String, _ text: String, method: HTTPRequest.Method = .post) -> OpenAPISampleRequest {
        OpenAPISampleRequest(method: method, uri: uri, headers: [.contentType: "application/json"], body: ByteBuffer(string: text))
    }

    /// An admin request with the test server's token.
    static func admin(_ uri: String, method: HTTPRequest.Method = .get, body: String? = nil,
                      token: String = OpenAPISamples.adminToken) -> OpenAPISampleRequest {
        var headers: HTTPFields = [.authorization: "Bearer \(token)"]
        if body != nil { headers[.contentType] = "application/json" }
        return OpenAPISampleRequest(method: method, uri: uri, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    var description: String { "\(method.rawValue) \(uri.prefix(80))" }
}

/// A request that must produce a documented error.
struct OpenAPIErrorSample: Sendable, CustomTestStringConvertible {
    /// "METHOD /path/template" as in the spec.
    var operation: String
    var status: Int
    var request: OpenAPISampleRequest
    var code: String
    /// The names in `error.fields`, or nil when the body has no `fields`.
    var fields: Set<String>?
    var why: String

    var testDescription: String { "\(status) \(operation): \(why)" }
}

struct RouteProbe {
    var path: String
    var method: String
    var request: OpenAPISampleRequest
}

enum OpenAPISamples {
    /// Requests that must succeed, per documented operation. Together they show every documented property.
    static let success: [String: [OpenAPISampleRequest]] = [
        "GET /api/v1/search": [
            OpenAPISampleRequest(method: .get, uri: "/api/v1/search?q=kundennummer"),
            OpenAPISampleRequest(
                method: .get, uri: "/api/v1/search?q=Passwort%20vergessen&limit=3&lang=de&category=Konto%20%26%20Anmeldung"),
            OpenAPISampleRequest(method: .get, uri: "/api/v1/search?q=invoice&lang=EN&limit=50"),
            OpenAPISampleRequest(method: .get, uri: "/api/v1/search?q=&category=Konto%20%26%20Anmeldung&limit=50"),
        ],
        "POST /api/v1/suggest": [
            .json(
                "/api/v1/suggest",
                #"{"subject":"Kundennummer","description":"Hallo, wo finde ich meine Kundennummer? Danke","lang":"de","limit":5,"#
                + #""session":"a1b2"}"#
            ),
            .json("/api/v1/suggest", #"{"description":"Ich habe mein Passwort vergessen und der Link ist abgelaufen."}"#),
        ],
        "GET /api/v1/articles/{id}": [
            OpenAPISampleRequest(method: .get, uri: "/api/v1/articles/kundennummer"),
            OpenAPISampleRequest(method: .get, uri: "/api/v1/articles/postfach-einrichten"),
        ],
        "GET /api/v1/categories": [OpenAPISampleRequest(method: .get, uri: "/api/v1/categories"),
                                   OpenAPISampleRequest(method: .get, uri: "/api/v1/categories?lang=EN")],
        "GET /healthz": [OpenAPISampleRequest(method: .get, uri: "/healthz")],
        "GET /metrics": [OpenAPISampleRequest(method: .get, uri: "/metrics")],
        "GET /openapi.yaml": [OpenAPISampleRequest(method: .get, uri: "/openapi.yaml")],
        "GET /": [OpenAPISampleRequest(method: .get, uri: "/")],
        "GET /portal/{file}": [OpenAPISampleRequest(method: .get, uri: "/portal/portal.js"),
                               OpenAPISampleRequest(method: .get, uri: "/portal/portal.css")],
        "GET /api/v1/ticket-form": [OpenAPISampleRequest(method: .get, uri: "/api/v1/ticket-form")],
        "POST /api/v1/tickets": [
            .json(
                "/api/v1/tickets",
                #"{"email":"jürgen.müller@beispiel.de","name":"Jürgen Müller","company":"Bäckerei Groß","subject":"Rechnung fehlt","#
                + #""description":"Die Rechnung für März fehlt.","consent":true,"customerNumber":"K-1","category":"Rechnungen","#
                + #""urgent":true,"session":"a1b2","customFields":{"serverName":"de-01-srv-1234"}}"#
            ),
            OpenAPISampleRequest(method: .post, uri: "/api/v1/tickets",
                                 headers: [.contentType: "multipart/form-data; boundary=grenze", HTTPField.Name("Idempotency-Key")!: "k-1"],
                body: ByteBuffer(
                    string: ["email=anna@beispiel.de", "name=Anna Groß", "subject=Login", "description=Geht nicht.", "consent=on"]
                                    .map { pair in
                                        let parts = pair.split(separator: "=", maxSplits: 1)
                                        return "--grenze\r\nContent-Disposition: form-data; name=\"\(parts[0])\"\r\n\r\n\(parts[1])\r\n"
                        }.joined()
                        + "--grenze\r\nContent-Disposition: form-data; name=\"attachments\"; "
                            + "filename=\"log.txt\"\r\n\r\nFehler\r\n--grenze--\r\n"
                ))
        ],
        "POST /api/v1/deflections": [
            .json("/api/v1/deflections", #"{"session":"a1b2","articleId":"kundennummer","subject":"Kundennummer","description":"Wo?"}"#)
        ],
        "POST /api/v1/articles/{id}/feedback": [.json("/api/v1/articles/kundennummer/feedback", #"{"helpful":true,"session":"a1b2"}"#)],
        "GET /api/v1/admin/tickets": [.admin("/api/v1/admin/tickets"), .admin("/api/v1/admin/tickets?status=open&page=1"),
                                      .admin("/api/v1/admin/tickets?format=csv")],
        "DELETE /api/v1/admin/tickets": [.admin("/api/v1/admin/tickets?email=niemand%40beispiel.de", method: .delete)],
        "PATCH /api/v1/admin/tickets/{id}": [.admin("/api/v1/admin/tickets/LT-000001", method: .patch, body: #"{"status":"in_progress"}"#)],
        "GET /api/v1/admin/stats": [.admin("/api/v1/admin/stats?since=30d"), .admin("/api/v1/admin/stats")],
        "GET /api/v1/admin/gaps": [.admin("/api/v1/admin/gaps"), .admin("/api/v1/admin/gaps?days=7&format=csv")],
        "GET /api/v1/admin/tickets/{id}/attachments/{number}": [.admin("/api/v1/admin/tickets/LT-000001/attachments/1")],
        "GET /api/v1/admin/articles/{id}/learned": [.admin("/api/v1/admin/articles/kundennummer/learned")],
        "POST /api/v1/articles/{id}/views": [.json("/api/v1/articles/kundennummer/views", #"{"session":"a1b2"}"#)],
        "GET /api/v1/admin/deflection": [.admin("/api/v1/admin/deflection?days=7&bucket=day"), .admin("/api/v1/admin/deflection"),
                                         .admin("/api/v1/admin/deflection?days=90&bucket=week&format=csv")],
        "GET /api/v1/admin/article-stats": [.admin("/api/v1/admin/article-stats?days=7"),
                                            .admin("/api/v1/admin/article-stats?format=csv")],
    ].merging(pageSuccess) { first, _ in first }.merging(adminSuccess) { first, _ in first }

    static let adminToken = "openapi-test-token"

    /// Values for path parameters.
    static let pathValues = ["id": "kundennummer", "file": "portal.js", "kategorie": "konto-anmeldung", "artikel": "kundennummer-finden"]

    static let unknownPaths = [
        "/portal", "/portal/", "/index.html", "/api", "/api/v1", "/api/v1/articles", "/api/v1/search/extra", "/api/v2/search",
        "/openapi.json", "/health"
    ]

    /// A request for `path` (a template) with `method`: the success sample for documented operations, else a bare request.
    static func request(for path: String, method: String) -> OpenAPISampleRequest {
        if let sample = success["\(method) \(path)"]?.first { return sample }
        if method == "HEAD", var get = success["GET \(path)"]?.first {
            get.method = .head
            return get
        }
        var uri = path
        for (name, value) in pathValues { uri = uri.replacingOccurrences(of: "{\(name)}", with: value) }
        var request = OpenAPISampleRequest(method: HTTPRequest.Method(method)!, uri: uri)
        if ["POST", "PUT", "PATCH"].contains(method) {
            request.headers[.contentType] = "application/json"
            request.body = ByteBuffer(string: "{}")
        }
        return request
    }

    static let maximumBodyBytes = ServerConfiguration().maximumBodyBytes

    static let errors: [OpenAPIErrorSample] = {
        let search = "GET /api/v1/search", suggest = "POST /api/v1/suggest", article = "GET /api/v1/articles/{id}"
        func get(_ uri: String) -> OpenAPISampleRequest { OpenAPISampleRequest(method: .get, uri: uri) }
        var samples: [OpenAPIErrorSample] = [
            OpenAPIErrorSample(
                operation: search, status: 400, request: get("/api/v1/search"), code: "invalid_parameter", fields: ["q"], why: "q missing"),
            OpenAPIErrorSample(
                operation: search, status: 400, request: get("/api/v1/search?limit=5"), code: "invalid_parameter", fields: ["q"],
                why: "q missing, other parameters present"),
            OpenAPIErrorSample(operation: search, status: 400, request: get("/api/v1/search?q=" + String(repeating: "a", count: 2001)),
                        code: "invalid_parameter", fields: ["q"], why: "q longer than 2000 characters"),
            OpenAPIErrorSample(
                operation: search, status: 400, request: get("/api/v1/search?q=rechnung&limit=0"), code: "invalid_parameter",
                fields: ["limit"], why: "limit 0"),
            OpenAPIErrorSample(
                operation: search, status: 400, request: get("/api/v1/search?q=rechnung&limit=51"), code: "invalid_parameter",
                fields: ["limit"], why: "limit 51"),
            OpenAPIErrorSample(
                operation: search, status: 400, request: get("/api/v1/search?q=rechnung&limit=zwei"), code: "invalid_parameter",
                fields: ["limit"], why: "limit not a number"),
            OpenAPIErrorSample(
                operation: search, status: 400, request: get("/api/v1/search?q=rechnung&lang=it"), code: "invalid_parameter",
                fields: ["lang"], why: "unknown lang"),

            OpenAPIErrorSample(
                operation: suggest, status: 400, request: .json("/api/v1/suggest", #"{"subject": "Rechnung""#), code: "invalid_json",
                fields: ["body"], why: "truncated JSON"),
            OpenAPIErrorSample(
                operation: suggest, status: 400, request: .json("/api/v1/suggest", ""), code: "invalid_json", fields: ["body"],
                why: "empty body"),
            OpenAPIErrorSample(operation: suggest, status: 413,
                        request: .json("/api/v1/suggest", #"{"subject":""# + String(repeating: "x", count: maximumBodyBytes) + #""}"#),
                        code: "body_too_large", fields: ["body"], why: "body over the 64 KiB limit"),
            OpenAPIErrorSample(operation: suggest, status: 415,
                request: OpenAPISampleRequest(
                    method: .post, uri: "/api/v1/suggest", headers: [.contentType: "text/plain"],
                    body: ByteBuffer(string: #"{"subject":"Rechnung"}"#)),
                        code: "unsupported_media_type", fields: ["Content-Type"], why: "text/plain body"),
            OpenAPIErrorSample(operation: suggest, status: 415,
                request: OpenAPISampleRequest(method: .post, uri: "/api/v1/suggest", body: ByteBuffer(string: #"{"subject":"Rechnung"}"#)),
                        code: "unsupported_media_type", fields: ["Content-Type"], why: "no Content-Type"),
            OpenAPIErrorSample(
                operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"subject": 42}"#), code: "invalid_fields",
                fields: ["subject"], why: "subject is a number"),
            OpenAPIErrorSample(
                operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"subject": "Rechnung", "limit": "5"}"#),
                code: "invalid_fields", fields: ["limit"], why: "limit is a string"),
            OpenAPIErrorSample(
                operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"subject": "Rechnung", "limit": 0}"#),
                code: "invalid_fields", fields: ["limit"], why: "limit 0"),
            OpenAPIErrorSample(
                operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"subject": "Rechnung", "limit": 51}"#),
                code: "invalid_fields", fields: ["limit"], why: "limit 51"),
            OpenAPIErrorSample(
                operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"subject": "Rechnung", "lang": "it"}"#),
                code: "invalid_fields", fields: ["lang"], why: "unknown lang"),
            OpenAPIErrorSample(
                operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"subject": "  ", "description": "\n"}"#),
                code: "invalid_fields", fields: ["subject"], why: "subject and description blank"),
            OpenAPIErrorSample(
                operation: suggest, status: 422, request: .json("/api/v1/suggest", #"{"limit": 0, "lang": "xx"}"#), code: "invalid_fields",
                fields: ["subject", "limit", "lang"], why: "several invalid fields at once"),
            OpenAPIErrorSample(
                operation: suggest, status: 422,
                request: .json("/api/v1/suggest", #"{"subject": "Rechnung", "session": ""# + String(repeating: "s", count: 129) + #""}"#),
                        code: "invalid_fields", fields: ["session"], why: "session longer than 128 characters"),
            OpenAPIErrorSample(
                operation: suggest, status: 422,
                request: .json("/api/v1/suggest", #"{"description": ""# + String(repeating: "d", count: 20_001) + #""}"#),
                        code: "invalid_fields", fields: ["description"], why: "description longer than 20000 characters"),
            OpenAPIErrorSample(
                operation: suggest, status: 400, request: .json("/api/v1/suggest", #"["Rechnung"]"#), code: "invalid_json",
                fields: ["body"], why: "body is an array, not an object"),

            OpenAPIErrorSample(
                operation: article, status: 404, request: get("/api/v1/articles/gibt-es-nicht"), code: "not_found", fields: nil,
                why: "unknown id"),
            OpenAPIErrorSample(operation: article, status: 400, request: get("/api/v1/articles/kundennummer?lang=%FF"),
                               code: "invalid_parameter", fields: ["lang"], why: "a parameter that is not UTF-8"),
            OpenAPIErrorSample(operation: "GET /api/v1/ticket-form", status: 400, request: get("/api/v1/ticket-form?lang=de&lang=en"),
                               code: "invalid_parameter", fields: ["lang"], why: "a parameter given twice"),
            OpenAPIErrorSample(operation: "GET /api/v1/categories", status: 400, request: get("/api/v1/categories?lang=it"),
                               code: "invalid_parameter", fields: ["lang"], why: "unknown lang"),
            OpenAPIErrorSample(
                operation: search, status: 400, request: get("/api/v1/search?q=rechnung&session=" + String(repeating: "s", count: 129)),
                               code: "invalid_parameter", fields: ["session"], why: "session longer than 128 characters"),
            OpenAPIErrorSample(
                operation: article, status: 404, request: get("/api/v1/articles/" + String(repeating: "k", count: 201)), code: "not_found",
                fields: nil, why: "id longer than 200 characters"),

            OpenAPIErrorSample(
                operation: "GET /portal/{file}", status: 404, request: get("/portal/gibt-es-nicht.js"), code: "not_found", fields: nil,
                why: "unknown file"),
            OpenAPIErrorSample(
                operation: "GET /portal/{file}", status: 404, request: get("/portal/..%2FPackage.swift"), code: "not_found", fields: nil,
                why: "path outside the folder")
        ]
        samples += ticketErrors + pageErrors + adminErrors
        // 405 on every documented path (DELETE is taken by none; POST where the path takes GET, GET where it takes POST).
        let operations: [(operation: String, uri: String, others: [HTTPRequest.Method])] = [
            (search, "/api/v1/search?q=rechnung", [.delete, .post, .put, .patch]),
            (suggest, "/api/v1/suggest", [.delete, .get]),
            (article, "/api/v1/articles/kundennummer", [.delete, .put]),
            ("GET /api/v1/categories", "/api/v1/categories", [.delete]),
            ("GET /healthz", "/healthz", [.delete, .post]),
            ("GET /metrics", "/metrics", [.delete]),
            ("GET /openapi.yaml", "/openapi.yaml", [.delete]),
            ("GET /", "/", [.delete, .post]),
            ("GET /portal/{file}", "/portal/portal.js", [.delete, .put]),
            ("GET /api/v1/ticket-form", "/api/v1/ticket-form", [.delete, .post]),
            ("POST /api/v1/tickets", "/api/v1/tickets", [.get, .delete]),
            ("POST /api/v1/deflections", "/api/v1/deflections", [.get, .put]),
            ("POST /api/v1/articles/{id}/feedback", "/api/v1/articles/kundennummer/feedback", [.get, .delete]),
            ("GET /api/v1/admin/tickets", "/api/v1/admin/tickets", [.post, .patch]),
            ("DELETE /api/v1/admin/tickets", "/api/v1/admin/tickets", [.put]),
            ("PATCH /api/v1/admin/tickets/{id}", "/api/v1/admin/tickets/LT-000001", [.delete, .post]),
            ("GET /api/v1/admin/stats", "/api/v1/admin/stats", [.delete, .post]),
            ("GET /api/v1/admin/gaps", "/api/v1/admin/gaps", [.delete, .post]),
            ("GET /api/v1/admin/tickets/{id}/attachments/{number}", "/api/v1/admin/tickets/LT-000001/attachments/1", [.delete, .post]),
            ("GET /api/v1/admin/articles/{id}/learned", "/api/v1/admin/articles/kundennummer/learned", [.delete, .post]),
            ("POST /api/v1/articles/{id}/views", "/api/v1/articles/kundennummer/views", [.get, .delete]),
            ("GET /api/v1/admin/deflection", "/api/v1/admin/deflection", [.delete, .post]),
            ("GET /api/v1/admin/article-stats", "/api/v1/admin/article-stats", [.delete, .post]),
            ("GET /anfrage/eingegangen", "/anfrage/eingegangen", [.delete, .post]),
        ]
        for (operation, uri, methods) in operations {
            for method in methods {
                samples.append(
                    OpenAPIErrorSample(
                        operation: operation, status: 405, request: OpenAPISampleRequest(method: method, uri: uri),
                                           code: "method_not_allowed", fields: nil, why: "\(method.rawValue) \(uri)"))
            }
        }
        // 429 once the client's budget (1 request, spent first) is used up.
        for (operation, request) in [(search, get("/api/v1/search?q=rechnung")),
                                     (suggest, OpenAPISampleRequest.json("/api/v1/suggest", #"{"subject":"Rechnung"}"#)),
                                     (article, get("/api/v1/articles/kundennummer")),
                                     ("GET /api/v1/categories", get("/api/v1/categories")),
                                     ("GET /api/v1/ticket-form", get("/api/v1/ticket-form")),
                                     ("POST /api/v1/tickets", OpenAPISampleRequest.json("/api/v1/tickets", "{}")),
                                     ("POST /api/v1/deflections", OpenAPISampleRequest.json("/api/v1/deflections", "{}")),
            ("POST /api/v1/articles/{id}/feedback", OpenAPISampleRequest.json("/api/v1/articles/kundennummer/feedback", "{}")),
                                     ("GET /api/v1/admin/tickets", .admin("/api/v1/admin/tickets")),
                                     ("DELETE /api/v1/admin/tickets", .admin("/api/v1/admin/tickets?email=a%40b.de", method: .delete)),
            ("PATCH /api/v1/admin/tickets/{id}", .admin("/api/v1/admin/tickets/LT-000001", method: .patch, body: "{}")),
                                     ("GET /api/v1/admin/stats", .admin("/api/v1/admin/stats")),
                                     ("GET /api/v1/admin/gaps", .admin("/api/v1/admin/gaps")),
                                     ("GET /api/v1/admin/tickets/{id}/attachments/{number}",
                                      .admin("/api/v1/admin/tickets/LT-000001/attachments/1")),
                                     ("GET /api/v1/admin/articles/{id}/learned", .admin("/api/v1/admin/articles/kundennummer/learned")),
            ("POST /api/v1/articles/{id}/views", OpenAPISampleRequest.json("/api/v1/articles/kundennummer/views", "{}")),
                                     ("GET /api/v1/admin/deflection", .admin("/api/v1/admin/deflection")),
                                     ("GET /api/v1/admin/article-stats", .admin("/api/v1/admin/article-stats"))] {
            samples.append(
                OpenAPIErrorSample(
                    operation: operation, status: 429, request: request, code: "rate_limited", fields: nil, why: "over the rate limit"))
        }
        return samples
    }()
}
