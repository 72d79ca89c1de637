import Foundation
import HummingbirdTesting
import Testing

@Suite struct PortalEndpointTests {
    @Test(arguments: [("/", "text/html; charset=utf-8"), ("/portal/portal.js", "text/javascript; charset=utf-8"),
                      ("/portal/portal-texts.js", "text/javascript; charset=utf-8"), ("/portal/portal.css", "text/css; charset=utf-8")])
    func pageFilesCarryTypeCachingAndSecurityHeaders(uri: String, contentType: String) async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == contentType)
                #expect(response.headers[.cacheControl] == "no-cache")
                let policy = response.headers[.init("Content-Security-Policy")!] ?? ""
                #expect(
                    policy.contains("default-src 'self'") && policy.contains("script-src 'self'") && policy.contains("style-src 'self'"))
                #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"))
                #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff")
                #expect(!response.text.isEmpty)
            }
        }
    }

    @Test func pageLoadsOnlyItsOwnFilesAndNoInlineCode() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/", method: .get) { response in
                let page = response.text
                #expect(page.contains(#"<html lang="de">"#))
                // The texts first: deferred scripts run in order, and portal.js reads them at start.
                let texts = try #require(page.range(of: #"<script src="/portal/portal-texts.js" defer></script>"#))
                let script = try #require(page.range(of: #"<script src="/portal/portal.js" defer></script>"#))
                #expect(texts.upperBound < script.lowerBound)
                #expect(page.contains(#"<link rel="stylesheet" href="/portal/portal.css">"#))
                // No inline script or style (the CSP would block it) and nothing from another origin.
                #expect(page.components(separatedBy: "<script").count == 3)
                #expect(!page.contains("<style") && !page.contains("style="))
                #expect(page.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "inline event handler")
                #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("//cdn"))
            }
        }
    }

    @Test func blankQueryWithinACategoryListsItsArticlesByTitle() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/search?q=&category=Konto%20%26%20Anmeldung", method: .get) { response in
                #expect(response.status == .ok)
                let results = try #require(response.json["results"] as? [[String: Any]])
                #expect(results.compactMap { $0["title"] as? String } == ["Kundennummer finden", "Passwort zurücksetzen"])
                #expect(results.allSatisfy { ($0["category"] as? String) == "Konto & Anmeldung" && ($0["score"] as? Double) == 0 })
                #expect(results.allSatisfy { !(($0["snippet"] as? String) ?? "").isEmpty })
            }
            try await client.execute(uri: "/api/v1/search?q=%20&category=Gibt%20es%20nicht", method: .get) { response in
                #expect(response.status == .ok)
                #expect((response.json["results"] as? [Any])?.isEmpty == true)
            }
            try await client.execute(uri: "/api/v1/search?q=", method: .get) { response in
                #expect((response.json["results"] as? [Any])?.isEmpty == true, "a blank query without a category finds nothing")
            }
        }
    }
}
