import LotseAnalysis
import Testing
@testable import LotseSearch

/// A search box's last word is still being typed: when it is a stop word so far, it stands for its completions only.
@Suite struct PrefixStopWordTests {
    static var planner: QueryPlanner { .fixture(frequencies: ["der": 200, "derzeit": 12, "sie": 200, "sieben": 8, "passwort": 40]) }

    func terms(of word: String, in concepts: [Concept]) -> [[String]] {
        concepts.first { $0.word == word }?.alternatives.map(\.terms) ?? []
    }

    @Test func aStopWordBeingTypedIsNotLookedUpAsItself() {
        let concepts = Self.planner.concepts(query: "Passwort der", prefixLastWord: true)
        #expect(terms(of: "der", in: concepts) == [[Analyzer().stem("derzeit")]], "\(concepts)")
        let sie = Self.planner.concepts(query: "sie", prefixLastWord: true)
        #expect(terms(of: "sie", in: sie) == [[Analyzer().stem("sieben")]], "\(sie)")
    }

    @Test func anyOtherWordBeingTypedIsLookedUpAsItselfAndItsCompletions() {
        let concepts = Self.planner.concepts(query: "der Passwort", prefixLastWord: true)
        #expect(terms(of: "passwort", in: concepts).first == [Analyzer().stem("passwort")], "\(concepts)")
        #expect(terms(of: "der", in: concepts).isEmpty, "a finished stop word is dropped")
    }
}
