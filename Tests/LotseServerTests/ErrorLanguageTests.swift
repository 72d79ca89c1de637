import Foundation
import HTTPTypes
import HummingbirdTesting
import LotseAnalysis
import LotseTestSupport
import Testing

@testable import LotseServer

/// Error messages in the request's language: `Accept-Language` with q-values, German by default.
@Suite("Error message language")
struct ErrorLanguageTests {
    static let negotiation: [(String?, Language)] = [
        (nil, .de), ("", .de), ("de", .de), ("de-DE,de;q=0.9", .de), ("en-US,en;q=0.9", .en), ("fr", .fr), ("es", .es),
        ("fr-CH, fr;q=0.9, en;q=0.8", .fr), ("it", .de), ("it, es;q=0.5", .es), ("ja, *;q=0.5", .de), ("de;q=0.2, en;q=0.8", .en),
        ("en;q=0, fr;q=0.1", .fr), ("en;q=0", .de), ("EN-gb", .en), ("es;q=abc, en", .en), ("en;q=2", .de), (" es ; q=0.7 ", .es),
        ("fr;q=0.5, es;q=0.5", .fr),
    ]

    @Test("Accept-Language picks de, en, fr or es by q-value; anything else is German", arguments: 0..<negotiation.count)
    func negotiates(_ index: Int) {
        let (header, expected) = Self.negotiation[index]
        #expect(MessageLanguage.negotiate(header) == expected, "\(header ?? "no header")")
    }

    static let invalidEmail: [(String, String, String)] = [
        ("de", "de", "Bitte geben Sie eine gültige E-Mail-Adresse an."),
        ("en-US,en;q=0.9", "en", "Please enter a valid email address."),
        ("fr", "fr", "Veuillez saisir une adresse e-mail valide."),
        ("es", "es", "Introduzca una dirección de correo electrónico válida."),
        ("pt-BR", "de", "Bitte geben Sie eine gültige E-Mail-Adresse an."),
    ]

    @Test("the same invalid ticket answers in each language, with Content-Language and Vary", arguments: 0..<invalidEmail.count)
    func answersInLanguage(_ index: Int) async throws {
        let (header, language, message) = Self.invalidEmail[index]
        try await TicketFixture().test { client in
            let response = try await client.execute(uri: "/api/v1/tickets", method: .post,
                                                    headers: [.contentType: "application/json", .acceptLanguage: header],
                                                    body: .json(ticketJSON(["email": "kaputt"])))
            #expect(response.status == .unprocessableContent)
            #expect(response.error?.fields?["email"] == message, "\(response.text)")
            #expect(response.details.map(\.code) == ["invalid_email"])
            #expect(response.headers[.contentLanguage] == language)
            #expect(response.headers[.vary]?.contains("Accept-Language") == true)
        }
    }

    @Test("middleware errors are worded too: 404, 405, 429 in English on request")
    func middlewareErrors() async throws {
        let fixture = try ServerFixture(rateLimit: 1)
        try await fixture.test { client in
            let english: HTTPFields = [.acceptLanguage: "en"]
            let wrongMethod = try await client.execute(uri: "/api/v1/search", method: .delete, headers: english)
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.error?.message == "This address only accepts GET.", "\(wrongMethod.text)")
            let limited = try await client.execute(uri: "/api/v1/categories", method: .get)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.error?.message == "Zu viele Anfragen in kurzer Zeit. Bitte versuchen Sie es gleich noch einmal.")
            let missing = try await client.execute(uri: "/gibt-es-nicht", method: .get, headers: [.acceptLanguage: "es"])
            #expect(missing.error?.code == "not_found" && missing.error?.message == "Esta dirección no existe.")
        }
    }

    /// Words that would mean English text in a German answer (checked as whole words).
    static let englishWords: Set<String> = [
        "the", "is", "must", "be", "required", "not", "valid", "invalid", "characters", "at", "most", "one", "of", "file", "files",
        "please", "wrong", "type", "field", "fields", "larger", "than", "bytes", "empty", "given", "blank",
    ]

    static func englishWords(in text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init).filter { englishWords.contains($0) }
    }

    @Test("a German answer about every known ticket field holds no English words")
    func noEnglishInGerman() async throws {
        let fixture = try TicketFixture { $0.attachmentPolicy.maximumBytes = 2_000 }
        try await fixture.test { client in
            var body = MultipartBody()
            body.field("email", "kein-at-zeichen")
            body.field("subject", String(repeating: "ä", count: 201))
            body.field("company", bytes: [0x42, 0xE4])
            body.field("customerNumber", String(repeating: "1", count: 65))
            body.field("category", "Konto\u{1B}")
            body.field("customFields[serverName]", "srv-1")
            body.file(filename: "x.gif", type: "image/gif", bytes: Files.elf)
            body.file(filename: "groß.txt", type: "text/plain", bytes: [UInt8](repeating: 0x41, count: 2_001))
            body.file(filename: "leer.txt", type: "text/plain", bytes: [])
            let response = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: body.headers, body: body.finished())
            #expect(response.status == .unprocessableContent)
            let fields = Set(response.details.map(\.field))
            #expect(fields == ["email", "name", "subject", "description", "company", "customerNumber", "category", "consent",
                               "customFields.serverName", "attachments"], "\(response.text)")
            for text in response.details.map(\.message) + [response.error?.message ?? ""] {
                #expect(Self.englishWords(in: text).isEmpty, "English in \(text)")
            }
            let messages = Dictionary(response.details.map { ($0.message, $0.field) }) { first, _ in first }
            for expected in ["„groß.txt“ ist zu groß: erlaubt sind höchstens 2 KB.",
                             "„x.gif“ hat einen Dateityp, den wir nicht annehmen können. "
                                 + "Erlaubt sind PNG, JPEG, PDF und Textdateien (.txt).",
                             "„Betreff“ darf höchstens 200 Zeichen lang sein.", "Bitte füllen Sie das Feld „Beschreibung“ aus.",
                             "„Servername“ hat nicht das erwartete Format (z. B. de-01-srv-1234)."] {
                #expect(messages[expected] != nil, "missing \(expected) in \(response.text)")
            }
        }
    }
}
