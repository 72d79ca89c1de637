import Foundation
import LotseTestSupport
import Testing
@testable import LotseSearch

/// An operator's synonyms and pins on an engine of its own over the shared fixture's index (curation changes an
/// engine, so the shared engine is never curated).
@Suite struct CurationTests {
    private let engine: SearchEngine
    private let directory: TemporaryDirectory

    init() throws {
        engine = try SearchEngine(indexPath: SearchFixture.shared().workspace.indexPath, connectionCount: 1)
        directory = try TemporaryDirectory(prefix: "lotse-curation")
    }

    private func file(_ name: String, _ text: String) throws -> String {
        let path = directory.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The pins the index lacks, as `SearchEngine.curate` returns them (most tests only curate).
    @discardableResult
    private func curate(synonyms: String? = nil, pins: String? = nil) throws -> [Pin] {
        try engine.curate(Curation.load(synonyms: synonyms.map { try file("synonyms.txt", $0) },
                                        pins: pins.map { try file("pins.json", $0) }))
    }

    private func ids(_ query: String, options: SearchOptions = SearchOptions()) async throws -> [String] {
        try await engine.search(query, options: options).map(\.id)
    }

    private static func pins(_ entries: [(query: String, id: String, position: Int)]) -> String {
        "[\n" + entries.map { #"  {"query": "\#($0.query)", "articleId": "\#($0.id)", "position": \#($0.position)}"# }
            .joined(separator: ",\n") + "\n]\n"
    }

    // MARK: - Synonyms

    @Test func anOperatorSynonymFindsWhatTheBuiltInListDoesNot() async throws {
        #expect(try await ids("Geheimwort").isEmpty)
        try curate(synonyms: "# our customers' words\ngeheimwort, passwort\n")
        #expect(try await ids("Geheimwort").first == "passwort-zuruecksetzen")
        // Built-in groups still apply beside the operator's.
        #expect(try await ids("Kennwort").first == "passwort-zuruecksetzen")
    }

    @Test func aMultiWordExpressionMatchesAsAPhrase() async throws {
        #expect(try await ids("Zugang verloren").first != "passwort-zuruecksetzen")
        try curate(synonyms: "zugang verloren, passwort vergessen\n")
        #expect(try await ids("Zugang verloren").first == "passwort-zuruecksetzen")
    }

    /// The answer cached under the previous curation is not served again.
    @Test func aNewCurationReplacesCachedAnswers() async throws {
        try curate(synonyms: "geheimwort, passwort\n")
        #expect(try await ids("Geheimwort").first == "passwort-zuruecksetzen")
        try engine.curate(.none)
        #expect(try await ids("Geheimwort").isEmpty)
        try curate(synonyms: "geheimwort, spamfilter\n")
        #expect(try await ids("Geheimwort").first == "spamfilter")
    }

    // MARK: - Pins

    @Test(arguments: ["Passwort vergessen", "passwort  vergesen", "PASSWORT VERGESSEN?", "Passwörter vergessen", "passw",
                      "Passwort ver", "Ich habe mein Passwort vergessen", "Passwort ", "ich habe mein passwort verg"])
    func aPinnedQueryItsSpellingsAndPrefixesGetThePin(typed: String) async throws {
        try curate(pins: Self.pins([("Passwort vergessen", "kundennummer-finden", 1)]))
        let results = try await ids(typed)
        #expect(results.first == "kundennummer-finden", "\(typed)")
        #expect(results.filter { $0 == "kundennummer-finden" }.count == 1)
    }

    @Test(arguments: ["Passwort ändern", "Passwort vergessen Hilfe", "pa", "Kennwort vergessen", "vergessen"])
    func otherQueriesDoNotGetThePin(typed: String) async throws {
        try curate(pins: Self.pins([("Passwort vergessen", "kundennummer-finden", 1)]))
        #expect(try await ids(typed, options: SearchOptions(minimumScore: 0)).first != "kundennummer-finden", "\(typed)")
    }

    @Test func thePositionIsRespected() async throws {
        let unpinned = try await ids("Rechnung", options: SearchOptions(minimumScore: 0))
        #expect(unpinned.count >= 2 && !unpinned.prefix(2).contains("spamfilter"))
        try curate(pins: Self.pins([("Rechnung", "spamfilter", 2)]))
        let pinned = try await ids("Rechnung", options: SearchOptions(minimumScore: 0))
        #expect(pinned.first == unpinned.first)
        #expect(pinned[1] == "spamfilter")
        #expect(Array(pinned.dropFirst(2)) == Array(unpinned.dropFirst().filter { $0 != "spamfilter" }.prefix(pinned.count - 2)))
    }

    /// A position past the end of a shorter answer is its last place; within the limit, every pin shows.
    @Test func positionsPastTheEndAndBeyondTheLimit() async throws {
        try curate(pins: Self.pins([("Spamfilter", "vertrag-kuendigen", 40), ("Spamfilter", "kundennummer-finden", 50)]))
        let results = try await ids("Spamfilter")
        #expect(results.first == "spamfilter")
        #expect(Array(results.suffix(2)) == ["vertrag-kuendigen", "kundennummer-finden"])
        let two = try await ids("Spamfilter", options: SearchOptions(limit: 2))
        #expect(two == ["vertrag-kuendigen", "kundennummer-finden"])
    }

    @Test func severalPinsForOneQueryKeepTheirOrder() async throws {
        try curate(pins: Self.pins([("Kündigung", "spamfilter", 1), ("Kündigung", "kundennummer-finden", 1),
                                    ("Kündigung", "rechnungsadresse-aendern", 2)]))
        let results = try await ids("Kündigung")
        #expect(Array(results.prefix(4)) == ["spamfilter", "kundennummer-finden", "rechnungsadresse-aendern", "vertrag-kuendigen"])
    }

    /// The answer decision would stay silent; the operator answered for it.
    @Test func aPinnedArticleIsShownWhereTheRankingWouldNotAnswer() async throws {
        #expect(try await ids("Reisekostenabrechnung").isEmpty)
        try curate(pins: Self.pins([("Reisekostenabrechnung", "spamfilter", 3)]))
        let results = try await engine.search("Reisekostenabrechnung")
        #expect(results.map(\.id) == ["spamfilter"])
        #expect(results.first?.score == 0)
    }

    @Test func aPinRespectsTheLanguageAndCategoryAskedFor() async throws {
        try curate(pins: Self.pins([("Passwort vergessen", "en-reset-password", 1)]))
        #expect(try await ids("Passwort vergessen").first == "en-reset-password")
        #expect(try await !ids("Passwort vergessen", options: SearchOptions(language: .de)).contains("en-reset-password"))
        #expect(try await !ids("Passwort vergessen", options: SearchOptions(category: "E-Mail")).contains("en-reset-password"))
    }

    @Test func aDraftGetsThePinsOfItsSubject() async throws {
        try curate(pins: Self.pins([("Passwort vergessen", "kundennummer-finden", 1)]))
        #expect(try await engine.suggest(subject: "Passwort vergess", description: "").first?.id == "kundennummer-finden")
        let written = try await engine.suggest(subject: "Passwort vergessen", description: "Ich komme nicht mehr in mein Konto.")
        #expect(written.first?.id == "kundennummer-finden")
    }

    @Test func pinsOfUnknownArticlesAreSkippedAndNamed() async throws {
        let skipped = try curate(pins: Self.pins([("Spamfilter", "no-such-article", 1), ("Spamfilter", "vertrag-kuendigen", 1)]))
        #expect(skipped.map(\.articleId) == ["no-such-article"])
        #expect(skipped.first?.location.hasSuffix("pins.json:2") == true)
        #expect(try await ids("Spamfilter").first == "vertrag-kuendigen")
    }

    /// Thousands of pins load within the file's bounds and leave other queries' answers as they were.
    @Test func tenThousandPinsLoadAndKeepAnswering() async throws {
        let unpinned = try await ids("Kundennummer")
        let many = (0..<PinFile.maximumPins).map { (query: "Frage \($0) Wort\($0)", id: "spamfilter", position: 1 + $0 % 5) }
        try curate(pins: Self.pins(many))
        #expect(try await ids("Kundennummer") == unpinned)
        #expect(try await ids("Frage 7 Wort7").first == "spamfilter")
    }
}
