import Foundation
import HTTPTypes
import HummingbirdTesting
import LotseTestSupport
import Testing

@Suite struct ServiceEndpointTests {
    @Test func articleByID() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/articles/kundennummer", method: .get) { response in
                #expect(response.status == .ok)
                let json = response.json
                #expect(json["title"] as? String == "Kundennummer finden")
                #expect(Set(json.keys).isSuperset(of: ["id", "title", "category", "tags", "lang", "html"]))
                #expect((json["html"] as? String)?.contains("<strong>Kundennummer</strong>") == true)
                #expect(json["tags"] is [String])
            }
        }
    }

    @Test(arguments: ["/api/v1/articles/gibt-es-nicht", "/api/v1/articles/..%2F..%2Fetc%2Fpasswd", "/api/v1/articles/%00", "/nirgends",
                      "/portal/gibt-es-nicht.css", "/portal/..%2FPackage.swift", "/portal/openapi.yaml"])
    func unknownResourcesAre404(uri: String) async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.error?.code == "not_found")
            }
        }
    }

    @Test func categoriesWithCounts() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/categories", method: .get) { response in
                #expect(response.status == .ok)
                let categories = try #require(response.json["categories"] as? [[String: Any]])
                #expect(categories.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == 3)
                #expect(categories.allSatisfy { $0["name"] is String })
            }
        }
    }

    @Test func healthReportsTheIndex() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json["status"] as? String == "ok")
                #expect(response.json["articles"] as? Int == 3)
                #expect((response.json["analyzerVersion"] as? String)?.hasPrefix("lotse-") == true)
                // No sentence encoder configured: lexical-only, and /healthz says so.
                #expect(response.json["semantic"] as? Bool == false)
            }
        }
    }

    /// With the sentence encoder (`make deps`), the index is built with vectors and served hybrid.
    @Test func healthReportsSemanticRanking() async throws {
        guard let model = try SemanticTestModel.load() else { return }
        var fixture = try ServerFixture()
        fixture.configuration.semanticModel = model
        try await fixture.test { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.json["semantic"] as? Bool == true)
            }
            try await client.execute(uri: "/api/v1/search?q=Kundennummer", method: .get) { response in
                #expect((response.json["results"] as? [[String: Any]])?.first?["id"] as? String == "kundennummer")
            }
        }
    }

    @Test func metricsCountRequestsAndSuggestions() async throws {
        try await ServerFixture().test { client in
            _ = try await client.execute(uri: "/api/v1/search?q=Kundennummer", method: .get)
            _ = try await client.execute(uri: "/api/v1/search?q=Mallorca%20Flug", method: .get)
            for invented in ["BREW", "FROBNICATE"] {
                _ = try await client.execute(uri: "/api/v1/search?q=Kundennummer", method: try #require(HTTPRequest.Method(invented)))
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                let text = response.text
                #expect(text.contains(#"lotse_http_requests_total{route="/api/v1/search",method="GET",status="200"} 2"#))
                #expect(text.contains(#"lotse_suggestions_total{endpoint="search",outcome="hit"} 1"#))
                #expect(text.contains(#"lotse_suggestions_total{endpoint="search",outcome="miss"} 1"#))
                #expect(text.contains("lotse_http_request_duration_seconds_bucket"))
                // Invented methods share one label value instead of adding series.
                #expect(text.contains(#"method="other",status="405"} 2"#))
                #expect(!text.contains("BREW") && !text.contains("FROBNICATE"))
                #expect(text.contains("lotse_index_articles 3"))
                // The exported names stay as dashboards know them, each with its help line.
                for (name, type) in [("lotse_http_requests_total", "counter"), ("lotse_http_request_duration_seconds", "histogram"),
                                     ("lotse_suggestions_total", "counter"), ("lotse_index_articles", "gauge"),
                                     ("lotse_index_bytes", "gauge")] {
                    #expect(text.contains("# TYPE \(name) \(type)\n") && text.contains("# HELP \(name) "), "\(name)")
                }
            }
        }
    }

    @Test(arguments: [("/api/v1/search", "DELETE", "GET"), ("/api/v1/suggest", "GET", "POST"), ("/healthz", "POST", "GET"),
                      ("/api/v1/articles/kundennummer", "PUT", "GET")])
    func wrongMethodIs405WithAllow(uri: String, method: String, allow: String) async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: uri, method: .init(method)!) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == allow)
                #expect(response.error?.code == "method_not_allowed")
            }
        }
    }

    /// HEAD of a GET route: the GET's status and headers (Content-Length included), no body. (Not a search:
    /// its `tookMs` differs from call to call, and so its length.)
    @Test(arguments: ["/healthz", "/api/v1/categories", "/api/v1/articles/kundennummer", "/api/v1/articles/gibt-es-nicht"])
    func headAnswersLikeGetWithoutBody(uri: String) async throws {
        try await ServerFixture().test(mode: .live) { client in
            let get = try await client.execute(uri: uri, method: .get)
            let head = try await client.execute(uri: uri, method: .head)
            #expect(head.status == get.status)
            #expect(head.headers[.contentType] == get.headers[.contentType])
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(get.body.readableBytes > 0)
            #expect(head.body.readableBytes == 0)
        }
    }

    @Test func corsOnlyForConfiguredOrigins() async throws {
        try await ServerFixture(corsOrigins: ["https://portal.example"]).test { client in
            try await client.execute(uri: "/healthz", method: .get, headers: [.origin: "https://portal.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == "https://portal.example")
            }
            try await client.execute(uri: "/healthz", method: .get, headers: [.origin: "https://evil.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.execute(uri: "/api/v1/suggest", method: .options,
                                     headers: [.origin: "https://portal.example", .accessControlRequestMethod: "POST"]) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowMethods]?.contains("POST") == true)
            }
        }
    }

    @Test func rateLimitAnswers429WithRetryAfter() async throws {
        try await ServerFixture(rateLimit: 3).test { client in
            for _ in 0..<3 {
                try await client.execute(uri: "/api/v1/search?q=a", method: .get) { #expect($0.status == .ok) }
            }
            try await client.execute(uri: "/api/v1/search?q=a", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 >= 1)
                #expect(response.error?.code == "rate_limited")
            }
            // Health checks are not rate limited.
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }
}
