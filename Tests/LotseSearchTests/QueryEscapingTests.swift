import LotseTestSupport
import Testing
@testable import LotseSearch

@Suite struct QueryEscapingTests {
    @Test(arguments: [
        (Concept.Alternative(terms: ["passwort"]), ["passwort"]),
        (Concept.Alternative(terms: ["pass\"wort"]), ["pass\"wort"]),  // looked up as a bound term, never parsed
        (Concept.Alternative(terms: ["kund*"]), ["kund*"]),  // a star is text, not a prefix
        (Concept.Alternative(terms: ["vertrag", "beend"]), ["vertrag", "beend"]),
        (Concept.Alternative(terms: ["a b"]), ["ab"]),
        (Concept.Alternative(terms: ["rech\u{0}nung\u{200B}"]), ["rechnung"]),
    ])
    func termsAreCleaned(alternative: Concept.Alternative, expected: [String]) {
        #expect(QueryBuilder.clean(alternative)?.terms == expected)
    }

    @Test func compoundPartsNeedTwoParts() throws {
        #expect(QueryBuilder.clean(.init(terms: ["kund", "numm"], allOf: true, weight: 0.5))?.terms == ["kund", "numm"])
        #expect(QueryBuilder.clean(.init(terms: ["kund", " "], allOf: true, weight: 0.5)) == nil)
    }

    @Test func emptyTermsAreDropped() {
        #expect(QueryBuilder.clean(Concept.Alternative(terms: [""])) == nil)
        #expect(QueryBuilder.build([Concept(word: "x", alternatives: [.init(terms: [""])], weight: 1)]) == nil)
    }

    @Test func conceptsKeepTheirOrderAndTermsAreListedOnce() async throws {
        let concepts = [
            Concept(word: "passwort", alternatives: [.init(terms: ["passwort"]), .init(terms: ["kennwort"], weight: 0.9)], weight: 1),
            Concept(word: "", alternatives: [.init(terms: ["\u{1}"])], weight: 1),
            Concept(word: "vergessen", alternatives: [.init(terms: ["vergess"]), .init(terms: ["passwort", "vergess"])], weight: 1),
        ]
        let query = try #require(QueryBuilder.build(concepts))
        #expect(query.alternatives.map { $0.map(\.terms) } == [[["passwort"], ["kennwort"]], [], [["vergess"], ["passwort", "vergess"]]])
        #expect(query.terms == ["passwort", "kennwort", "vergess"])
    }

    static let hostile = [
        "\"", "\"\"\"", "passwort\"", "* passwort *", "^passwort", "title:passwort", "-passwort", "NEAR(passwort vergessen, 2)",
        "AND", "OR NOT", "passwort AND OR NOT", "(passwort", "passwort)", "[passwort]", "{}", "🔑🔑", "passwort 🔑",
        "'; DROP TABLE articles; --", "\\", "\u{0}", "\u{FEFF}passwort", "😀👍🏽🇩🇪", ":::", "...", "- - -", "+", "\"*\"",
        "e-mail-adresse\"", "\u{202E}drowssap", "passwort\nvergessen\t\r", String(repeating: "a", count: 10_000),
        String(repeating: "Passwort vergessen ", count: 600), String(repeating: "\" OR ", count: 500),
    ]

    @Test(arguments: hostile)
    func hostileInputNeverThrows(query: String) async throws {
        let fixture = try SearchFixture.shared()
        let results = try await fixture.engine.search(query)
        #expect(results.allSatisfy { SearchFixture.articles.keys.contains($0.id + ".md") })
        _ = try await fixture.engine.suggest(subject: query, description: query)
    }

    /// Property-style: random strings over a hostile alphabet never make search throw.
    @Test func randomStringsNeverThrow() async throws {
        let fixture = try SearchFixture.shared()
        let alphabet = Array("abcäöüßXYZ \"*^:-()[]{}+NEAROTD\\'`~!?.,;/\n\t0123456789🔑é\u{301}\u{0}")
        var generator = SyntheticCorpus.SplitMix64(seed: 7)
        for _ in 0..<400 {
            let length = Int(generator.next() % 40)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            _ = try await fixture.engine.search(text)
            _ = try await fixture.engine.suggest(subject: text, description: String(text.reversed()))
        }
    }
}
