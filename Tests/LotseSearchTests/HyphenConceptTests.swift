import LotseAnalysis
import Testing
@testable import LotseSearch

/// A hyphen chain ("E-Mail-Adresse", "K-Nummer") is one concept: the joined word, and its parts.
@Suite struct HyphenConceptTests {
    static var planner: QueryPlanner { .fixture(frequencies: ["nummer": 30, "kundennummer": 20, "eintrag": 12, "adresse": 25, "mail": 40]) }

    func alternatives(of word: String, in query: String) -> [(terms: [String], allOf: Bool)] {
        let concepts = Self.planner.concepts(query: query, prefixLastWord: false)
        return concepts.first { $0.word == word }?.alternatives.map { ($0.terms, $0.allOf) } ?? []
    }

    @Test("a chain with one word beside letters matches that word too", arguments: [("K-Nummer", "k-nummer", "nummer"),
                                                                                        ("A-Eintrag ändern", "a-eintrag", "eintrag")])
    func aLoneWordBesideLetters(query: String, concept: String, word: String) {
        let found = alternatives(of: concept, in: query)
        #expect(found.contains { $0.terms == [Analyzer().stem(word)] && !$0.allOf }, "\(found)")
    }

    @Test("a code of letters and a number adds no number of its own", arguments: [("K-3019284", "3019284"), ("LH-PC-2026-77", "2026")])
    func codesAddNoNumber(query: String, number: String) {
        let found = alternatives(of: query.lowercased(), in: query)
        #expect(!found.isEmpty)
        #expect(!found.contains { $0.terms == [number] && !$0.allOf }, "\(found)")
    }

    @Test("beside an abbreviation the word alone is not enough", arguments: ["IT-Kollege", "IP-Adresse"])
    func besideAnAbbreviation(query: String) {
        let found = alternatives(of: query.lowercased(), in: query)
        let word = Analyzer().stem(String(query.split(separator: "-")[1]).lowercased())
        #expect(!found.isEmpty)
        #expect(!found.contains { $0.terms == [word] && !$0.allOf }, "\(found)")
    }

    @Test func aChainOfWordsNeedsAllOfThem() {
        let found = alternatives(of: "e-mail-adresse", in: "E-Mail-Adresse")
        #expect(found.contains { $0.terms == ["mail", Analyzer().stem("adresse")] && $0.allOf }, "\(found)")
        #expect(!found.contains { $0.terms == [Analyzer().stem("adresse")] }, "one word of several is not enough: \(found)")
    }
}
