import Testing
@testable import LotseSearch

/// The unfinished last word stands for its likeliest completions, never for a stop word (the planner drops those once
/// typed in full, and their postings hold nearly every article), and a letter or two after other words for nothing yet.
@Suite struct CompletionConceptTests {
    static let frequencies = ["der": 195, "die": 198, "das": 190, "dass": 150, "domain": 40, "datei": 20, "passwort": 30]

    @Test func completionsSkipStopWords() {
        let corrector = TypoCorrector(vocabulary: Self.frequencies)
        #expect(corrector.completions(of: "d", limit: 6) == ["domain", "datei"])
        #expect(corrector.completions(of: "da", limit: 6) == ["datei"])
    }

    @Test func aLoneLetterStandsForItsCompletions() {
        let concepts = QueryPlanner.fixture(frequencies: Self.frequencies).concepts(query: "d", prefixLastWord: true)
        #expect(concepts.map { $0.alternatives.map(\.terms) } == [[["domain"], ["datei"]]])
    }

    @Test func aLetterOrTwoAfterOtherWordsSaysNothingYet() {
        let planner = QueryPlanner.fixture(frequencies: Self.frequencies)
        #expect(planner.concepts(query: "Was war d", prefixLastWord: true).isEmpty, "stop words, then a letter")
        #expect(planner.concepts(query: "Passwort da", prefixLastWord: true).map(\.word) == ["passwort"])
        let draft = planner.concepts(subject: "Passwort", description: "Ich habe d", prefixLastWord: true)
        #expect(draft.map(\.word) == ["passwort"], "the description continues the subject")
        #expect(planner.concepts(query: "Was war d", prefixLastWord: false).isEmpty, "a finished one-letter word is no concept")
    }
}
