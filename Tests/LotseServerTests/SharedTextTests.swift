import LotseAnalysis
@testable import LotseServer
import NIOCore
import Testing

/// The help pages (`PageText`, rendered on the server) and the portal (`portal-texts.js`, a static file the browser
/// switches between languages: no build step, a strict Content-Security-Policy) say some things both. Neither is
/// generated from the other; this keeps the shared ones worded alike.
@Suite struct SharedTextTests {
    static let shared: [(portal: String, page: Wording)] = [
        ("brand", PageText.brand), ("nav.label", PageText.sections), ("nav.search", PageText.search), ("nav.ask", PageText.ask),
        ("nav.categories", PageText.categories), ("language.label", PageText.articlesIn), ("language.all", PageText.allLanguages),
        ("search.heading", PageText.heading), ("search.label", PageText.searchLabel),
        ("search.placeholder", PageText.searchPlaceholder), ("search.button", PageText.searchButton),
        ("search.askQuestion", PageText.noAnswer), ("feedback.question", PageText.voteQuestion), ("feedback.yes", PageText.yes),
        ("feedback.no", PageText.no), ("feedback.thanks", PageText.thanks), ("feedback.thanksNotHelpful", PageText.thanksNotHelpful),
        ("feedback.failed", PageText.voteFailed), ("solution.ticketOnlyQuestion", PageText.ticketOnlyQuestion),
        ("footer.label", PageText.legal), ("footer.imprint", PageText.imprint), ("footer.privacy", PageText.privacy),
        ("done.title", TicketText.received), ("done.new", TicketText.newRequest),
    ]

    /// `portal-texts.js` as text by id per language: its `  de: {` blocks of `    'id': 'text',` lines.
    static func portalTexts() throws -> [String: [String: String]] {
        let file = String(buffer: try #require(PortalRoutes.assets["portal-texts.js"]).bytes)
        var texts: [String: [String: String]] = [:]
        var language: String?
        for line in file.split(separator: "\n") {
            if line.hasPrefix("  ") && !line.hasPrefix("   ") && line.hasSuffix(": {") {
                language = line.dropFirst(2).dropLast(3).description
            } else if let language, line.hasPrefix("    '") && line.hasSuffix("',"), let separator = line.range(of: "': '") {
                let id = line[line.index(line.startIndex, offsetBy: 5)..<separator.lowerBound]
                texts[language, default: [:]][String(id)] = String(line[separator.upperBound...].dropLast(2))
            }
        }
        return texts
    }

    @Test("the texts the portal and the help pages share read the same in German, English, French and Spanish")
    func sharedTextsAgree() throws {
        let portal = try Self.portalTexts()
        #expect(portal.keys.sorted() == ["de", "en", "es", "fr"] && portal.values.allSatisfy { $0.count > 80 })
        for (id, wording) in Self.shared {
            for language in [Language.de, .en, .fr, .es] {
                #expect(portal[language.rawValue]?[id] == wording[language], "\(id) in \(language.rawValue)")
            }
        }
    }
}
