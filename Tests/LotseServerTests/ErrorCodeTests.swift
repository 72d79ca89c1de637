import Foundation
import HTTPTypes
import HummingbirdTesting
import LotseServer
import LotseTestSupport
import NIOCore
import Testing

/// One bad request per field code: the answer names the field with that code, and `fields` carries the same message.
struct ErrorCodeCase: Sendable, CustomTestStringConvertible {
    var why: String
    var status: HTTPResponse.Status
    var field: String
    var code: String
    var request: @Sendable (any TestClientProtocol) async throws -> TestResponse

    var testDescription: String { "\(code) for \(field): \(why)" }
}

@Suite("Error codes per field")
struct ErrorCodeTests {
    static func multipart(_ build: @escaping @Sendable (inout MultipartBody) -> Void) -> @Sendable (any TestClientProtocol) async throws
        -> TestResponse
    {
        { client in
            var body = MultipartBody.validTicket()
            build(&body)
            return try await client.execute(uri: "/api/v1/tickets", method: .post, headers: body.headers, body: body.finished())
        }
    }

    static func json(_ uri: String, _ text: String, method: HTTPRequest.Method = .post) -> @Sendable (any TestClientProtocol) async throws
        -> TestResponse
    {
        { client in try await client.execute(uri: uri, method: method, headers: jsonHeaders, body: .json(text)) }
    }

    static func get(_ uri: String) -> @Sendable (any TestClientProtocol) async throws -> TestResponse {
        { client in try await client.execute(uri: uri, method: .get, headers: adminHeaders) }
    }

    static let cases: [ErrorCodeCase] = [
        ErrorCodeCase(why: "no name", status: .unprocessableContent, field: "name", code: "required") {
            try await $0.submitTicket(ticketJSON(["name": nil]))
        },
        ErrorCodeCase(why: "no @", status: .unprocessableContent, field: "email", code: "invalid_email") {
            try await $0.submitTicket(ticketJSON(["email": "jana(at)example.de"]))
        },
        ErrorCodeCase(why: "201 characters", status: .unprocessableContent, field: "subject", code: "too_long") {
            try await $0.submitTicket(ticketJSON(["subject": String(repeating: "ü", count: 201)]))
        },
        ErrorCodeCase(why: "ESC", status: .unprocessableContent, field: "company", code: "control_characters") {
            try await $0.submitTicket(ticketJSON(["company": "Firma\u{1B}"]))
        },
        ErrorCodeCase(why: "consent false", status: .unprocessableContent, field: "consent", code: "consent_required") {
            try await $0.submitTicket(ticketJSON(["consent": false]))
        },
        ErrorCodeCase(why: "wrong format", status: .unprocessableContent, field: "customFields.serverName", code: "pattern") {
            try await $0.submitTicket(ticketJSON(["customFields": ["serverName": "srv-1"]]))
        },
        ErrorCodeCase(why: "four files", status: .unprocessableContent, field: "attachments", code: "too_many", request: multipart {
            for name in ["a.txt", "b.txt", "c.txt", "d.txt"] { $0.file(filename: name, type: "text/plain", bytes: Files.text) }
        }),
        ErrorCodeCase(why: "empty file", status: .unprocessableContent, field: "attachments", code: "empty_file", request: multipart {
            $0.file(filename: "leer.txt", type: "text/plain", bytes: [])
        }),
        ErrorCodeCase(why: "over 2000 bytes", status: .unprocessableContent, field: "attachments", code: "too_large", request: multipart {
            $0.file(filename: "groß.txt", type: "text/plain", bytes: [UInt8](repeating: 0x41, count: 2_001))
        }),
        ErrorCodeCase(why: "an executable", status: .unprocessableContent, field: "attachments", code: "type_not_allowed",
                      request: multipart { $0.file(filename: "x.gif", type: "image/gif", bytes: Files.elf) }),
        ErrorCodeCase(why: "a text part named attachments", status: .unprocessableContent, field: "attachments", code: "missing_file_name",
                      request: multipart { $0.field("attachments", "kein Dateiname") }),
        ErrorCodeCase(why: "Latin-1", status: .unprocessableContent, field: "company", code: "invalid_encoding",
                      request: multipart { $0.field("company", bytes: [0x42, 0xE4, 0x63, 0x6B, 0x65, 0x72]) }),
        ErrorCodeCase(why: "a number", status: .unprocessableContent, field: "subject", code: "wrong_type",
                      request: json("/api/v1/suggest", #"{"subject": 42}"#)),
        ErrorCodeCase(why: "a number in a custom field", status: .unprocessableContent, field: "customFields.serverName",
                      code: "wrong_type",
                      request: json("/api/v1/tickets", #"{"customFields": {"serverName": 7}}"#)),
        ErrorCodeCase(why: "a fraction", status: .unprocessableContent, field: "limit", code: "out_of_range",
                      request: json("/api/v1/suggest", #"{"subject": "Passwort", "limit": 5.5}"#)),
        ErrorCodeCase(why: "past Int", status: .unprocessableContent, field: "limit", code: "out_of_range",
                      request: json("/api/v1/suggest", #"{"subject": "Passwort", "limit": -99999999999999999999}"#)),
        ErrorCodeCase(why: "a string", status: .unprocessableContent, field: "limit", code: "wrong_type",
                      request: json("/api/v1/suggest", #"{"subject": "Passwort", "limit": "5"}"#)),
        ErrorCodeCase(why: "blank draft", status: .unprocessableContent, field: "subject", code: "required_either",
                      request: json("/api/v1/suggest", #"{"subject": " "}"#)),
        ErrorCodeCase(why: "broken JSON", status: .badRequest, field: "body", code: "invalid_json", request: json("/api/v1/suggest", "{")),
        ErrorCodeCase(why: "a key twice", status: .badRequest, field: "description", code: "duplicate",
                      request: json("/api/v1/suggest", #"{"subject": "Passwort", "description": "a", "description": "b"}"#)),
        ErrorCodeCase(why: "a key twice, once escaped", status: .badRequest, field: "email", code: "duplicate",
                      request: json("/api/v1/tickets", #"{"email": "a@beispiel.de", "\u0065mail": "b@beispiel.de"}"#)),
        ErrorCodeCase(why: "a custom field twice", status: .badRequest, field: "customFields.serverName", code: "duplicate",
                      request: json("/api/v1/tickets", #"{"customFields": {"serverName": "a", "serverName": "b"}}"#)),
        ErrorCodeCase(why: "a text body", status: .unsupportedMediaType, field: "Content-Type", code: "unsupported_media_type") {
            try await $0.execute(uri: "/api/v1/suggest", method: .post, headers: [.contentType: "text/plain"], body: .json("Hilfe"))
        },
        ErrorCodeCase(why: "over 64 KiB", status: .contentTooLarge, field: "body", code: "too_large",
                      request: json("/api/v1/suggest", #"{"subject":""# + String(repeating: "a", count: 70_000) + #""}"#)),
        ErrorCodeCase(why: "a part without its end", status: .badRequest, field: "body", code: "invalid_multipart") {
            try await $0.execute(uri: "/api/v1/tickets", method: .post, headers: MultipartBody().headers,
                                 body: ByteBuffer(string: "--\(MultipartBody.boundary)\r\nContent-Disposition form-data\r\n\r\n"))
        },
        ErrorCodeCase(why: "Italian", status: .badRequest, field: "lang", code: "invalid_choice",
                      request: get("/api/v1/search?q=a&lang=it")),
        ErrorCodeCase(why: "limit 0", status: .badRequest, field: "limit", code: "out_of_range",
                      request: get("/api/v1/search?q=a&limit=0")),
        ErrorCodeCase(why: "no q", status: .badRequest, field: "q", code: "required", request: get("/api/v1/search")),
        ErrorCodeCase(why: "unknown status", status: .unprocessableContent, field: "status", code: "invalid_choice") {
            try await $0.admin("/api/v1/admin/tickets/LT-000001", method: .patch, body: #"{"status":"weg"}"#)
        },
        ErrorCodeCase(why: "page 0", status: .badRequest, field: "page", code: "out_of_range",
                      request: get("/api/v1/admin/tickets?page=0")),
        ErrorCodeCase(why: "yesterday", status: .badRequest, field: "since", code: "invalid_value",
                      request: get("/api/v1/admin/stats?since=gestern")),
        ErrorCodeCase(why: "no articleId", status: .unprocessableContent, field: "articleId", code: "required",
                      request: json("/api/v1/deflections", #"{"session":"s"}"#)),
        ErrorCodeCase(why: "helpful missing", status: .unprocessableContent, field: "helpful", code: "required",
                      request: json("/api/v1/articles/kundennummer/feedback", #"{"session":"s"}"#)),
        ErrorCodeCase(why: "empty key", status: .badRequest, field: "Idempotency-Key", code: "required") {
            try await $0.submitTicket(key: "")
        },
        ErrorCodeCase(why: "a changed ticket under the same key", status: .unprocessableContent, field: "Idempotency-Key",
                      code: "already_used") { client in
            _ = try await client.submitTicket(key: "schluessel-1")
            return try await client.submitTicket(ticketJSON(["subject": "Etwas anderes"]), key: "schluessel-1")
        },
    ]

    @Test("the answer names the field with its code", arguments: cases)
    func codeForField(_ sample: ErrorCodeCase) async throws {
        let fixture = try TicketFixture { $0.attachmentPolicy.maximumBytes = 2_000 }
        try await fixture.test { client in
            let response = try await sample.request(client)
            #expect(response.status == sample.status, "\(response.text)")
            let detail = try #require(response.details.first { $0.field == sample.field }, "\(response.text)")
            #expect(detail.code == sample.code, "\(response.text)")
            #expect(!detail.message.isEmpty && response.error?.fields?[sample.field] == detail.message, "\(response.text)")
            #expect(response.headers[.contentLanguage] == "de")
        }
    }

    @Test("a wrongly typed value under a key the client made up names the field above it, never the key")
    func madeUpKey() async throws {
        try await TicketFixture().test { client in
            let key = "x\u{202E}gpj.exe\n" + String(repeating: "k", count: 5_000)
            let body = try JSONSerialization.data(withJSONObject: ["customFields": [key: 7]])
            let response = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: jsonHeaders,
                                                    body: ByteBuffer(bytes: body))
            #expect(response.status == .unprocessableContent)
            #expect(response.details.map(\.field) == ["customFields"] && response.details.first?.code == "wrong_type", "\(response.text)")
            #expect(!response.text.contains("\u{202E}") && !response.text.contains("kkkk") && response.text.count < 1_000)
        }
    }

    @Test("a custom field of the wrong JSON type is named by its label, in the customer's language")
    func customFieldLabel() async throws {
        try await TicketFixture().test { client in
            for language in ["de", "en"] {
                var headers = jsonHeaders
                headers[.acceptLanguage] = language
                let response = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: headers,
                                                        body: .json(#"{"customFields": {"serverName": 7}}"#))
                let detail = try #require(response.details.first { $0.field == "customFields.serverName" }, "\(response.text)")
                #expect(detail.code == "wrong_type" && detail.message.contains("Servername"), "\(detail.message)")
                let summary = response.error?.message ?? ""
                #expect(summary.contains("Servername") && !summary.contains("customFields"), "\(summary)")
            }
        }
    }

    @Test("a ticket-only article refused as a deflection says ticket_only")
    func ticketOnly() async throws {
        var files = ArticleFixtures.markdownSet
        files["rueckerstattung-beantragen.md"] = TicketOnlyTests.refund
        try await ServerFixture(articles: files).test { client in
            let refused = try await client.post("/api/v1/deflections", json: #"{"articleId":"rueckerstattung-beantragen"}"#)
            #expect(refused.details.map(\.code) == ["ticket_only"] && refused.details.map(\.field) == ["articleId"], "\(refused.text)")
        }
    }

    @Test("limits travel as params: maxBytes, file and types of a refused file")
    func parameters() async throws {
        let fixture = try TicketFixture { $0.attachmentPolicy.maximumBytes = 2_000 }
        try await fixture.test { client in
            var body = MultipartBody.validTicket()
            body.file(filename: "x.gif", type: "image/gif", bytes: Files.elf)
            body.file(filename: "groß.txt", type: "text/plain", bytes: [UInt8](repeating: 0x41, count: 2_001))
            let response = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: body.headers, body: body.finished())
            let details = (response.json["error"] as? [String: Any])?["details"] as? [[String: Any]] ?? []
            let params = details.compactMap { $0["params"] as? [String: Any] }
            #expect(params.count == 2, "\(response.text)")
            #expect(params.first?["file"] as? String == "x.gif")
            #expect(params.first?["types"] as? [String] == ["image/png", "image/jpeg", "application/pdf", "text/plain"])
            #expect(params.last?["file"] as? String == "groß.txt" && params.last?["maxBytes"] as? Int == 2_000)
            // Both problems of the one field, in `fields` as one text.
            #expect(response.error?.fields?["attachments"] == details.compactMap { $0["message"] as? String }.joined(separator: " "))
        }
    }
}
