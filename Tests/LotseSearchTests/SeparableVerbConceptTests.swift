import LotseAnalysis
import Testing
@testable import LotseSearch

/// The planner rejoins a split separable verb only where an article has it: "kommen … an" matches "ankommen".
@Suite struct SeparableVerbConceptTests {
    static func planner(_ frequencies: [String: Int]) -> QueryPlanner { .fixture(frequencies: frequencies) }

    static let vocabulary = ["mails": 30, "kommen": 40, "ankommen": 5, "anmeldung": 20, "melden": 10]

    func terms(of word: String, in concepts: [Concept]) -> [[String]] {
        concepts.first { $0.word == word }?.alternatives.map(\.terms) ?? []
    }

    @Test func aSplitVerbMatchesItsInfinitive() {
        let planner = Self.planner(Self.vocabulary)
        let concepts = planner.concepts(query: "Die Mails kommen nicht an", prefixLastWord: false)
        #expect(terms(of: "kommen", in: concepts).contains(["ankomm"]), "\(concepts)")
        let draft = planner.concepts(subject: "", description: "ich melde mich an und es passiert nichts", prefixLastWord: false)
        #expect(terms(of: "melde", in: draft).contains(["anmeld"]), "\(draft)")
    }

    @Test func aSpokenParticleMatchesTheWrittenOne() {
        let planner = Self.planner(Self.vocabulary.merging(["rechnung": 30, "laden": 10, "herunterladen": 6]) { $1 })
        let concepts = planner.concepts(query: "wie lade ich die Rechnung runter", prefixLastWord: false)
        #expect(terms(of: "lade", in: concepts).contains(["herunterlad"]), "\(concepts)")
    }

    @Test func aRejoinedVerbNoArticleHasIsNotSearched() {
        var vocabulary = Self.vocabulary
        vocabulary["ankommen"] = nil
        let concepts = Self.planner(vocabulary).concepts(query: "Die Mails kommen nicht an", prefixLastWord: false)
        #expect(terms(of: "kommen", in: concepts) == [["komm"]], "\(concepts)")
    }

    @Test func aSymptomWordIsOptionalButARejoinedVerbIsNot() {
        let planner = Self.planner(Self.vocabulary.merging(["klappt": 3, "login": 20]) { $1 })
        let concepts = planner.concepts(query: "login klappt nicht", prefixLastWord: false)
        let login = concepts.first { $0.word == "login" }, klappt = concepts.first { $0.word == "klappt" }
        #expect(login?.isSymptom == false && klappt?.isSymptom == true, "\(concepts)")
        let rejoined = planner.concepts(query: "Die Mails kommen nicht an", prefixLastWord: false)
        #expect(rejoined.first { $0.word == "kommen" }?.isSymptom == false, "\(rejoined)")
        #expect(planner.concepts(query: "Mails kommen nicht", prefixLastWord: false).first { $0.word == "kommen" }?.isSymptom == true)
    }

    @Test func aParticleInsideTheClauseRejoinsNothing() {
        let concepts = Self.planner(Self.vocabulary).concepts(query: "Mails kommen an Feiertagen", prefixLastWord: false)
        #expect(!terms(of: "kommen", in: concepts).contains(["ankomm"]), "\(concepts)")
    }
}
