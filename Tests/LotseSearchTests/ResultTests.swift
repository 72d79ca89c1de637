import Foundation
import LotseAnalysis
import Testing
@testable import LotseSearch

@Suite struct ResultTests {
    @Test func snippetsEscapeArticleTextAndOnlyAddMarks() async throws {
        let result = try #require(try await SearchFixture.shared().engine.search("Entwickler Beispiel").first)
        #expect(result.id == "rechnungsadresse-aendern")
        #expect(result.snippet.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(result.snippet.contains("&amp;"))
        let tags = result.snippet.matches(of: /<\/?([a-z]+)>/).map { String($0.output.1) }
        #expect(!tags.isEmpty)
        #expect(tags.allSatisfy { $0 == "mark" })
        #expect(result.snippet.contains("<mark>Entwickler</mark>"))
    }

    @Test func snippetsMarkStemsCompoundsAndPrefixes() async throws {
        let engine = try SearchFixture.shared().engine
        #expect(try await engine.search("Rechnungen").first?.snippet.contains("<mark>Rechnungen</mark>") == true)
        #expect(try await engine.search("Nummer").first?.snippet.contains("<mark>Kundennummer</mark>") == true)
        #expect(try await engine.search("Kündigungsfr").first?.snippet.contains("<mark>Kündigungsfrist</mark>") == true)
    }

    @Test func resultsCarryMetadataAndOrderedScores() async throws {
        let results = try await SearchFixture.shared().engine.search("Rechnung", options: SearchOptions(limit: 5))
        let first = try #require(results.first)
        #expect(first.title == "Rechnungsadresse ändern")
        #expect(first.category == "Rechnungen & Zahlungen")
        #expect(results.map(\.score) == results.map(\.score).sorted(by: >))
        #expect(results.allSatisfy { $0.score > 0 && $0.score <= 1 })
    }

    @Test func limitIsClamped() async throws {
        let engine = try SearchFixture.shared().engine
        #expect(try await engine.search("Kundencenter", options: SearchOptions(limit: 1)).count == 1)
        #expect(SearchOptions(limit: 0).limit == 1)
        #expect(SearchOptions(limit: 10_000).limit == SearchOptions.maximumLimit)
    }

    @Test func categoryAndLanguageFilters() async throws {
        let fixture = try SearchFixture.shared()
        let billing = try await fixture.ids("ändern", options: SearchOptions(category: "Rechnungen & Zahlungen"))
        #expect(billing == ["rechnungsadresse-aendern"])
        #expect(try await fixture.ids("password", options: SearchOptions(language: .en)) == ["en-reset-password"])
        #expect(try await fixture.ids("Passwort", options: SearchOptions(language: .de)).allSatisfy { !$0.hasPrefix("en-") })
        #expect(try await fixture.ids("Passwort", options: SearchOptions(category: "Gibt es nicht")).isEmpty)
    }

    @Test func jsonShapeMatchesTheAPI() async throws {
        let result = try #require(try await SearchFixture.shared().engine.search("Kundennummer").first)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == ["id", "title", "url", "category", "snippet", "score", "ticketOnly"] as Set
                || Set(object?.keys.map { $0 } ?? []) == ["id", "title", "category", "snippet", "score", "ticketOnly"] as Set)
    }
}
