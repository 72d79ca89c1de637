import Foundation
import HummingbirdTesting
import LotseTestSupport
import Testing

@Suite struct SearchEndpointTests {
    @Test func searchReturnsRankedResultsWithSnippets() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/search?q=Kundennr%20finden&limit=2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let json = response.json
                #expect(json["query"] as? String == "Kundennr finden")
                #expect(json["tookMs"] is Double)
                let results = try #require(json["results"] as? [[String: Any]])
                #expect(results.first?["id"] as? String == "kundennummer")
                #expect((results.first?["snippet"] as? String)?.contains("<mark>") == true)
                #expect(results.count <= 2)
            }
        }
    }

    /// A visitor's category list holds the articles in their language only (an English article no longer
    /// counts in a German list); without `lang` every language counts.
    @Test func categoriesPerLanguage() async throws {
        var files = ArticleFixtures.markdownSet
        files["invoice.md"] = ArticleFixtures.invoiceEnglish
        try await ServerFixture(articles: files).test { client in
            func counts(_ query: String) async throws -> [String: Int] {
                let response = try await client.execute(uri: "/api/v1/categories\(query)", method: .get)
                #expect(response.status == .ok, "\(query)")
                let categories = response.json["categories"] as? [[String: Any]] ?? []
                return Dictionary(uniqueKeysWithValues: categories.compactMap { entry in
                    (entry["name"] as? String).map { ($0, entry["count"] as? Int ?? -1) }
                })
            }
            let all = try await counts("")
            #expect(all["Rechnungen & Zahlungen"] == 1)
            #expect(try await counts("?lang=en") == ["Rechnungen & Zahlungen": 1])
            let german = try await counts("?lang=DE")
            #expect(german["Rechnungen & Zahlungen"] == nil)
            #expect(german.values.reduce(0, +) == all.values.reduce(0, +) - 1)
            #expect(try await counts("?lang=fr").isEmpty)
            let invalid = try await client.execute(uri: "/api/v1/categories?lang=it", method: .get)
            #expect(invalid.status == .badRequest && invalid.error?.fields?.keys.sorted() == ["lang"])
        }
    }

    @Test func percentDecodingOfUmlautsAndPlus() async throws {
        try await ServerFixture().test { client in
            // "Passwort zurücksetzen" with ü percent-encoded as UTF-8 and a space as + (form encoding)
            try await client.execute(uri: "/api/v1/search?q=Passwort+zur%C3%BCcksetzen", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json["query"] as? String == "Passwort zurücksetzen")
                #expect((response.json["results"] as? [[String: Any]])?.first?["id"] as? String == "passwort-zuruecksetzen")
            }
        }
    }

    /// The query comes back in the hand-written JSON exactly as decoded: quotes, backslashes, control characters
    /// and characters outside the BMP.
    @Test(arguments: [
        // Other control characters than tab, CR and LF are refused (ControlCharacterTests).
        ("%22Passwort%22%5C+%09vergessen+%F0%9F%94%91", "\"Passwort\"\\ \tvergessen 🔑"),
        ("Gr%C3%B6%C3%9Fe%0D%0Aneu", "Größe\r\nneu"),
    ])
    func queryIsEchoedExactly(encoded: String, decoded: String) async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/search?q=\(encoded)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json["query"] as? String == decoded)
                #expect(response.json["tookMs"] is Double)
            }
        }
    }

    @Test("escapes that are not UTF-8 once decoded are 400 invalid_encoding naming the parameter; a repeated one 400 duplicate",
          arguments: [("q=%C0%AF", "q", "invalid_encoding"), ("q=%FF", "q", "invalid_encoding"), ("q=%ED%A0%80", "q", "invalid_encoding"),
                      ("q=100%+sicher%", "q", "invalid_encoding"), ("q=%E2%82", "q", "invalid_encoding"),
                      ("q=Rechnung&limit=%FF", "limit", "invalid_encoding"), ("q=a&q=b", "q", "duplicate"),
                      ("q=a&lang=de&lang=en", "lang", "duplicate")])
    func encodingAndRepeats(query: String, field: String, code: String) async throws {
        try await ServerFixture().test { client in
            let response = try await client.execute(uri: "/api/v1/search?\(query)", method: .get)
            #expect(response.status == .badRequest && response.error?.code == "invalid_parameter")
            #expect(response.details.map(\.field) == [field] && response.details.map(\.code) == [code], "\(response.text)")
        }
    }

    @Test func encodedPlusIsAPlus() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/search?q=C%2B%2B%20Fehler", method: .get) { response in
                #expect(response.json["query"] as? String == "C++ Fehler")
            }
        }
    }

    @Test(arguments: [
        ("/api/v1/search", "q"),
        ("/api/v1/search?q=x&limit=0", "limit"),
        ("/api/v1/search?q=x&limit=51", "limit"),
        ("/api/v1/search?q=x&limit=abc", "limit"),
        ("/api/v1/search?q=x&lang=xx", "lang"),
        ("/api/v1/search?q=" + String(repeating: "a", count: 2_001), "q"),
    ])
    func invalidParametersAre400NamingTheField(uri: String, field: String) async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.error?.code == "invalid_parameter")
                #expect(response.error?.fields?[field] != nil)
            }
        }
    }

    @Test func hostileQueriesAreAnsweredNormally() async throws {
        try await ServerFixture().test { client in
            for query in ["%22", "NEAR%28a%20b%29", "%27%3B%20DROP%20TABLE%20articles%3B--", "%2A%2A%2A", "AND%20OR%20NOT", "%F0%9F%94%91"]
            {
                try await client.execute(uri: "/api/v1/search?q=\(query)", method: .get) { response in
                    #expect(response.status == .ok, "q=\(query)")
                }
            }
        }
    }

    @Test func suggestRanksDrafts() async throws {
        try await ServerFixture().test { client in
            let body = #"{"subject":"Kennwort vergessen","description":"Hallo,\nich komme nicht mehr ins Kundencenter.\nGruß","#
                + #""limit":3,"session":"s-1"}"#
            try await client.execute(uri: "/api/v1/suggest", method: .post, headers: jsonHeaders, body: .json(body)) { response in
                #expect(response.status == .ok)
                #expect((response.json["results"] as? [[String: Any]])?.first?["id"] as? String == "passwort-zuruecksetzen")
            }
        }
    }

    @Test(arguments: [
        (#"{"subject":5}"#, "subject"),
        (#"{"subject":"a","limit":0}"#, "limit"),
        (#"{"subject":"a","limit":"drei"}"#, "limit"),
        (#"{"subject":"a","lang":"xx"}"#, "lang"),
        (#"{"subject":"","description":"  "}"#, "subject"),
        (#"{"subject":"a","session":"\#(String(repeating: "s", count: 200))"}"#, "session"),
    ])
    func invalidSuggestFieldsAre422(body: String, field: String) async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/suggest", method: .post, headers: jsonHeaders, body: .json(body)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.error?.code == "invalid_fields")
                #expect(response.error?.fields?[field] != nil, "\(response.text)")
            }
        }
    }

    @Test func malformedJSONIs400() async throws {
        try await ServerFixture().test { client in
            for body in ["{", "[1,2]", "\"text\"", "{\"subject\": }", "", "nul"] {
                try await client.execute(uri: "/api/v1/suggest", method: .post, headers: jsonHeaders, body: .json(body)) { response in
                    #expect(response.status == .badRequest, "\(body)")
                    #expect(response.error?.code == "invalid_json")
                }
            }
        }
    }

    @Test func wrongContentTypeIs415() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/suggest", method: .post, headers: [.contentType: "text/plain"], body: .json("{}")) {
                response in
                #expect(response.status == .unsupportedMediaType)
                #expect(response.error?.code == "unsupported_media_type")
            }
        }
    }

    @Test func oversizedBodyIs413() async throws {
        try await ServerFixture(maximumBodyBytes: 1_000).test { client in
            let body = #"{"subject":"\#(String(repeating: "a", count: 2_000))"}"#
            try await client.execute(uri: "/api/v1/suggest", method: .post, headers: jsonHeaders, body: .json(body)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.error?.code == "body_too_large")
            }
        }
    }
}
