import Testing
@testable import LotseSearch

@Suite struct WarmingTests {
    @Test func commonTermsComeInOrderOfDocumentFrequency() throws {
        let engine = try SearchEngine(indexPath: try SearchFixture.shared().engine.indexPath)
        let terms = engine.commonTerms(limit: 10)
        #expect(terms.count == 10)
        let frequencies = terms.map { engine.statistics.documentFrequency[$0] ?? 0 }
        #expect(frequencies == frequencies.sorted(by: >))
        #expect(frequencies.first == engine.statistics.documentFrequency.largestCount)
    }

    /// Warming reads each term once, into the cache a query uses, and answers do not change.
    @Test func warmedEngineHoldsTheTermsAndAnswersAsBefore() async throws {
        let warmFixture = try SearchFixture.shared().engine
        let engine = try SearchEngine(indexPath: warmFixture.indexPath)
        #expect(engine.recentTerms(limit: 50).isEmpty)
        let terms = engine.commonTerms(limit: 20) + ["passwort", "kein-solcher-begriff"]
        #expect(await engine.warm(terms: terms, until: .now + .seconds(600)) == terms.count)
        #expect(Set(engine.recentTerms(limit: 50)) == Set(terms))
        #expect(await engine.warm(terms: terms, until: .now + .seconds(600)) == 0)
        #expect(try await engine.search("Passwort vergessen") == (try await warmFixture.search("Passwort vergessen")))
    }

    @Test func warmingStopsAtTheDeadline() async throws {
        let engine = try SearchEngine(indexPath: try SearchFixture.shared().engine.indexPath)
        #expect(await engine.warm(terms: engine.commonTerms(limit: 20), until: .now - .seconds(1)) == 0)
    }

    /// What a reload hands over: the terms the old engine's queries read, newest first, without derived entries.
    @Test func recentTermsAreTheQueriedOnesNewestFirst() async throws {
        let engine = try SearchEngine(indexPath: try SearchFixture.shared().engine.indexPath)
        _ = try await engine.search("Rechnung")
        _ = try await engine.search("Kundennummer")
        let recent = engine.recentTerms(limit: 100)
        #expect(recent.contains("kundennummer"))
        #expect(recent.contains { $0.hasPrefix("rechnung") })
        #expect(!recent.contains { $0.hasPrefix("\u{1}") })
        let kundennummer = try #require(recent.firstIndex(of: "kundennummer"))
        let rechnung = try #require(recent.firstIndex { $0.hasPrefix("rechnung") })
        #expect(kundennummer < rechnung)
    }
}
