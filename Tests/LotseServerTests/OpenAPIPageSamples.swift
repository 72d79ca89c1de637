import HTTPTypes
import NIOCore

/// The help-center pages' samples: requests that succeed, and requests that provoke each documented 4xx
/// (their 404 is the German HTML page, the others the JSON error).
extension OpenAPISamples {
    static let start = "GET /hilfe", category = "GET /hilfe/{kategorie}", page = "GET /hilfe/{kategorie}/{artikel}",
        vote = "POST /hilfe/{kategorie}/{artikel}", sitemap = "GET /sitemap.xml"
    static let articlePage = "/hilfe/konto-anmeldung/kundennummer-finden"

    static func form(_ uri: String, _ body: String) -> OpenAPISampleRequest {
        OpenAPISampleRequest(method: .post, uri: uri, headers: [.contentType: "application/x-www-form-urlencoded"],
                             body: ByteBuffer(string: body))
    }

    /// The request as a browser sends it when another website's page submitted it.
    static func crossSite(_ request: OpenAPISampleRequest) -> OpenAPISampleRequest {
        var request = request
        request.headers[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
        return request
    }

    static let pageSuccess: [String: [OpenAPISampleRequest]] = [
        start: [OpenAPISampleRequest(method: .get, uri: "/hilfe"),
                OpenAPISampleRequest(method: .get, uri: "/hilfe?q=Kundennummer&lang=alle")],
        category: [OpenAPISampleRequest(method: .get, uri: "/hilfe/konto-anmeldung?lang=de")],
        page: [OpenAPISampleRequest(method: .get, uri: articlePage), OpenAPISampleRequest(method: .get, uri: articlePage + "?danke=ja")],
        vote: [form(articlePage, "hilfreich=ja")],
        sitemap: [OpenAPISampleRequest(method: .get, uri: "/sitemap.xml")],
        "GET /anfrage/eingegangen": [OpenAPISampleRequest(method: .get, uri: "/anfrage/eingegangen?nummer=LT-000042")],
    ]

    static let pageErrors: [OpenAPIErrorSample] = {
        func get(_ uri: String) -> OpenAPISampleRequest { OpenAPISampleRequest(method: .get, uri: uri) }
        func html404(_ operation: String, _ request: OpenAPISampleRequest, _ why: String) -> OpenAPIErrorSample {
            OpenAPIErrorSample(operation: operation, status: 404, request: request, code: "", fields: nil, why: why)
        }
        var samples = [
            OpenAPIErrorSample(operation: start, status: 400, request: get("/hilfe?q=" + String(repeating: "a", count: 2_001)),
                               code: "invalid_parameter", fields: ["q"], why: "q over 2000 characters"),
            OpenAPIErrorSample(operation: start, status: 400, request: get("/hilfe?lang=xx"), code: "invalid_parameter", fields: ["lang"],
                               why: "unknown lang"),
            OpenAPIErrorSample(operation: category, status: 400, request: get("/hilfe/konto-anmeldung?lang=de%01"),
                               code: "invalid_parameter", fields: ["lang"], why: "control character in lang"),
            html404(category, get("/hilfe/gibt-es-nicht"), "unknown category"),
            html404(page, get("/hilfe/konto-anmeldung/gibt-es-nicht"), "unknown article"),
            OpenAPIErrorSample(operation: vote, status: 400, request: form(articlePage, "hilfreich=vielleicht"), code: "invalid_parameter",
                               fields: ["hilfreich"], why: "neither ja nor nein"),
            html404(vote, form("/hilfe/konto-anmeldung/gibt-es-nicht", "hilfreich=ja"), "unknown article"),
            OpenAPIErrorSample(operation: vote, status: 413,
                               request: form(articlePage, "hilfreich=ja&x=" + String(repeating: "x", count: 2_000)),
                               code: "body_too_large", fields: ["body"], why: "over 1 KiB"),
            OpenAPIErrorSample(operation: vote, status: 403, request: crossSite(form(articlePage, "hilfreich=nein")), code: "cross_site",
                               fields: nil, why: "another website's form"),
            OpenAPIErrorSample(operation: vote, status: 422, request: form("/hilfe/rechnungen-zahlungen/rueckerstattung", "hilfreich=ja"),
                               code: "invalid_fields", fields: ["hilfreich"], why: "a ticket-only article takes no vote"),
            OpenAPIErrorSample(operation: vote, status: 429, request: form(articlePage, "hilfreich=ja"), code: "rate_limited", fields: nil,
                               why: "over the rate limit"),
            OpenAPIErrorSample(operation: start, status: 429, request: get("/hilfe?q=Kundennummer"), code: "rate_limited", fields: nil,
                               why: "the search page over the rate limit"),
        ]
        for (operation, uri, methods) in [(start, "/hilfe", [HTTPRequest.Method.delete, .post]),
                                          (category, "/hilfe/konto-anmeldung", [.put, .post]), (page, articlePage, [.delete, .put]),
                                          (vote, articlePage, [.patch, .delete]),
                                          (sitemap, "/sitemap.xml", [.delete, .post])] {
            for method in methods {
                samples.append(OpenAPIErrorSample(operation: operation, status: 405,
                                                  request: OpenAPISampleRequest(method: method, uri: uri), code: "method_not_allowed",
                                                  fields: nil, why: "\(method.rawValue) \(uri)"))
            }
        }
        return samples
    }()
}
