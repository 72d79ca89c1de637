import HTTPTypes
import NIOCore

/// The operator page's and the ticket detail's samples: requests that succeed, and requests that provoke each
/// documented 4xx.
extension OpenAPISamples {
    static let adminPage = "GET /admin", signIn = "POST /admin/anmelden", signOut = "POST /admin/abmelden",
        adminFile = "GET /admin/dateien/{file}", ticketDetail = "GET /api/v1/admin/tickets/{id}"

    static let adminSuccess: [String: [OpenAPISampleRequest]] = [
        adminPage: [OpenAPISampleRequest(method: .get, uri: "/admin"), OpenAPISampleRequest(method: .get, uri: "/admin?fehler=token")],
        signIn: [form("/admin/anmelden", "token=\(adminToken)&name=Anna+Schmidt"), form("/admin/anmelden", "token=falsch&name=Anna")],
        signOut: [OpenAPISampleRequest(method: .post, uri: "/admin/abmelden")],
        adminFile: [OpenAPISampleRequest(method: .get, uri: "/admin/dateien/admin.js"),
                    OpenAPISampleRequest(method: .get, uri: "/admin/dateien/admin.css")],
        ticketDetail: [.admin("/api/v1/admin/tickets/LT-000001")],
    ]

    static let adminErrors: [OpenAPIErrorSample] = {
        var samples = [
            OpenAPIErrorSample(operation: signIn, status: 403, request: crossSite(form("/admin/anmelden", "token=x&name=y")),
                               code: "cross_site", fields: nil, why: "another website's form, not counted as a failure"),
            OpenAPIErrorSample(operation: signIn, status: 413,
                               request: form("/admin/anmelden", "token=" + String(repeating: "x", count: 5_000)),
                               code: "body_too_large", fields: ["body"], why: "over 4 KiB"),
            OpenAPIErrorSample(operation: signIn, status: 415,
                               request: .json("/admin/anmelden", #"{"token":"x","name":"Anna"}"#), code: "unsupported_media_type",
                               fields: ["Content-Type"], why: "JSON instead of a form"),
            OpenAPIErrorSample(operation: signIn, status: 429, request: form("/admin/anmelden", "token=x&name=y"), code: "rate_limited",
                               fields: nil, why: "over the rate limit"),
            OpenAPIErrorSample(operation: signOut, status: 429, request: OpenAPISampleRequest(method: .post, uri: "/admin/abmelden"),
                               code: "rate_limited", fields: nil, why: "over the rate limit"),
            OpenAPIErrorSample(operation: adminFile, status: 404,
                               request: OpenAPISampleRequest(method: .get, uri: "/admin/dateien/index.html"), code: "not_found",
                               fields: nil, why: "unknown file"),
            OpenAPIErrorSample(operation: ticketDetail, status: 401, request: .admin("/api/v1/admin/tickets/LT-000001", token: "falsch"),
                               code: "unauthorized", fields: nil, why: "wrong token"),
            OpenAPIErrorSample(operation: ticketDetail, status: 404, request: .admin("/api/v1/admin/tickets/LT-999999"),
                               code: "not_found", fields: nil, why: "unknown ticket"),
            OpenAPIErrorSample(operation: ticketDetail, status: 400, request: .admin("/api/v1/admin/tickets/LT-000001%00"),
                               code: "invalid_parameter", fields: ["id"], why: "a NUL in the id"),
            OpenAPIErrorSample(operation: ticketDetail, status: 429, request: .admin("/api/v1/admin/tickets/LT-000001"),
                               code: "rate_limited", fields: nil, why: "over the rate limit"),
        ]
        for (operation, uri, methods) in [(adminPage, "/admin", [HTTPRequest.Method.delete, .post]),
                                          (signIn, "/admin/anmelden", [.get, .delete]), (signOut, "/admin/abmelden", [.get, .put]),
                                          (adminFile, "/admin/dateien/admin.js", [.delete, .post]),
                                          (ticketDetail, "/api/v1/admin/tickets/LT-000001", [.put])] {
            for method in methods {
                samples.append(OpenAPIErrorSample(operation: operation, status: 405,
                                                  request: OpenAPISampleRequest(method: method, uri: uri), code: "method_not_allowed",
                                                  fields: nil, why: "\(method.rawValue) \(uri)"))
            }
        }
        return samples
    }()
}
