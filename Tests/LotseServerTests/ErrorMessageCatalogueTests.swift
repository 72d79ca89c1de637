import LotseAnalysis
import LotseTickets
import Testing

@testable import LotseServer

/// Every code has its words in every language, with every placeholder filled; the formats read as each language writes.
@Suite("Error message catalogue")
struct ErrorMessageCatalogueTests {
    /// Every parameter any template may use, so each placeholder is exercised.
    static let allParameters: [String: FieldProblem.Parameter] = [
        "max": .number(20_000), "min": .number(1), "maxBytes": .number(10 * 1024 * 1024), "file": .text("x.gif"),
        "types": .list(AttachmentPolicy.recognisedTypes), "allowed": .list(["de", "en"]), "examples": .list(["30d", "24h"]),
        "expected": .text("boolean"), "hint": .text("z. B. de-01-srv-1234"), "other": .text("description"),
    ]

    @Test("each field code has a message in all four languages, no placeholder left, each language its own",
          arguments: FieldProblem.Code.allCases)
    func fieldCode(_ code: FieldProblem.Code) {
        #expect(FieldMessages.templates[code] != nil, "\(code.rawValue) has no entry in FieldMessages")
        var messages: [Language: String] = [:]
        for language in Language.allCases {
            let message = ErrorText(language).message(InvalidField("subject", FieldProblem(code, Self.allParameters)))
            #expect(!message.isEmpty && message != code.rawValue, "\(code.rawValue) in \(language)")
            #expect(!message.contains("{") && !message.contains("}"), "\(code.rawValue) in \(language): \(message)")
            messages[language] = message
        }
        #expect(Set(messages.values).count == Language.allCases.count, "\(code.rawValue): two languages share a text: \(messages)")
    }

    @Test("German messages about every known field and parameter hold no English words", arguments: FieldProblem.Code.allCases)
    func germanOnly(_ code: FieldProblem.Code) {
        // Header names are names, not prose.
        for field in Vocabulary.fieldLabels.keys where !["Content-Type", "Idempotency-Key"].contains(field) {
            let message = ErrorText(.de).message(InvalidField(field, FieldProblem(code, Self.allParameters)))
            #expect(ErrorLanguageTests.englishWords(in: message).isEmpty, "\(field), \(code.rawValue): \(message)")
        }
    }

    @Test("each top-level code has a message in all four languages", arguments: APIError.Code.allCases)
    func errorCode(_ code: APIError.Code) {
        #expect(ErrorMessages.templates[code] != nil, "\(code.rawValue) has no entry in ErrorMessages")
        var messages: Set<String> = []
        for language in Language.allCases {
            let message = ErrorText(language).message(code, parameters: ["allowed": .list(["GET"])],
                                                      invalid: [InvalidField("email", .required), InvalidField("name", .required)])
            #expect(!message.isEmpty && message != code.rawValue && !message.contains("{"), "\(code.rawValue) in \(language): \(message)")
            messages.insert(message)
        }
        #expect(messages.count == Language.allCases.count, "\(code.rawValue): two languages share a text")
    }

    @Test("every attachment type and JSON type has a readable name")
    func names() {
        for type in AttachmentPolicy.recognisedTypes { #expect(Vocabulary.fileTypes[type] != nil, "\(type)") }
        for type in ["string", "boolean", "integer", "object", "array"] { #expect(Vocabulary.jsonTypes[type] != nil, "\(type)") }
        for field in TicketForm.limits.keys { #expect(Vocabulary.fieldLabels[field] != nil, "\(field)") }
    }

    @Test("numbers, sizes and lists as each language writes them")
    func formats() {
        let german = MessageFormat(language: .de), english = MessageFormat(language: .en)
        #expect(german.number(20_000) == "20.000" && english.number(20_000) == "20,000")
        #expect(MessageFormat(language: .fr).number(20_000) == "20\u{202F}000")
        #expect(MessageFormat(language: .es).number(2_000) == "2000" && MessageFormat(language: .es).number(20_000) == "20.000")
        #expect(german.size(10 * 1024 * 1024) == "10 MB" && german.size(5 * 1024 * 1024 / 2) == "2,5 MB")
        #expect(english.size(1_536) == "1.5 KB" && german.size(500) == "500 Byte")
        #expect(german.list(["PNG", "PDF", "Text"], conjunction: Vocabulary.and) == "PNG, PDF und Text")
        #expect(english.list(["de", "en"], conjunction: Vocabulary.or) == "de or en")
    }
}
